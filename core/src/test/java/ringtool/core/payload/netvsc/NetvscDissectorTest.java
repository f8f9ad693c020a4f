package ringtool.core.payload.netvsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ringtool.core.payload.PayloadFixture.field;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.PacketType;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.PayloadFixture;
import ringtool.core.payload.PayloadView;
import ringtool.core.testing.Hex;
import ringtool.core.walk.PacketExtension;

/** The netvsc decoders, one message family at a time, and each netvsc rule on the smallest payload that breaks it. */
class NetvscDissectorTest {

    private final PayloadFixture ring = new PayloadFixture(new NetvscDissector());

    private static final String INIT = """
            01 00 00 00 01 00 06 00  01 00 06 00 00 00 00 00   |................|  msg_type 1, min = max 0x60001
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
            00 00 00 00 00 00 00 00                            |........|
            """;
    private static final String INIT_COMPLETE = """
            02 00 00 00 01 00 06 00  00 00 00 00 01 00 00 00   |................|  negotiated 0x60001, SUCCESS
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
            00 00 00 00 00 00 00 00                            |........|
            """;
    /** One section of 9709 pieces of 1728 bytes at offset 0; end_offset 0x1000000. */
    private static final String RECV_BUF_COMPLETE = """
            66 00 00 00 01 00 00 00  01 00 00 00 00 00 00 00   |f...............|  status 1, num_sections 1
            c0 06 00 00 ed 25 00 00  00 00 00 01 00 00 00 00   |.....%..........|  1728 x 9709, end 0x1000000
            00 00 00 00 00 00 00 00                            |........|
            """;
    private static final String RNDIS_PKT_DATA = """
            6b 00 00 00 00 00 00 00  ff ff ff ff 00 00 00 00   |k...............|  channel 0 (data), no section
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
            00 00 00 00 00 00 00 00                            |........|
            """;

