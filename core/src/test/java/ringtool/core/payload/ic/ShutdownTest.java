package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;
import static ringtool.core.payload.ic.IcFixtures.padded;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.payload.Fields;
import ringtool.core.rules.Finding;

class ShutdownTest {

    static final int SIZE = 2088;

    @Test
    void aForcedShutdownShowsItsActionReasonTimeoutAndMessage() {
        Decoding d = decode(padded("""
                01 00 00 00 20 08 00 00  03 00 00 00 03 00 03 00   |.... ...........| pipe 1/2080; icverframe 3.0; icmsgtype 3 (SHUTDOWN)
                00 00 0c 08 00 00 00 00  00 03 00 00 00 00 00 80   |................| icvermsg 3.0; icmsgsize 2060; status 0x0; icflags 3; reason_code 0x80000000
                1e 00 00 00 01 00 00 00  50 00 6c 00 61 00 6e 00   |........P.l.a.n.| timeout 30, flags 1; display_message "Planned"
                6e 00 65 00 64 00                                  |n.e.d.|
                """, SIZE));
        none(d);
        assertEquals("ICMSGTYPE_SHUTDOWN", d.decoded().message());
        assertEquals("ICMSGTYPE_SHUTDOWN request: shut down (forced), reason 0x80000000, timeout 30 s, \"Planned\"",
                d.decoded().info());
        assertEquals("2147483648", d.field("shutdown_msg_data", "reason_code"));
        assertEquals("Planned", d.field("shutdown_msg_data", "display_message"));
    }

    @Test
    void flagsAboveFiveAreAWarning() {
        Decoding d = decode(padded("""
                01 00 00 00 20 08 00 00  03 00 00 00 03 00 03 00   |.... ...........| pipe 1/2080; icverframe 3.0; icmsgtype 3 (SHUTDOWN)
                00 00 0c 08 00 00 00 00  00 03 00 00 00 00 00 80   |................| icvermsg 3.0; icmsgsize 2060; status 0x0; icflags 3; reason_code 0x80000000
                1e 00 00 00 06 00 00 00                            |........| timeout 30, flags 6
                """, SIZE));
        Finding f = only(d);
        assertEquals(IcRules.IC_SHUTDOWN_FLAGS_INVALID, f.rule());
        assertEquals("shutdown_msg_data.flags: expected 0 to 5 (shut down, restart or hibernate, plus 1 when"
                + " forced), got 6", f.message());
        assertEquals(36L, f.offset());
        assertEquals(4L, f.length());
        assertEquals("ICMSGTYPE_SHUTDOWN request: flags 6, reason 0x80000000, timeout 30 s", d.decoded().info());
    }

    @Test
    void aShutdownCutShortDoesNotFitAndDecodesWhatIsThere() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 03 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 3 (SHUTDOWN)
                00 00 0c 00 00 00 00 00  00 03 00 00 00 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 3; reason_code 0
                3c 00 00 00 02 00 00 00                            |<.......| timeout 60, flags 2 (restart), then nothing
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_SHUTDOWN: expected at least 2088 (ICMSG_HDR + sizeof(struct"
                + " shutdown_msg_data)), got 40", f.message());
        assertEquals("ICMSGTYPE_SHUTDOWN request: restart, reason 0x00000000, timeout 60 s", d.decoded().info());
        assertNull(((Fields) d.decoded().fields().get("shutdown_msg_data")).get("display_message"));
    }

    @Test
    void aDisplayMessageWithoutItsNulIsUnterminated() {
        byte[] payload = padded("""
                01 00 00 00 20 08 00 00  03 00 00 00 03 00 03 00   |.... ...........| pipe 1/2080; icverframe 3.0; icmsgtype 3 (SHUTDOWN)
                00 00 0c 08 00 00 00 00  00 03 00 00 00 00 00 00   |................| icvermsg 3.0; icmsgsize 2060; status 0x0; icflags 3
                00 00 00 00 00 00 00 00                            |........| flags 0; display_message: 1024 times "A", then nothing
                """, SIZE);
        for (int i = 40; i < SIZE; i += 2) {
            payload[i] = 'A';
        }
        Decoding d = decode(payload);
        Finding f = only(d);
        assertEquals(IcRules.IC_STRING_UNTERMINATED, f.rule());
        assertEquals("shutdown_msg_data.display_message: no NUL within its 2048 bytes", f.message());
        assertEquals(40L, f.offset());
        assertEquals(2048L, f.length());
        char[] as = new char[1024];
        Arrays.fill(as, 'A');
        assertEquals(new String(as), d.field("shutdown_msg_data", "display_message"));
        assertEquals("ICMSGTYPE_SHUTDOWN request: shut down, reason 0x00000000, timeout 0 s, \""
                + new String(as, 0, 48) + "...\"", d.decoded().info());
    }
}
