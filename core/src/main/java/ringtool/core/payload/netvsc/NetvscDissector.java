package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.List;
import ringtool.core.format.PacketType;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.MessageTable;
import ringtool.core.payload.PayloadView;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.rules.Rule;
import ringtool.core.format.DeviceKinds;

/**
 * The synthetic network protocol ({@code struct nvsp_message}, docs/protocols/netvsc.md). Every message type is one
 * line of {@link #TABLE}: its name, the size of its struct (what Linux checks before it reads one) and its family's
 * decoder. Completions are tied to the data packet of the same transaction id earlier in the ring.
 */
public final class NetvscDissector implements ProtocolDissector {

    /** {@code NVSP_MSG1_TYPE_SEND_RNDIS_PKT}: the only message of a transfer-page packet. */
    static final long SEND_RNDIS_PKT = 107;
    /** What a message may take beyond its struct when auto tests content: Linux and Hyper-V send 40 bytes. */
    private static final long ONE_MESSAGE = NvspHeader.MESSAGE_SIZE;
    private static final long ANY = Long.MAX_VALUE;

    /**
     * A family's decoder with the struct size it needs, and what auto accepts for the type: a payload of at most
     * {@code maxLength} bytes, zeros after the struct up to 40 bytes where {@code zeroTail}.
     */
    private record Sized(int bodySize, long maxLength, boolean zeroTail, MessageDecoder<NvspHeader> decoder)
            implements MessageDecoder<NvspHeader> {

        @Override
        public Decoded decode(DecodeContext ctx, NvspHeader header, String message) {
            return decoder.decode(ctx, header, message);
        }
    }

    private static Sized sized(int bodySize, MessageDecoder<NvspHeader> decoder) {
        return new Sized(bodySize, ONE_MESSAGE, true, decoder);
    }

    private static final MessageTable<NvspHeader> TABLE = withoutLayout(MessageTable.<NvspHeader>builder()
            .add(1, "NVSP_MSG_TYPE_INIT", sized(InitMessages.INIT_SIZE, InitMessages::init))
            .add(2, "NVSP_MSG_TYPE_INIT_COMPLETE", sized(InitMessages.INIT_COMPLETE_SIZE, InitMessages::initComplete))
            .add(100, "NVSP_MSG1_TYPE_SEND_NDIS_VER", sized(NdisMessages.VERSION_SIZE, NdisMessages::version))
            .add(101, "NVSP_MSG1_TYPE_SEND_RECV_BUF",
                    sized(BufferOffer.OFFER_SIZE, BufferOffer.offer("send_recv_buf")))
            .add(102, "NVSP_MSG1_TYPE_SEND_RECV_BUF_COMPLETE",
                    sized(ReceiveBufferMessages.COMPLETE_SIZE, ReceiveBufferMessages::complete))
            .add(103, "NVSP_MSG1_TYPE_REVOKE_RECV_BUF",
                    sized(BufferOffer.REVOKE_SIZE, BufferOffer.revoke("revoke_recv_buf")))
            .add(104, "NVSP_MSG1_TYPE_SEND_SEND_BUF",
                    sized(BufferOffer.OFFER_SIZE, BufferOffer.offer("send_send_buf")))
            .add(105, "NVSP_MSG1_TYPE_SEND_SEND_BUF_COMPLETE",
                    sized(SendBufferMessages.COMPLETE_SIZE, SendBufferMessages::complete))
            .add(106, "NVSP_MSG1_TYPE_REVOKE_SEND_BUF",
                    sized(BufferOffer.REVOKE_SIZE, BufferOffer.revoke("revoke_send_buf")))
            .add(SEND_RNDIS_PKT, "NVSP_MSG1_TYPE_SEND_RNDIS_PKT",
                    new Sized(RndisPacketMessages.PACKET_SIZE, ANY, true, RndisPacketMessages::packet))
            .add(108, "NVSP_MSG1_TYPE_SEND_RNDIS_PKT_COMPLETE",
                    sized(RndisPacketMessages.COMPLETE_SIZE, RndisPacketMessages::complete))
            .add(120, "NVSP_MSG2_TYPE_ALLOC_RXBUF", sized(RxBufferMessages.ALLOC_SIZE, RxBufferMessages::alloc))
            .add(121, "NVSP_MSG2_TYPE_ALLOC_RXBUF_COMP",
                    sized(RxBufferMessages.ALLOC_COMP_SIZE, RxBufferMessages::allocComplete))
            .add(122, "NVSP_MSG2_TYPE_FREE_RXBUF", sized(RxBufferMessages.FREE_SIZE, RxBufferMessages::free))
            .add(125, "NVSP_MSG2_TYPE_SEND_NDIS_CONFIG", sized(NdisMessages.CONFIG_SIZE, NdisMessages::config))
            .add(128, "NVSP_MSG4_TYPE_SEND_VF_ASSOCIATION",
                    sized(VfMessages.ASSOCIATION_SIZE, VfMessages::association))
            .add(129, "NVSP_MSG4_TYPE_SWITCH_DATA_PATH", sized(VfMessages.DATAPATH_SIZE, VfMessages::switchDatapath))
            .add(133, "NVSP_MSG5_TYPE_SUBCHANNEL", sized(SubchannelMessages.SIZE, SubchannelMessages::decode))
            .add(134, "NVSP_MSG5_TYPE_SEND_INDIRECTION_TABLE",
                    new Sized(IndirectionTableMessage.SIZE, ANY, false, IndirectionTableMessage::decode))
            .add(135, "NVSP_MSG6_TYPE_PD_API", sized(PacketDirectMessages.API_REQ_SIZE, PacketDirectMessages::api))
            .add(136, "NVSP_MSG6_TYPE_PD_POST_BATCH",
                    new Sized(PacketDirectMessages.BATCH_SIZE, ANY, false, PacketDirectMessages::batch)))
            .build();

