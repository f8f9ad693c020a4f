package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;
import static ringtool.core.payload.ic.IcFixtures.padded;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.rules.Finding;

class NegotiationTest {

    /** The host's offer on a shutdown channel: framework 1.0 and 3.0, shutdown 1.0 to 3.2. */
    static final String OFFER = """
                01 00 00 00 34 00 00 00  00 00 00 00 00 00 00 00   |....4...........| pipe 1/52; icverframe 0.0; icmsgtype 0 (NEGOTIATE)
                00 00 20 00 00 00 00 00  00 03 00 00 02 00 04 00   |.. .............| icvermsg 0.0; icmsgsize 32; status 0x0; icflags 3; counts 2 and 4
                00 00 00 00 01 00 00 00  03 00 00 00 01 00 00 00   |................| reserved; framework 1.0 3.0; message 1.0
                03 00 00 00 03 00 01 00  03 00 02 00               |............| 3.0 3.1 3.2
            """;

    @Test
    void theHostsOfferListsFrameworkThenMessageVersions() {
        Decoding d = decode(OFFER);
        none(d);
        assertEquals("ICMSGTYPE_NEGOTIATE", d.decoded().message());
        assertEquals("ICMSGTYPE_NEGOTIATE request: framework 1.0 3.0, message 1.0 3.0 3.1 3.2", d.decoded().info());
        assertEquals("2", d.field("icmsg_negotiate", "icframe_vercnt"));
        assertEquals("4", d.field("icmsg_negotiate", "icmsg_vercnt"));
        assertEquals("3", d.field("icmsg_negotiate", "icversion_data", 5, "major"));
        assertEquals("2", d.field("icmsg_negotiate", "icversion_data", 5, "minor"));
    }

    @Test
    void theGuestsAnswerNamesOneOfEach() {
        Decoding d = decode("""
                01 00 00 00 24 00 00 00  03 00 00 00 00 00 03 00   |....$...........| pipe 1/36; icverframe 3.0; icmsgtype 0 (NEGOTIATE)
                02 00 10 00 00 00 00 00  00 05 00 00 01 00 01 00   |................| icvermsg 3.2; icmsgsize 16; status 0x0; icflags 5; counts 1 and 1
                00 00 00 00 03 00 00 00  03 00 02 00               |............| reserved; framework 3.0; message 3.2
                """);
        none(d);
        assertEquals("ICMSGTYPE_NEGOTIATE response HV_S_OK: framework 3.0, message 3.2", d.decoded().info());
    }

    @Test
    void anAnswerWithoutVersionsSaysNothingMatchedAndIsNoFinding() {
        Decoding d = decode("""
                01 00 00 00 24 00 00 00  00 00 00 00 00 00 00 00   |....$...........| pipe 1/36; icverframe 0.0; icmsgtype 0 (NEGOTIATE)
                00 00 10 00 05 40 00 80  00 05 00 00 00 00 00 00   |.....@..........| icvermsg 0.0; icmsgsize 16; status 0x80004005; icflags 5; counts 0 and 0
                00 00 00 00 00 00 00 00  00 00 00 00               |............|
                """);
        none(d);
        assertEquals("ICMSGTYPE_NEGOTIATE response HV_E_FAIL: framework none, message none", d.decoded().info());
    }

    @Test
    void countsBeyondThePacketAreAnErrorAndOnlyThePresentVersionsDecode() {
        Decoding d = decode("""
                01 00 00 00 28 00 00 00  00 00 00 00 00 00 00 00   |....(...........| pipe 1/40; icverframe 0.0; icmsgtype 0 (NEGOTIATE)
                00 00 14 00 00 00 00 00  00 03 00 00 02 00 60 00   |..............`.| icvermsg 0.0; icmsgsize 20; status 0x0; icflags 3; counts 2 and 0x60
                00 00 00 00 01 00 00 00  03 00 00 00 01 00 00 00   |................| reserved; 1.0 3.0 1.0: three versions present
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_NEGOTIATE_COUNT_BEYOND_PACKET, f.rule());
        assertEquals("icframe_vercnt + icmsg_vercnt: expected at most 3 (the versions in the 12 bytes after offset"
                + " 36), got 98", f.message());
        assertEquals(28L, f.offset());
        assertEquals(4L, f.length());
        assertEquals(3, ((FieldValue.Items) ((Fields) d.decoded().fields().get("icmsg_negotiate"))
                .get("icversion_data")).items().size());
        assertEquals("ICMSGTYPE_NEGOTIATE request: framework 1.0 3.0, message 1.0", d.decoded().info());
    }

    @Test
    void aCountAboveOneHundredIsRefusedEvenWhenItFits() {
        Finding f = only(decode(padded("""
                01 00 00 00 24 00 00 00  00 00 00 00 00 00 00 00   |....$...........| pipe 1/36; icverframe 0.0; icmsgtype 0 (NEGOTIATE)
                00 00 a4 01 00 00 00 00  00 03 00 00 02 00 65 00   |..............e.| icvermsg 0.0; icmsgsize 420; status 0x0; icflags 3; counts 2 and 101
                00 00 00 00 01 00 00 00  03 00 00 00               |............| reserved; 1.0 3.0; zeros to 448 bytes
                """, 36 + 4 * 103)));
        assertEquals(IcRules.IC_NEGOTIATE_COUNT_TOO_LARGE, f.rule());
        assertEquals("icmsg_negotiate.icmsg_vercnt: expected at most 100 (IC_VERSION_NEGOTIATION_MAX_VER_COUNT),"
                + " got 101", f.message());
        assertEquals(30L, f.offset());
        assertEquals(2L, f.length());
    }

    @Test
    void anOfferWithoutMessageVersionsIsAWarning() {
        Finding f = only(decode("""
                01 00 00 00 20 00 00 00  00 00 00 00 00 00 00 00   |.... ...........| pipe 1/32; icverframe 0.0; icmsgtype 0 (NEGOTIATE)
                00 00 0c 00 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 0.0; icmsgsize 12; status 0x0; icflags 3; counts 1 and 0
                00 00 00 00 03 00 00 00                            |........| reserved; 3.0
                """));
        assertEquals(IcRules.IC_NEGOTIATE_COUNT_ZERO, f.rule());
        assertEquals("icmsg_negotiate offers 1 framework and 0 message versions: a negotiation needs one of each at"
                + " least", f.message());
        assertEquals(28L, f.offset());
    }

    @Test
    void aNegotiationCutBeforeItsVersionsDoesNotFitAndItsCountsAreNotTrusted() {
        Decoding d = decode("""
                01 00 00 00 18 00 00 00  03 00 00 00 00 00 03 00   |................| pipe 1/24; icverframe 3.0; icmsgtype 0 (NEGOTIATE)
                00 00 04 00 00 00 00 00  00 03 00 00 02 00 04 00   |................| icvermsg 3.0; icmsgsize 4; status 0x0; icflags 3; counts 2 and 4, then nothing
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_NEGOTIATE: expected at least 36 (ICMSG_NEGOTIATE_PKT_SIZE(0, 0):"
                + " ICMSG_HDR + sizeof(struct icmsg_negotiate)), got 32", f.message());
        assertEquals("4", d.field("icmsg_negotiate", "icmsg_vercnt"));
        assertNull(((Fields) d.decoded().fields().get("icmsg_negotiate")).get("reserved"));
        assertEquals("ICMSGTYPE_NEGOTIATE request", d.decoded().info());
    }
}
