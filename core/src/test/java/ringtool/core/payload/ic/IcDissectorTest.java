package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ringtool.core.payload.ic.IcFixtures.IC;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoding;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;
import ringtool.core.payload.Protocols;
import ringtool.core.payload.RingState;
import ringtool.core.rules.Finding;
import ringtool.core.testing.Hex;

class IcDissectorTest {

    static final String HEARTBEAT_REQUEST = """
                01 00 00 00 3c 00 00 00  03 00 00 00 01 00 03 00   |....<...........| pipe 1/60; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 28 00 00 00 00 00  00 03 00 00 07 00 00 00   |..(.............| icvermsg 3.0; icmsgsize 40; status 0x0; icflags 3; seq_num 7
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00                                        |....|
            """;

    @Test
    void aHeartbeatRequestDecodesBothHeadersAndTheSequenceNumber() {
        Decoding d = decode(HEARTBEAT_REQUEST);
        none(d);
        assertEquals("ic", d.decoded().protocol());
        assertEquals("ICMSGTYPE_HEARTBEAT", d.decoded().message());
        assertEquals("ICMSGTYPE_HEARTBEAT request: seq_num 7", d.decoded().info());
        assertEquals("60", d.field("vmbuspipe_hdr", "msgsize"));
        assertEquals("3", d.field("icmsg_hdr", "icverframe", "major"));
        assertEquals("40", d.field("icmsg_hdr", "icmsgsize"));
        assertEquals("3", d.field("icmsg_hdr", "icflags"));
        assertEquals("7", d.field("heartbeat_msg_data", "seq_num"));
        assertEquals("0", d.field("heartbeat_msg_data", "reserved", 7));
    }

    @Test
    void aHeartbeatAnswerWithoutTheReservedWordsIsWhole() {
        Decoding d = decode("""
                01 00 00 00 1c 00 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/28; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 08 00 00 00 00 00  00 05 00 00 08 00 00 00   |................| icvermsg 3.0; icmsgsize 8; status 0x0; icflags 5; seq_num 8
                00 00 00 00                                        |....|
                """);
        none(d);
        assertEquals("ICMSGTYPE_HEARTBEAT response HV_S_OK: seq_num 8", d.decoded().info());
        assertNull(((Fields) d.decoded().fields().get("heartbeat_msg_data")).get("reserved"));
    }