    /** The types Linux numbers without a struct. */
    private static MessageTable.Builder<NvspHeader> withoutLayout(MessageTable.Builder<NvspHeader> b) {
        String[] names = {"NVSP_MSG2_TYPE_SEND_CHIMNEY_DELEGATED_BUF", "NVSP_MSG2_TYPE_SEND_CHIMNEY_DELEGATED_BUF_COMP",
                "NVSP_MSG2_TYPE_REVOKE_CHIMNEY_DELEGATED_BUF", "NVSP_MSG2_TYPE_RESUME_CHIMNEY_RX_INDICATION",
                "NVSP_MSG2_TYPE_TERMINATE_CHIMNEY", "NVSP_MSG2_TYPE_TERMINATE_CHIMNEY_COMP",
                "NVSP_MSG2_TYPE_INDICATE_CHIMNEY_EVENT", "NVSP_MSG2_TYPE_SEND_CHIMNEY_PKT",
                "NVSP_MSG2_TYPE_SEND_CHIMNEY_PKT_COMP", "NVSP_MSG2_TYPE_POST_CHIMNEY_RECV_REQ",
                "NVSP_MSG2_TYPE_POST_CHIMNEY_RECV_REQ_COMP"};
        for (int i = 0; i < names.length; i++) {
            b.add(109 + i, names[i], sized(0, HeaderOnlyMessages::decode));
        }
        return b.add(123, "NVSP_MSG2_TYPE_SEND_VMQ_RNDIS_PKT", sized(0, HeaderOnlyMessages::decode))
                .add(124, "NVSP_MSG2_TYPE_SEND_VMQ_RNDIS_PKT_COMP", sized(0, HeaderOnlyMessages::decode))
                .add(126, "NVSP_MSG2_TYPE_ALLOC_CHIMNEY_HANDLE", sized(0, HeaderOnlyMessages::decode))
                .add(127, "NVSP_MSG2_TYPE_ALLOC_CHIMNEY_HANDLE_COMP", sized(0, HeaderOnlyMessages::decode))
                .add(130, "NVSP_MSG4_TYPE_UPLINK_CONNECT_STATE_DEPRECATED", sized(0, HeaderOnlyMessages::decode))
                .add(131, "NVSP_MSG5_TYPE_OID_QUERY_EX", sized(0, HeaderOnlyMessages::decode))
                .add(132, "NVSP_MSG5_TYPE_OID_QUERY_EX_COMP", sized(0, HeaderOnlyMessages::decode));
    }

    @Override
    public String name() {
        return "netvsc";
    }

    @Override
    public List<String> classIds() {
        return List.of(DeviceKinds.HV_NIC_GUID);
    }

    @Override
    public List<Rule> rules() {
        return NetvscRules.ALL;
    }

