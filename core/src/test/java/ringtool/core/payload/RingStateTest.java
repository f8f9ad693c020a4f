package ringtool.core.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RingStateTest {

    record Request(String what) {
    }

    @Test
    void aCompletionTakesItsRequestOnce() {
        RingState s = new RingState();
        s.request(7, new Request("INQUIRY"));
        assertNull(s.complete(7, String.class), "another type leaves it");
        assertEquals(new Request("INQUIRY"), s.complete(7, Request.class));
        assertNull(s.complete(7, Request.class));
    }

    @Test
    void theTableHoldsNoMoreRequestsThanPacketsDecoded() {
        RingState s = new RingState();
        for (long id = 0; id < 1000; id++) {
            s.request(id, new Request("r" + id));
        }
        assertNull(s.peek(0, Request.class), "one packet: one request kept");
        assertEquals(new Request("r999"), s.peek(999, Request.class));
        s.packetDecoded();
        s.request(1000, new Request("r1000"));
        assertEquals(new Request("r999"), s.peek(999, Request.class));
        assertEquals(new Request("r1000"), s.peek(1000, Request.class));
    }

    @Test
    void protocolStateIsMadeOnceAndKept() {
        RingState s = new RingState();
        StringBuilder first = s.of(StringBuilder.class, StringBuilder::new);
        assertSame(first, s.of(StringBuilder.class, StringBuilder::new));
    }
}
