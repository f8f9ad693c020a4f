package ringtool.core.payload.balloon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.testing.Hex;

/** One test per rule of docs/protocols/balloon.md §4 not pinned by BalloonDissectorTest: message and place. */
class BalloonRulesTest {

    private static Finding only(String hex, String ring, Rule rule) {
        Decoding d = Decoding.of(new BalloonDissector(), Hex.parse(hex), ring);
        assertEquals(1, d.findings().size(), () -> d.findings().toString());
        Finding f = d.findings().get(0);
        assertEquals(rule, f.rule());
        return f;
    }

    @Test
    void aSizeBelowTheStructIsAnError() {
        Finding f = only("02 00 0c 00 01 00 00 00  01 00 00 00 00 00 00 00   |................|", "inbound",
                BalloonRules.BALLOON_SIZE_TOO_SMALL);
        assertEquals("DM_VERSION_RESPONSE dm_header.size: expected at least 16, got 12", f.message());
        assertEquals(2L, f.offset());
    }

    @Test
    void aPayloadBeyondTheReceiveBufferIsAWarning() {
        byte[] big = new byte[4104];
        System.arraycopy(Hex.parse("00 00 08 00 00 00 00 00"), 0, big, 0, 8);
        var d = Decoding.of(new BalloonDissector(), big, "inbound");
        Finding f = d.findings().get(0);
        assertEquals(BalloonRules.BALLOON_PACKET_BEYOND_RECV_BUFFER, f.rule());
        assertEquals("payload length: expected at most 4096, got 4104", f.message());
        assertEquals(4104L, f.length());
    }

    @Test
    void aHostMessageInTheOutboundRingIsAWarning() {
        Finding f = only("06 00 10 00 05 00 00 00  40 00 00 00 00 00 00 00   |........@.......|", "outbound",
                BalloonRules.BALLOON_TYPE_WRONG_DIRECTION);
        assertEquals("DM_BALLOON_REQUEST is sent by the host, but lies in the outbound ring", f.message());
        assertEquals(0L, f.offset());
    }

    @Test
    void aGuestMessageInTheInboundRingIsAWarningButASingleRingHasNoDirection() {
        String response = "09 00 08 00 05 00 00 00   |........| DM_UNBALLOON_RESPONSE";
        assertEquals("DM_UNBALLOON_RESPONSE is sent by the guest, but lies in the inbound ring",
                only(response, "inbound", BalloonRules.BALLOON_TYPE_WRONG_DIRECTION).message());
        assertEquals(0, Decoding.of(new BalloonDissector(), Hex.parse(response), "ring").findings().size());
    }

    @Test
    void aHotAddOfTwentyBytesIsAnError() {
        Finding f = only("""
                0a 00 14 00 00 00 00 00  00 00 01 00 00 00 80 00   |................| size 20
                00 00 01 00 00 00 00 01                            |........|
                """, "inbound", BalloonRules.BALLOON_HOT_ADD_SIZE_INVALID);
        assertEquals("DM_MEM_HOT_ADD_REQUEST dm_header.size: expected 16 or 24, got 20", f.message());
    }

    @Test
    void anInfoSizeBeyondTheMessageIsAnError() {
        Finding f = only("""
                0c 00 20 00 00 00 00 00  00 00 00 00 00 10 00 00   |.. .............| info_size 0x1000
                00 00 00 00 08 00 00 00  00 00 10 00 00 00 00 00   |................|
                """, "inbound", BalloonRules.BALLOON_INFO_SIZE_BEYOND_MESSAGE);
        assertEquals("DM_INFO_MESSAGE info_size: expected at most 16, got 4096", f.message());
        assertEquals(12L, f.offset());
    }

    @Test
    void maxPageCountWithDataSizeFourIsAWarning() {
        Finding f = only("""
                0c 00 1c 00 00 00 00 00  00 00 00 00 0c 00 00 00   |................| info_size 12
                00 00 00 00 04 00 00 00  00 10 00 00 00 00 00 00   |................| data_size 4
                """, "inbound", BalloonRules.BALLOON_INFO_DATA_SIZE_INVALID);
        assertEquals("INFO_TYPE_MAX_PAGE_CNT data_size: expected 8, got 4", f.message());
        assertEquals(20L, f.offset());
    }

    @Test
    void anUnknownInformationTypeIsANote() {
        Finding f = only("""
                0c 00 18 00 00 00 00 00  00 00 00 00 08 00 00 00   |................|
                05 00 00 00 00 00 00 00                            |........|         type 5
                """, "inbound", BalloonRules.BALLOON_INFO_TYPE_UNKNOWN);
        assertEquals("DM_INFO_MESSAGE information type 5 is not INFO_TYPE_MAX_PAGE_CNT (0)", f.message());
        assertEquals(16L, f.offset());
    }
}