    /**
     * A known type whose struct fits, in no more than the 40 bytes Linux and Hyper-V send (the types that carry
     * more excepted), and zeros between the struct and the end of the 40 bytes (the types that carry a table there
     * excepted): both sides clear the whole {@code nvsp_message} before they fill one member.
     */
    @Override
    public boolean plausible(PayloadView payload) {
        if (!payload.has(0, NvspHeader.SIZE)) {
            return false;
        }
        MessageTable.Entry<NvspHeader> e = TABLE.find(NvspHeader.parse(payload).msgType());
        if (!(e != null && e.decoder() instanceof Sized s && payload.has(BODY_OFFSET, s.bodySize())
                && payload.length() <= s.maxLength())) {
            return false;
        }
        long end = s.zeroTail() ? Math.min(payload.length(), NvspHeader.MESSAGE_SIZE) : 0;
        for (long at = BODY_OFFSET + s.bodySize(); at < end; at++) {
            if (payload.u8(at) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Decoded decode(DecodeContext ctx) {
        PayloadView p = ctx.payload();
        if (p.length() == 0 && ctx.packetType() == PacketType.COMP) {
            return emptyCompletion(ctx);
        }
        if (!p.has(0, NvspHeader.SIZE)) {
            ctx.mismatch(NetvscRules.NETVSC_MESSAGE_TRUNCATED, "length of the NVSP message",
                    ">= " + NvspHeader.SIZE + " (nvsp_message_header)", Long.toString(p.length()), 0, p.length());
            return null;
        }
        NvspHeader h = NvspHeader.parse(p);
        if (ctx.packetType() == PacketType.DATA_USING_XFER_PAGES && h.msgType() != SEND_RNDIS_PKT) {
            ctx.mismatch(NetvscRules.NETVSC_XFER_NOT_RNDIS, "msg_type of the transfer-page packet",
                    SEND_RNDIS_PKT + " (NVSP_MSG1_TYPE_SEND_RNDIS_PKT)", Long.toString(h.msgType()),
                    NvspHeader.MSG_TYPE_OFFSET, NvspHeader.SIZE);
        }
        MessageTable.Entry<NvspHeader> e = TABLE.find(h.msgType());
        if (e == null) {
            ctx.report(NetvscRules.NETVSC_MESSAGE_UNKNOWN, "msg_type " + h.msgType() + " is not an NVSP message type",
                    NvspHeader.MSG_TYPE_OFFSET, NvspHeader.SIZE);
            return ctx.decoded(Long.toString(h.msgType()), "NVSP message " + h.msgType() + " (unknown)",
                    Fields.builder().object("hdr", Nvsp.header(h)).build());
        }
        Sized s = (Sized) e.decoder();
        Decoded d;
        if (p.has(BODY_OFFSET, s.bodySize())) {
            d = s.decode(ctx, h, e.name());
        } else {
            long needed = BODY_OFFSET + s.bodySize();
            ctx.mismatch(NetvscRules.NETVSC_MESSAGE_TRUNCATED, "length of " + e.name(),
                    ">= " + needed + " (header and struct)", Long.toString(p.length()), 0, p.length());
            d = ctx.decoded(e.name(), e.name() + " truncated: " + p.length() + " of " + needed + " bytes",
                    Fields.builder().object("hdr", Nvsp.header(h)).build());
        }
        return tie(ctx, h, d);
    }

    /** A completion names the request it answers; any other packet may be answered later. */
    private static Decoded tie(DecodeContext ctx, NvspHeader h, Decoded d) {
        if (ctx.packetType() != PacketType.COMP) {
            ctx.state().request(ctx.transactionId(), new NvspRequest(h.msgType(), d));
            return d;
        }
        NvspRequest r = ctx.state().complete(ctx.transactionId(), NvspRequest.class);
        return r == null ? d : ctx.decoded(d.message(), d.info() + " for " + r.decoded().info(), d.fields());
    }

    /** Linux's {@code netvsc_send_completion} accepts a completion without payload for a data-path switch. */
    private static Decoded emptyCompletion(DecodeContext ctx) {
        NvspRequest r = ctx.state().complete(ctx.transactionId(), NvspRequest.class);
        return r == null ? null : ctx.decoded(r.decoded().message(), "completion without payload for "
                + r.decoded().info(), Fields.EMPTY);
    }
}
