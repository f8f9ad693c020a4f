package ringtool.core.payload.balloon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.payload.Decoding;
import ringtool.core.payload.PayloadView;
import ringtool.core.rules.Finding;
import ringtool.core.testing.Hex;

class BalloonDissectorTest {

    private static final BalloonDissector BALLOON = new BalloonDissector();

    /** The first packet of the real capture's outbound ring. */
    private static final byte[] VERSION_REQUEST = Hex.parse("""
            01 00 10 00 01 00 00 00  00 00 02 00 00 00 00 00   |................|
            """);

    private static Decoding decode(String hex, String ring) {
        return Decoding.of(BALLOON, Hex.parse(hex), ring);
    }

    private static Finding only(Decoding d) {
        assertEquals(1, d.findings().size(), () -> d.findings().toString());
        return d.findings().get(0);
    }

    @Test
    void theRealVersionRequestDecodesAsVersionTwoPointZero() {
        Decoding d = Decoding.of(BALLOON, VERSION_REQUEST, "outbound");
        assertEquals("DM_VERSION_REQUEST", d.decoded().message());
        assertEquals("DM_VERSION_REQUEST trans 1: version 2.0, is_last_attempt 0", d.decoded().info());
        assertEquals("16", d.field("hdr", "size"));
        assertEquals("2", d.field("version", "major_version"));
        assertEquals(List.of(), d.findings());
    }

    @Test
    void aBalloonResponseListsItsRangesWithStartPageAndCount() {
        Decoding d = decode("""
                07 00 20 00 07 00 00 00  00 00 00 00 04 00 00 00   |. ..............| range_count 2, more_pages 0
                00 26 00 00 00 00 02 00  00 28 00 00 00 00 00 02   |.&.......(......| 0x2600 x 512, 0x2800 x 0x20000
                """, "outbound");
        assertEquals("DM_BALLOON_RESPONSE trans 7: 2 ranges, 131584 pages, more_pages 0", d.decoded().info());
        assertEquals("9728", d.field("range_array", 0, "start_page"));
        assertEquals("512", d.field("range_array", 0, "page_cnt"));
        assertEquals("131072", d.field("range_array", 1, "page_cnt"));
        assertEquals(List.of(), d.findings());
    }

    @Test
    void aRangeCountBeyondTheMessageIsAnErrorAndOnlyThePresentRangesDecode() {
        Decoding d = decode("""
                08 00 18 00 09 00 00 00  00 00 00 00 ff ff ff 7f   |................| range_count 0x7fffffff
                00 26 00 00 00 00 00 02                            |.&......|
                """, "inbound");
        Finding f = only(d);
        assertEquals(BalloonRules.BALLOON_RANGE_COUNT_BEYOND_SIZE, f.rule());
        assertEquals("DM_UNBALLOON_REQUEST range_count: expected at most 1 (8 bytes after the fixed part), got"
                + " 2147483647", f.message());
        assertEquals(12L, f.offset());
        assertEquals(1, ((ringtool.core.payload.FieldValue.Items) d.decoded().fields().get("range_array"))
                .items().size());
    }

    @Test
    void aSizeBeyondThePacketIsAnError() {
        Finding f = only(decode("""
                05 00 00 01 03 00 00 00                            |........| size 256
                """, "outbound"));
        assertEquals(BalloonRules.BALLOON_SIZE_BEYOND_PACKET, f.rule());
        assertEquals("dm_header.size: expected at most 8 (the payload), got 256", f.message());
        assertEquals(2L, f.offset());
        assertEquals(2L, f.length());
    }

    @Test
    void aPayloadShorterThanTheHeaderDecodesNothing() {
        Decoding d = decode("05 00 30 00 |..0.|", "outbound");
        assertNull(d.decoded());
        assertEquals("a payload of 4 bytes cannot hold the 8-byte dm_header", only(d).message());
    }

    @Test
    void anUnknownTypeDecodesTheHeaderOnlyWithANote() {
        Decoding d = decode("0d 00 08 00 05 00 00 00 |........|", "inbound");
        assertEquals("13", d.decoded().message());
        assertEquals("type 13 trans 5 (unknown), size 8", d.decoded().info());
        assertEquals(BalloonRules.BALLOON_TYPE_UNKNOWN, only(d).rule());
    }

    @Test
    void theContentTestWantsAKnownTypeAndASizeWithinThePacket() {
        assertTrue(BALLOON.plausible(PayloadView.of(ByteSource.of(VERSION_REQUEST))));
        assertFalse(BALLOON.plausible(PayloadView.of(ByteSource.of(Hex.parse("0d 00 08 00 00 00 00 00")))));
        assertFalse(BALLOON.plausible(PayloadView.of(ByteSource.of(Hex.parse("01 00 18 00 00 00 00 00")))));
    }
}
