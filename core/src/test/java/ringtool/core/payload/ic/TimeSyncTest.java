package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;

class TimeSyncTest {

    /** A version 3.0 sample: parenttime 2026-12-04T23:00:00.1234567Z, flags SAMPLE. */
    static final String VERSION_3 = """
                01 00 00 00 2d 00 00 00  03 00 00 00 04 00 03 00   |....-...........| pipe 1/45; icverframe 3.0; icmsgtype 4 (TIMESYNC)
                00 00 19 00 00 00 00 00  00 03 00 00 87 ee 6e 30   |..............n0| icvermsg 3.0; icmsgsize 25; status 0x0; icflags 3; parenttime
                43 84 dd 01 91 ee 6e 30  43 84 dd 01 00 00 00 00   |C.....n0C.......| parenttime; childtime (parenttime + 10); roundtriptime 0
                00 00 00 00 02                                     |.....| roundtriptime; flags 2 (SAMPLE)
            """;

    @Test
    void aVersion3SampleShowsItsTimesInUtcBesideTheRawFiletimes() {
        Decoding d = decode(VERSION_3);
        none(d);
        assertEquals("ICMSGTYPE_TIMESYNC", d.decoded().message());
        assertEquals("ICMSGTYPE_TIMESYNC request: parenttime 2026-12-04T23:00:00.1234567Z, flags SAMPLE",
                d.decoded().info());
        assertEquals("134408988001234567", d.field("ictimesync_data", "parenttime"));
        assertEquals("2026-12-04T23:00:00.1234567Z", d.field("ictimesync_data", "parenttime_utc"));
        assertEquals("2026-12-04T23:00:00.1234577Z", d.field("ictimesync_data", "childtime_utc"));
        assertEquals("2", d.field("ictimesync_data", "flags"));
    }

    @Test
    void aVersion4SampleIsReferenceData() {
        Decoding d = decode("""
                01 00 00 00 2a 00 00 00  03 00 00 00 04 00 04 00   |....*...........| pipe 1/42; icverframe 3.0; icmsgtype 4 (TIMESYNC)
                00 00 16 00 00 00 00 00  00 03 00 00 87 ee 6e 30   |..............n0| icvermsg 4.0; icmsgsize 22; status 0x0; icflags 3; parenttime
                43 84 dd 01 15 cd 5b 07  00 00 00 00 01 00 02 00   |C.....[.........| parenttime; vmreferencetime 123456789; flags 1 (SYNC), leapflags 0, stratum 2, reserved
                00 00                                              |..| reserved
                """);
        none(d);
        assertEquals("ICMSGTYPE_TIMESYNC request: parenttime 2026-12-04T23:00:00.1234567Z, flags SYNC",
                d.decoded().info());
        assertEquals("123456789", d.field("ictimesync_ref_data", "vmreferencetime"));
        assertEquals("2", d.field("ictimesync_ref_data", "stratum"));
        assertEquals("0", d.field("ictimesync_ref_data", "reserved", 2));
    }

    @Test
    void aSampleCutShortDoesNotFit() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 04 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 4 (TIMESYNC)
                00 00 0c 00 00 00 00 00  00 03 00 00 87 ee 6e 30   |..............n0| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 3; parenttime
                43 84 dd 01 00 00 00 00                            |C.......| parenttime; half of childtime
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_TIMESYNC: expected at least 53 (ICMSG_HDR + sizeof(struct"
                + " ictimesync_data)), got 40", f.message());
        assertEquals("ICMSGTYPE_TIMESYNC request: parenttime 2026-12-04T23:00:00.1234567Z", d.decoded().info());
    }

    @Test
    void filetimesCoverTheWholeUnsignedRange() {
        assertEquals("1601-01-01T00:00:00.0000000Z", TimeSync.utc(0));
        assertEquals("1970-01-01T00:00:00.0000000Z", TimeSync.utc(116_444_736_000_000_000L));
        assertEquals("+60056-05-28T05:36:10.9551615Z", TimeSync.utc(-1L));
    }

    @Test
    void flagNamesAreThoseOfHvUtil() {
        assertEquals("PROBE", TimeSync.flagNames(0));
        assertEquals("SYNC|SAMPLE", TimeSync.flagNames(3));
        assertEquals("SAMPLE|0x80", TimeSync.flagNames(0x82));
    }
}