    private static PacketExtension.TransferPages receive(int pageset, long... countsAndOffsets) {
        List<TransferPageRange> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < countsAndOffsets.length; i += 2) {
            ranges.add(new TransferPageRange(countsAndOffsets[i], countsAndOffsets[i + 1]));
        }
        return new PacketExtension.TransferPages(new TransferPageHeader(pageset, 0, 0, ranges.size()), ranges);
    }

    @Test
    void initNamesTheVersionsOffered() {
        Decoded d = ring.inband(0x10, INIT);
        assertEquals("netvsc", d.protocol());
        assertEquals("NVSP_MSG_TYPE_INIT", d.message());
        assertEquals("NVSP_MSG_TYPE_INIT ver 6.1 (0x60001)", d.info());
        assertEquals("1", field(d, "hdr.msg_type"));
        assertEquals("393217", field(d, "init.min_protocol_ver"));
        assertEquals("393217", field(d, "init.max_protocol_ver"));
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void initCompleteNamesTheInitItAnswers() {
        ring.inband(0x10, INIT);
        Decoded d = ring.completion(0x10, INIT_COMPLETE);
        assertEquals("NVSP_MSG_TYPE_INIT_COMPLETE", d.message());
        assertEquals("NVSP_MSG_TYPE_INIT_COMPLETE SUCCESS, ver 6.1 (0x60001) for NVSP_MSG_TYPE_INIT ver 6.1 (0x60001)",
                d.info());
        assertEquals("1", field(d, "init_complete.status"));
        Decoded alone = new PayloadFixture(new NetvscDissector()).completion(0x10, INIT_COMPLETE);
        assertEquals("NVSP_MSG_TYPE_INIT_COMPLETE SUCCESS, ver 6.1 (0x60001)", alone.info());
    }

    @Test
    void receiveBufferCompleteListsItsSection() {
        Decoded d = ring.completion(0x20, RECV_BUF_COMPLETE);
        assertEquals("NVSP_MSG1_TYPE_SEND_RECV_BUF_COMPLETE SUCCESS: 1 section, 9709 x 1728 bytes at 0x0", d.info());
        assertEquals("1728", field(d, "send_recv_buf_complete.sections.0.sub_alloc_size"));
        assertEquals("16777216", field(d, "send_recv_buf_complete.sections.0.end_offset"));
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void twoSectionsOrAnOffsetAreRefusedAsLinuxDoes() {
        ring.completion(0x20, """
                66 00 00 00 01 00 00 00  02 00 00 00 00 10 00 00   |f...............|  2 sections, first at 0x1000
                c0 06 00 00 ed 25 00 00  00 00 00 01 00 00 00 00   |.....%..........|
                00 00 00 00 00 00 00 00                            |........|
                """);
        assertEquals("netvsc.recv_buf.sections.invalid: receive buffer sections: expected 1 section at offset 0,"
                + " got 2 at offset 0x1000", ring.findingLines());
    }

    @Test
    void aSectionSizeBelowTheMinimumMtuIsInvalid() {
        ring.completion(0x20, """
                66 00 00 00 01 00 00 00  01 00 00 00 00 00 00 00   |f...............|
                10 00 00 00 00 00 00 10  00 00 00 01 00 00 00 00   |................|  16 x 0x10000000
                00 00 00 00 00 00 00 00                            |........|
                """);
        assertEquals("netvsc.recv_buf.section_size.invalid: receive section of 268435456 x sub_alloc_size: expected"
                + " sub_alloc_size >= 68 and at most 32505856 bytes in all, got 16 (4294967296 bytes)",
                ring.findingLines());
        Decoded d = ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xcafe, 60, 0));
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT data: 1 range, 60 bytes at 0x0 (RNDIS in the receive buffer)",
                d.info(), "a refused section is not the ring's");
    }

    @Test
    void aSendSectionBelowTheMinimumMtuIsInvalid() {
        Decoded d = ring.completion(0x21, """
                69 00 00 00 01 00 00 00  00 00 00 00 00 00 00 00   |i...............|  status 1, section_size 0
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                """);
        assertEquals("NVSP_MSG1_TYPE_SEND_SEND_BUF_COMPLETE SUCCESS, section_size 0", d.info());
        assertEquals("netvsc.send_buf.section_size.invalid: send buffer section_size: expected >= 68, got 0",
                ring.findingLines());
        assertEquals(8L, ring.findings().get(0).offset());
    }

    @Test
    void receivePacketRangesAreTiedToTheirSections() {
        ring.completion(0x20, RECV_BUF_COMPLETE);
        Decoded d = ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA,
                receive(0xcafe, 60, 1728));
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT", d.message());
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT data: 1 range, 60 bytes at 0x6c0 (receive section 1)", d.info());
        assertEquals("1", field(d, "ranges.0.section"));
        assertEquals("4294967295", field(d, "send_rndis_pkt.send_buf_section_index"));
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void theGuestsCompletionNamesTheReceivePacket() {
        ring.completion(0x20, RECV_BUF_COMPLETE);
        ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xcafe, 60, 0));
        Decoded d = ring.completion(0x30, """
                6c 00 00 00 01 00 00 00                            |l.......|  SEND_RNDIS_PKT_COMPLETE SUCCESS
                """);
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT_COMPLETE SUCCESS for NVSP_MSG1_TYPE_SEND_RNDIS_PKT data: 1 range,"
                + " 60 bytes at 0x0 (receive section 0)", d.info());
    }

    @Test
    void aRangePastTheSectionIsOutOfRange() {
        ring.completion(0x20, RECV_BUF_COMPLETE);
        ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xcafe, 100, 0xfffff0));
        assertEquals("netvsc.section.out_of_range: range 0 (byte_offset 0xfffff0, byte_count 100): expected inside"
                + " the receive section 0x0..0xffffc0, got end 0x1000054", ring.findingLines());
    }

    @Test
    void withoutASectionTableOnlyTheLargestReceiveBufferBoundsARange() {
        ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xcafe, 60, 0x1000));
        assertEquals("", ring.findingLines());
        ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x31, RNDIS_PKT_DATA, receive(0xcafe, 0x100, 0x1f00000));
        assertEquals("netvsc.section.out_of_range: range 0 (byte_offset 0x1f00000, byte_count 256): expected end <="
                + " 0x1f00000 (the largest receive buffer), got 0x1f00100", ring.findingLines());
    }

    @Test
    void aRangeLargerThanASectionOverflowsTheCopyBuffer() {
        ring.completion(0x20, RECV_BUF_COMPLETE);
        Decoded d = ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xcafe, 4000, 0));
        assertEquals("netvsc.range.larger_than_section: range 0 (byte_offset 0x0, byte_count 4000): expected"
                + " byte_count <= 1728 (sub_alloc_size), got 4000", ring.findingLines());
        assertEquals("0", field(d, "ranges.0.section"));
    }

    @Test
    void aPageSetOtherThanTheReceiveBufferIsInvalid() {
        ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, RNDIS_PKT_DATA, receive(0xbeef, 60, 0));
        assertEquals("netvsc.xfer.pageset_id.invalid: xfer_pageset_id: expected 0xcafe, got 0xbeef",
                ring.findingLines());
    }

    @Test
    void aTransferPagePacketMustCarryAnRndisPacket() {
        Decoded d = ring.decode(PacketType.DATA_USING_XFER_PAGES, 0x30, INIT, receive(0xcafe, 60, 0));
        assertEquals("NVSP_MSG_TYPE_INIT", d.message());
        assertEquals("netvsc.xfer.not_rndis: msg_type of the transfer-page packet: expected 107"
                + " (NVSP_MSG1_TYPE_SEND_RNDIS_PKT), got 1", ring.findingLines());
    }

    @Test
    void aMessageShorterThanItsStructIsTruncated() {
        Decoded d = ring.completion(0x10, """
                02 00 00 00 01 00 06 00                            |........|  INIT_COMPLETE without its status
                """);
        assertEquals("NVSP_MSG_TYPE_INIT_COMPLETE truncated: 8 of 16 bytes", d.info());
        assertEquals("netvsc.message.truncated: length of NVSP_MSG_TYPE_INIT_COMPLETE: expected >= 16 (header and"
                + " struct), got 8", ring.findingLines());
        assertNull(field(d, "init_complete"));
        assertNull(ring.inband(0x11, "02 00 00   |...|"));
        assertEquals("netvsc.message.truncated: length of the NVSP message: expected >= 4 (nvsp_message_header),"
                + " got 3", ring.findingLines());
    }

    @Test
    void anUnknownTypeDecodesItsHeaderAndRaisesANote() {
        Decoded d = ring.inband(0x10, "63 00 00 00 00 00 00 00   |c.......|");
        assertEquals("99", d.message());
        assertEquals("NVSP message 99 (unknown)", d.info());
        assertEquals("netvsc.message.unknown: msg_type 99 is not an NVSP message type", ring.findingLines());
    }

    @Test
    void subchannelsGrantedBeyondTheRequestAreRefused() {
        Decoded req = ring.inband(0x40, """
                85 00 00 00 01 00 00 00  03 00 00 00 00 00 00 00   |................|  ALLOCATE 3
                """);
        assertEquals("NVSP_MSG5_TYPE_SUBCHANNEL NVSP_SUBCHANNEL_ALLOCATE 3", req.info());
        Decoded d = ring.completion(0x40, """
                85 00 00 00 01 00 00 00  04 00 00 00 00 00 00 00   |................|  SUCCESS, 4
                """);
        assertEquals("NVSP_MSG5_TYPE_SUBCHANNEL complete SUCCESS, 4 subchannels for NVSP_MSG5_TYPE_SUBCHANNEL"
                + " NVSP_SUBCHANNEL_ALLOCATE 3", d.info());
        assertEquals("netvsc.subchannel.count_beyond_request: num_subchannels granted: expected <= 3 (the"
                + " request's), got 4", ring.findingLines());
        ring.completion(0x41, """
                85 00 00 00 01 00 00 00  40 00 00 00 00 00 00 00   |........@.......|  SUCCESS, 64, no request
                """);
        assertEquals("netvsc.subchannel.count_beyond_request: num_subchannels granted: expected <= 63"
                + " (VRSS_CHANNEL_MAX - 1), got 64", ring.findingLines());
    }

    @Test
    void theSendTableIsReadWhereLinuxReadsIt() {
        StringBuilder hex = new StringBuilder("""
                86 00 00 00 10 00 00 00  0c 00 00 00 00 00 00 00   |................|  count 16, offset 12
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                """);
        for (int i = 0; i < 16; i++) {
            hex.append(String.format("%02x 00 00 00%n", i % 4));
        }
        Decoded d = ring.inband(0, hex.toString());
        assertEquals("NVSP_MSG5_TYPE_SEND_INDIRECTION_TABLE [0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3]", d.info());
        assertEquals("", ring.findingLines());
    }

    @Test
    void aSendTableOfOtherThan16EntriesIsRefused() {
        ring.inband(0, "86 00 00 00 20 00 00 00  0c 00 00 00 00 00 00 00   |.... ...........|");
        assertEquals("netvsc.send_table.count.invalid: send-table count: expected 16, got 32", ring.findingLines());
    }

    @Test
    void aSendTableBeyondThePacketIsRefused() {
        Decoded d = ring.inband(0, """
                86 00 00 00 10 00 00 00  f0 00 00 00 00 00 00 00   |................|  offset 240
                """);
        assertEquals("NVSP_MSG5_TYPE_SEND_INDIRECTION_TABLE at offset 240 (beyond the packet)", d.info());
        assertEquals("netvsc.send_table.offset.beyond_packet: send table of 64 bytes at offset 240: expected its end"
                + " inside the packet's 16 bytes, got end at 304", ring.findingLines());
    }

    @Test
    void rndisBytesInsideThePacketAreDecoded() {
        Decoded d = ring.inband(0x50, """
                6b 00 00 00 01 00 00 00  ff ff ff ff 00 00 00 00   |k...............|  control, no section
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                02 00 00 00 18 00 00 00  07 00 00 00 01 00 00 00   |................|  RNDIS_MSG_INIT, 24 bytes
                00 00 00 00 00 40 00 00                            |.....@..|
                """);
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT control: no send buffer section; RNDIS_MSG_INIT 24 bytes",
                d.info());
        assertEquals("7", field(d, "rndis.msg.req_id"));
        assertEquals("16384", field(d, "rndis.msg.max_xfer_size"));
        assertEquals("", ring.findingLines());
    }

    @Test
    void anRndisLengthBeyondThePacketIsInvalid() {
        ring.inband(0x50, """
                6b 00 00 00 01 00 00 00  ff ff ff ff 00 00 00 00   |k...............|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                05 00 00 80 00 01 00 00  07 00 00 00 00 00 00 00   |................|  SET_C, msg_len 256
                """);
        assertEquals("netvsc.rndis.msg_len.invalid: msg_len of the RNDIS message at payload offset 40: expected 8"
                + " to 16 (the bytes in the packet), got 256", ring.findingLines());
    }

    @Test
    void anRndisFrameBeyondItsMessageIsInvalid() {
        Decoded d = ring.inband(0x50, """
                6b 00 00 00 00 00 00 00  ff ff ff ff 00 00 00 00   |k...............|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                01 00 00 00 30 00 00 00  24 00 00 00 00 02 00 00   |....0...$.......|  PACKET 48, 512 at 36
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """);
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT data: no send buffer section; RNDIS_MSG_PACKET 48 bytes, frame"
                + " 512 bytes", d.info());
        assertEquals("netvsc.rndis.data.beyond_message: frame of the RNDIS packet (data_offset 36, data_len 512):"
                + " expected inside the 40 bytes after the RNDIS header, got end at 548", ring.findingLines());
    }

    @Test
    void aGuestFrameNamesWhereItsRndisMessageIs() {
        Decoded d = ring.inband(0x60, """
                6b 00 00 00 00 00 00 00  02 00 00 00 4c 00 00 00   |k...........L...|  data, section 2, 76 bytes
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                """);
        assertEquals("NVSP_MSG1_TYPE_SEND_RNDIS_PKT data: RNDIS in send buffer section 2, 76 bytes", d.info());
    }

    @Test
    void setUpMessagesOfVersionsTwoToSixDecode() {
        assertEquals("NVSP_MSG2_TYPE_SEND_NDIS_CONFIG mtu 1514, capability sriov|ieee8021q|teaming|rsc",
                ring.inband(0, """
                        7d 00 00 00 ea 05 00 00  00 00 00 00 ac 00 00 00   |}...............|
                        00 00 00 00 00 00 00 00                            |........|
                        """).info());
        assertEquals("NVSP_MSG1_TYPE_SEND_NDIS_VER NDIS 6.30",
                ring.inband(0, "64 00 00 00 06 00 00 00  1e 00 00 00 00 00 00 00   |d...............|").info());
        assertEquals("NVSP_MSG4_TYPE_SEND_VF_ASSOCIATION VF slot 7 added",
                ring.inband(0, "80 00 00 00 01 00 00 00  07 00 00 00 00 00 00 00   |................|").info());
        assertEquals("NVSP_MSG2_TYPE_SEND_CHIMNEY_PKT (8 bytes; no layout in Linux)",
                ring.inband(0, "74 00 00 00 00 00 00 00   |t.......|").info());
        assertEquals("NVSP_MSG6_TYPE_PD_POST_BATCH 2 buffers (1 in the packet)",
                ring.inband(0, "88 00 00 00 02 00 01 00  00 10 00 00 03 00 01 00   |................|").info());
        assertEquals("", ring.findingLines());
    }

    @Test
    void aDataPathSwitchIsCompletedWithoutPayload() {
        assertEquals("NVSP_MSG4_TYPE_SWITCH_DATA_PATH to NVSP_DATAPATH_VF",
                ring.inband(0x70, "81 00 00 00 01 00 00 00   |........|").info());
        Decoded d = ring.completion(0x70, "");
        assertEquals("NVSP_MSG4_TYPE_SWITCH_DATA_PATH", d.message());
        assertEquals("completion without payload for NVSP_MSG4_TYPE_SWITCH_DATA_PATH to NVSP_DATAPATH_VF", d.info());
        assertNull(ring.completion(0x71, ""), "an empty completion of nothing in view decodes nothing");
    }

    @Test
    void autoAcceptsOnlyKnownMessagesOfTheirSize() {
        NetvscDissector n = new NetvscDissector();
        assertTrue(n.plausible(PayloadView.of(ByteSource.of(Hex.parse(INIT)))));
        assertFalse(n.plausible(PayloadView.of(ByteSource.of(new byte[64]))), "type 0");
        byte[] long64 = new byte[64];
        long64[0] = 1;
        assertFalse(n.plausible(PayloadView.of(ByteSource.of(long64))), "an INIT of 64 bytes is a storvsc packet");
        assertFalse(n.plausible(PayloadView.of(ByteSource.of(Hex.parse("02 00 00 00")))), "INIT_COMPLETE, no body");
        assertFalse(n.plausible(PayloadView.of(ByteSource.of(Hex.parse("""
                01 00 00 00 24 00 00 00  03 00 00 00 00 00 00 00   |....$...........|  INIT, then bytes past it
                01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """)))), "an IC message's header reads as INIT, but the rest of 40 bytes is not zero");
    }

    @Test
    void buffersAreOfferedAndRevokedWithTheirGpadlAndId() {
        Decoded offer = ring.inband(2, "65 00 00 00 10 1e 0e 00  fe ca 00 00 00 00 00 00   |e...............|");
        assertEquals("NVSP_MSG1_TYPE_SEND_RECV_BUF gpadl 0xe1e10, id 0xcafe", offer.info());
        assertEquals("51966", field(offer, "send_recv_buf.id"));
        Decoded send = ring.inband(3, "68 00 00 00 11 1e 0e 00  00 00 00 00 00 00 00 00   |h...............|");
        assertEquals("NVSP_MSG1_TYPE_SEND_SEND_BUF gpadl 0xe1e11, id 0x0", send.info());
        assertEquals("NVSP_MSG1_TYPE_REVOKE_RECV_BUF id 0xcafe",
                ring.inband(0, "67 00 00 00 fe ca 00 00   |g.......|").info());
        assertEquals("0", field(ring.inband(0, "6a 00 00 00 00 00 00 00   |j.......|"), "revoke_send_buf.id"));
        assertEquals("", ring.findingLines());
    }

    @Test
    void version2ReceiveBuffersAndPacketDirectDecode() {
        assertEquals("NVSP_MSG2_TYPE_ALLOC_RXBUF alloc_id 5, 65536 bytes",
                ring.inband(9, "78 00 00 00 05 00 00 00  00 00 01 00 00 00 00 00   |x...............|").info());
        Decoded comp = ring.completion(9, """
                79 00 00 00 01 00 00 00  05 00 00 00 33 22 11 00   |y...........3"..|  SUCCESS, id 5, gpadl
                07 00 00 00 00 00 00 00                            |........|          recv_buf_id 7
                """);
        assertEquals("NVSP_MSG2_TYPE_ALLOC_RXBUF_COMP SUCCESS, alloc_id 5 for NVSP_MSG2_TYPE_ALLOC_RXBUF alloc_id 5,"
                + " 65536 bytes", comp.info());
        assertEquals("7", field(comp, "alloc_rxbuf_comp.recv_buf_id"));
        assertEquals("NVSP_MSG2_TYPE_FREE_RXBUF recv_buf_id 7",
                ring.inband(0, "7a 00 00 00 07 00 00 00  00 00 00 00 00 00 00 00   |z...............|").info());
        assertEquals("NVSP_MSG6_TYPE_PD_API PD_API_OP_CREATE_QUEUE",
                ring.inband(10, "87 00 00 00 05 00 00 00   |........|").info());
        Decoded pd = ring.completion(10, "87 00 00 00 05 00 00 00  01 00 00 c0 00 00 00 00   |................|");
        assertEquals("NVSP_MSG6_TYPE_PD_API PD_API_OP_CREATE_QUEUE complete, status 0xc0000001 for"
                + " NVSP_MSG6_TYPE_PD_API PD_API_OP_CREATE_QUEUE", pd.info());
        assertEquals("", ring.findingLines());
    }
}
