package ringtool.core.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTableTest {

    private static final MessageDecoder<Long> NAMED = (ctx, h, message) -> ctx.decoded(message, message, Fields.EMPTY);

    @Test
    void aTypeIsFoundByItsNumberAndAnUnknownOneIsNamedByIt() {
        MessageTable<Long> t = MessageTable.<Long>builder().add(3, "THREE", NAMED).add(1, "ONE", NAMED).build();
        assertEquals("THREE", t.find(3).name());
        assertNull(t.find(2));
        assertEquals("2", t.name(2));
        assertEquals(List.of(3L, 1L), t.types(), "registration order");
    }

    @Test
    void aTypeRegisteredTwiceIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MessageTable.<Long>builder().add(3, "THREE", NAMED).add(3, "AGAIN", NAMED));
        assertEquals("message type 3 registered twice", e.getMessage());
    }
}