    @Test
    void aHeartbeatWithoutItsSequenceNumberDoesNotFit() {
        Decoding d = decode("""
                01 00 00 00 18 00 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/24; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 04 00 00 00 00 00  00 03 00 00 00 00 00 00   |................| icvermsg 3.0; icmsgsize 4; status 0x0; icflags 3; half a seq_num
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_HEARTBEAT: expected at least 36 (ICMSG_HDR + sizeof(u64):"
                + " seq_num), got 32", f.message());
        assertEquals(0L, f.offset());
        assertEquals(32L, f.length());
        assertEquals("ICMSGTYPE_HEARTBEAT request", d.decoded().info());
    }

    @Test
    void aPayloadShorterThanIcmsgHdrDecodesNothing() {
        Decoding d = decode("""
                01 00 00 00 3c 00 00 00  03 00 00 00 01 00 03 00   |....<...........|
                00 00 28 00                                        |..(.|
                """);
        assertNull(d.decoded());
        Finding f = only(d);
        assertEquals(IcRules.IC_HEADER_TOO_SHORT, f.rule());
        assertEquals("a payload of 20 bytes cannot hold the 28 bytes of vmbuspipe_hdr and icmsg_hdr (ICMSG_HDR)",
                f.message());
        assertEquals(0L, f.offset());
        assertEquals(20L, f.length());
    }

    @Test
    void anIcmsgsizeBeyondThePacketIsAnErrorAndTheMessageStillDecodes() {
        Decoding d = decode("""
                01 00 00 00 14 02 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/532; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 00 02 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 512; status 0x0; icflags 3; seq_num 1
                00 00 00 00                                        |....|
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_SIZE_BEYOND_PACKET, f.rule());
        assertEquals("icmsg_hdr.icmsgsize: expected at most 8 (the payload after ICMSG_HDR), got 512", f.message());
        assertEquals(18L, f.offset());
        assertEquals(2L, f.length());
        assertEquals("1", d.field("heartbeat_msg_data", "seq_num"));
    }

    @Test
    void reservedIcflagsBitsAreANote() {
        Finding f = only(decode("""
                01 00 00 00 1c 00 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/28; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 08 00 00 00 00 00  00 83 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 8; status 0x0; icflags 131; seq_num 1
                00 00 00 00                                        |....|
                """));
        assertEquals(IcRules.IC_FLAGS_UNKNOWN, f.rule());
        assertEquals("icmsg_hdr.icflags 0x83 has reserved bits 0x80 set", f.message());
        assertEquals(25L, f.offset());
        assertEquals(1L, f.length());
    }

    @Test
    void anUnknownTypeDecodesTheHeadersOnlyWithANote() {
        Decoding d = decode("""
                01 00 00 00 14 00 00 00  03 00 00 00 06 00 03 00   |................| pipe 1/20; icverframe 3.0; icmsgtype 6 (?)
                00 00 00 00 00 00 00 00  00 03 00 00               |............| icvermsg 3.0; icmsgsize 0; status 0x0; icflags 3
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_TYPE_UNKNOWN, f.rule());
        assertEquals("icmsg_hdr.icmsgtype 6 is no ICMSGTYPE_*: only the headers are decoded", f.message());
        assertEquals(12L, f.offset());
        assertEquals("6", d.decoded().message());
        assertEquals("icmsgtype 6 (unknown) request", d.decoded().info());
        assertEquals(List.of("vmbuspipe_hdr", "icmsg_hdr"),
                d.decoded().fields().entries().stream().map(e -> e.name()).toList());
    }

    @Test
    void aSecondServiceInOneRingIsUnexpectedAndNegotiationsDoNotCount() {
        RingState state = new RingState();
        List<List<Finding>> found = new ArrayList<>();
        for (String hex : List.of(NegotiationTest.OFFER, HEARTBEAT_REQUEST, NegotiationTest.OFFER,
                TimeSyncTest.VERSION_3)) {
            DecodeContext ctx = new DecodeContext("ic", PayloadView.of(ByteSource.of(Hex.parse(hex))), found.size(),
                    0, "inbound", state);
            IC.decode(ctx);
            found.add(ctx.findings());
        }
        assertEquals(List.of(), found.get(0));
        assertEquals(List.of(), found.get(1));
        assertEquals(List.of(), found.get(2));
        assertEquals(1, found.get(3).size());
        Finding f = found.get(3).get(0);
        assertEquals(IcRules.IC_TYPE_UNEXPECTED, f.rule());
        assertEquals("ICMSGTYPE_TIMESYNC in a ring whose earlier messages are ICMSGTYPE_HEARTBEAT: a channel carries"
                + " one service", f.message());
        assertEquals(12L, f.offset());
        assertEquals(3L, f.packet());
    }

    @Test
    void autoFindsAKnownTypeWhoseSizeFitsWithTheFlagsOfARequestOrReply() {
        assertTrue(IC.plausible(view(HEARTBEAT_REQUEST)));
        assertTrue(IC.plausible(view(NegotiationTest.OFFER)));
        assertFalse(IC.plausible(PayloadView.of(ByteSource.of(new byte[64]))), "zeros: a negotiation without flags");
        assertFalse(IC.plausible(view("""
                01 00 00 00 14 00 00 00  03 00 00 00 06 00 03 00   |................| pipe 1/20; icverframe 3.0; icmsgtype 6 (?)
                00 00 00 00 00 00 00 00  00 03 00 00               |............| icvermsg 3.0; icmsgsize 0; status 0x0; icflags 3
                """)), "unknown type");
        assertFalse(IC.plausible(view("""
                01 00 00 00 14 02 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/532; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 00 02 00 00 00 00  00 03 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 512; status 0x0; icflags 3; seq_num 1
                00 00 00 00                                        |....|
                """)), "icmsgsize beyond the packet");
        assertFalse(IC.plausible(view("""
                01 00 00 00 1c 00 00 00  03 00 00 00 01 00 03 00   |................| pipe 1/28; icverframe 3.0; icmsgtype 1 (HEARTBEAT)
                00 00 08 00 00 00 00 00  00 83 00 00 01 00 00 00   |................| icvermsg 3.0; icmsgsize 8; status 0x0; icflags 131; seq_num 1
                00 00 00 00                                        |....|
                """)), "reserved flag");
        assertFalse(IC.plausible(view("""
                01 00 00 00 3c 00 00 00  03 00 00 00 01 00 03 00   |....<...........|
                00 00 28 00                                        |..(.|
                """)), "no room for the headers");
    }

    @Test
    void theRegistryHasTheSixServicesAndTheRules() {
        assertEquals(IC.name(), Protocols.byClassId("{57164F39-9115-4E78-AB55-382F3BD5422D}").orElseThrow().name());
        assertEquals(IC.name(), Protocols.byClassId("34d14be3-dee4-41c8-9ae7-6b174977c192").orElseThrow().name());
        assertEquals(6, IC.classIds().size());
        assertTrue(Protocols.rules().containsAll(IcRules.ALL));
        assertEquals(IcRules.ALL.size(), IcRules.ALL.stream().map(r -> r.id()).distinct().count());
        assertTrue(IcRules.ALL.stream().allMatch(r -> r.id().startsWith("ic.") && r.group().equals("ic")
                && r.linuxCheck() != null));
    }

    private static PayloadView view(String hex) {
        return PayloadView.of(ByteSource.of(Hex.parse(hex)));
    }
}
