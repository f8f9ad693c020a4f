package ringtool.core.payload.balloon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.testing.Hex;

/** One test per message family: the fields as the Linux structs name and nest them, and the info line. */
class BalloonMessagesTest {

    private static Decoding decode(String hex, String ring) {
        Decoding d = Decoding.of(new BalloonDissector(), Hex.parse(hex), ring);
        assertEquals(List.of(), d.findings());
        return d;
    }

    @Test
    void versionResponseSaysWhetherTheHostAccepted() {
        // The real capture's first inbound packet.
        Decoding d = decode("02 00 10 00 01 00 00 00  01 00 00 00 00 00 00 00   |................|", "inbound");
        assertEquals("DM_VERSION_RESPONSE trans 1: is_accepted 1", d.decoded().info());
        assertEquals("1", d.field("is_accepted"));
        assertEquals("0", d.field("reservedz"));
    }

    @Test
    void capabilitiesReportSplitsItsBitFields() {
        Decoding d = decode("""
                03 00 20 00 02 00 00 00  1f 00 00 00 00 00 00 00   |.. .............| caps 0x1f
                00 00 00 00 00 00 00 00  ff ff ff ff ff ff ff ff   |................|
                """, "outbound");
        assertEquals("DM_CAPABILITIES_REPORT trans 2: balloon 1, hot_add 1, hot_add_alignment 7", d.decoded().info());
        assertEquals("7", d.field("caps", "hot_add_alignment"));
        assertEquals("18446744073709551615", d.field("max_page_number"));
    }

    @Test
    void capabilitiesResponseKeepsTheReservedBitsQemuSets() {
        // The real capture: QEMU answers is_accepted with the bit newer hosts call hot_remove.
        Decoding d = decode("04 00 10 00 02 00 00 00  03 00 00 00 00 00 00 00   |................|", "inbound");
        assertEquals("DM_CAPABILITIES_RESPONSE trans 2: is_accepted 1", d.decoded().info());
        assertEquals("1", d.field("reservedz"));
    }

    @Test
    void statusReportShowsAvailableAndCommittedPages() {
        Decoding d = decode("""
                05 00 30 00 03 00 00 00  2d b8 00 00 00 00 00 00   |..0.....-.......| num_avail 47149
                a8 60 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |.`..............| num_committed 24744
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """, "outbound");
        assertEquals("DM_STATUS_REPORT trans 3: num_avail 47149, num_committed 24744", d.decoded().info());
        assertEquals("0", d.field("io_diff"));
    }

    @Test
    void balloonRequestAsksForPages() {
        // The real capture's third inbound packet.
        Decoding d = decode("06 00 10 00 00 00 00 00  00 40 00 00 00 00 00 00   |.........@......|", "inbound");
        assertEquals("DM_BALLOON_REQUEST trans 0: num_pages 16384", d.decoded().info());
    }

    @Test
    void unballoonRequestListsTheRangesGivenBack() {
        Decoding d = decode("""
                08 00 20 00 00 00 00 00  00 00 00 00 02 00 00 00   |.. .............| more_pages 0, range_count 2
                00 9e 00 00 00 00 02 00  00 a0 00 00 00 00 02 00   |................| 0x9e00 x 512, 0xa000 x 512
                """, "inbound");
        assertEquals("DM_UNBALLOON_REQUEST trans 0: 2 ranges, 1024 pages, more_pages 0", d.decoded().info());
        assertEquals("40960", d.field("range_array", 1, "start_page"));
    }

    @Test
    void unballoonResponseAndErrorAreTheHeaderAlone() {
        assertEquals("DM_UNBALLOON_RESPONSE trans 6", decode("09 00 08 00 06 00 00 00 |........|", "outbound")
                .decoded().info());
        assertEquals("DM_ERROR trans 9", decode("00 00 08 00 09 00 00 00 |........|", "inbound").decoded().info());
    }

    @Test
    void hotAddRequestOfTwentyFourBytesCarriesARegion() {
        Decoding d = decode("""
                0a 00 18 00 00 00 00 00  00 00 01 00 00 00 80 00   |................| range 0x10000 x 0x8000
                00 00 01 00 00 00 00 01                            |........|         region 0x10000 x 0x10000
                """, "inbound");
        assertEquals("DM_MEM_HOT_ADD_REQUEST trans 0: start_page 65536, page_cnt 32768; region start_page 65536,"
                + " page_cnt 65536", d.decoded().info());
        assertEquals("65536", d.field("region", "page_cnt"));
    }

    @Test
    void hotAddResponseSaysHowManyPagesWereAdded() {
        Decoding d = decode("0b 00 10 00 07 00 00 00  00 80 00 00 01 00 00 00   |................|", "outbound");
        assertEquals("DM_MEM_HOT_ADD_RESPONSE trans 7: page_count 32768, result 1", d.decoded().info());
    }

    @Test
    void infoMessageCarriesTheMaximumPageCount() {
        Decoding d = decode("""
                0c 00 20 00 00 00 00 00  00 00 00 00 10 00 00 00   |.. .............| info_size 16
                00 00 00 00 08 00 00 00  00 00 10 00 00 00 00 00   |................| type 0, data_size 8
                """, "inbound");
        assertEquals("DM_INFO_MESSAGE trans 0: max_page_count 1048576", d.decoded().info());
        assertEquals("1048576", d.field("info", "max_page_count"));
    }
}
