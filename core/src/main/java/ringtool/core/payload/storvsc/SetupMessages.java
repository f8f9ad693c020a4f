package ringtool.core.payload.storvsc;

import static ringtool.core.payload.storvsc.VstorHeader.UNION;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The channel's set-up and housekeeping: the protocol version, the channel properties, Fibre Channel names,
 * subchannels, and the operations that carry nothing in the union (initialization brackets, resets, bus changes).
 *
 * <pre>
 * vmstorage_protocol_version           +12 major_minor u16 | +14 revision u16 |
 * vmstorage_channel_properties         +12 reserved u32 | +16 max_channel_cnt u16 | +18 reserved1 u16 |
 *                                      +20 flags u32 | +24 max_transfer_bytes u32 | +28 reserved2 u64 |
 * hv_fc_wwn_packet                     +12 primary_active u8 | +13 reserved1[3] | +16 primary_port_wwn[8] |
 *                                      +24 primary_node_wwn[8] | +32 secondary_port_wwn[8] | +40 secondary_node_wwn[8]
 * sub_channel_count                    +12 u16
 * </pre>
 */
final class SetupMessages {

    static final int MAJOR_MINOR = UNION;
    static final int REVISION = MAJOR_MINOR + Short.BYTES;
    static final int VERSION_SIZE = 2 * Short.BYTES;

    static final int PROPERTIES_RESERVED = UNION;
    static final int MAX_CHANNEL_CNT = PROPERTIES_RESERVED + Integer.BYTES;
    static final int PROPERTIES_RESERVED1 = MAX_CHANNEL_CNT + Short.BYTES;
    static final int PROPERTIES_FLAGS = PROPERTIES_RESERVED1 + Short.BYTES;
    static final int MAX_TRANSFER_BYTES = PROPERTIES_FLAGS + Integer.BYTES;
    static final int PROPERTIES_RESERVED2 = MAX_TRANSFER_BYTES + Integer.BYTES;
    static final int PROPERTIES_SIZE = PROPERTIES_RESERVED2 + Long.BYTES - UNION;
    /** {@code STORAGE_CHANNEL_SUPPORTS_MULTI_CHANNEL}. */
    static final long MULTI_CHANNEL = 1;

    static final int PRIMARY_ACTIVE = UNION;
    static final int WWN_RESERVED1 = PRIMARY_ACTIVE + 1;
    static final int PRIMARY_PORT_WWN = WWN_RESERVED1 + 3;
    static final int WWN_SIZE = 8;
    static final String[] WWNS = {"primary_port_wwn", "primary_node_wwn", "secondary_port_wwn",
            "secondary_node_wwn"};
    static final int WWN_PACKET_SIZE = PRIMARY_PORT_WWN + WWNS.length * WWN_SIZE - UNION;

    static final int SUB_CHANNEL_COUNT = UNION;

    private SetupMessages() {
    }

    /** {@code major_minor} as {@code 6.2}. */
    static String version(int majorMinor) {
        return (majorMinor >>> 8) + "." + (majorMinor & 0xff);
    }

    static Decoded queryVersion(DecodeContext ctx, VstorHeader h, String message) {
        PayloadView p = ctx.payload();
        String op = Operations.shortName(h.operation());
        if (!p.has(MAJOR_MINOR, VERSION_SIZE)) {
            return bare(ctx, h, message);
        }
        int version = p.u16(MAJOR_MINOR);
        String summary = op + " " + version(version);
        ctx.state().request(ctx.transactionId(), new VstorRequest(h.operation(), summary, 0, version));
        Fields body = Fields.builder().number("major_minor", version).number("revision", p.u16(REVISION)).build();
        return ctx.decoded(message, summary, h.fields().object("version", body).build());
    }

    static Decoded createSubChannels(DecodeContext ctx, VstorHeader h, String message) {
        PayloadView p = ctx.payload();
        if (!p.has(SUB_CHANNEL_COUNT, Short.BYTES)) {
            return bare(ctx, h, message);
        }
        int count = p.u16(SUB_CHANNEL_COUNT);
        String summary = Operations.shortName(h.operation()) + " " + count;
        ctx.state().request(ctx.transactionId(), new VstorRequest(h.operation(), summary, 0, -1));
        return ctx.decoded(message, summary, h.fields().number("sub_channel_count", count).build());
    }

    /** {@code FCHBA_DATA} from the host (unsolicited) or as a request; its completion carries the same names. */
    static Decoded fcHbaData(DecodeContext ctx, VstorHeader h, String message) {
        ctx.state().request(ctx.transactionId(),
                new VstorRequest(h.operation(), Operations.shortName(h.operation()), 0, -1));
        return wwn(ctx, h, message, Operations.shortName(h.operation()));
    }

    static Decoded wwn(DecodeContext ctx, VstorHeader h, String message, String what) {
        PayloadView p = ctx.payload();
        if (!p.has(PRIMARY_ACTIVE, WWN_PACKET_SIZE)) {
            return ctx.decoded(message, what, h.fields().build());
        }
        int active = p.u8(PRIMARY_ACTIVE);
        Fields.Builder wwn = Fields.builder().number("primary_active", active)
                .list("reserved1", VmscsiRequest.bytes(p, WWN_RESERVED1, 3));
        String[] names = new String[WWNS.length];
        for (int i = 0; i < WWNS.length; i++) {
            names[i] = wwnText(p, PRIMARY_PORT_WWN + (long) i * WWN_SIZE);
            wwn.text(WWNS[i], names[i]);
        }
        int port = active != 0 ? 0 : 2;
        return ctx.decoded(message, what + " port " + names[port] + ", node " + names[port + 1]
                + (active != 0 ? " (primary)" : " (secondary)"), h.fields().object("wwn_packet", wwn.build()).build());
    }

    /** Operations without a union member; they can be requests, so they are remembered for their completion. */
    static Decoded control(DecodeContext ctx, VstorHeader h, String message) {
        return bare(ctx, h, message);
    }

    private static Decoded bare(DecodeContext ctx, VstorHeader h, String message) {
        String op = Operations.shortName(h.operation());
        ctx.state().request(ctx.transactionId(), new VstorRequest(h.operation(), op, 0, -1));
        String flags = (h.flags() & VstorHeader.REQUEST_COMPLETION) != 0 ? ", completion requested" : "";
        return ctx.decoded(message, op + flags, h.fields().build());
    }

    /** The completion of a {@code QUERY_PROPERTIES}: the channel's properties. */
    static Decoded properties(DecodeContext ctx, VstorHeader h, String message, VstorRequest request) {
        PayloadView p = ctx.payload();
        String head = "COMPLETE_IO " + request.summary() + " -> status " + hex(h.status());
        if (!p.has(PROPERTIES_RESERVED, PROPERTIES_SIZE)) {
            return ctx.decoded(message, head, h.fields().build());
        }
        int channels = p.u16(MAX_CHANNEL_CNT);
        long flags = p.u32(PROPERTIES_FLAGS);
        long maxTransfer = p.u32(MAX_TRANSFER_BYTES);
        Fields body = Fields.builder()
                .number("reserved", p.u32(PROPERTIES_RESERVED))
                .number("max_channel_cnt", channels)
                .number("reserved1", p.u16(PROPERTIES_RESERVED1))
                .number("flags", flags)
                .number("max_transfer_bytes", maxTransfer)
                .number("reserved2", p.u64(PROPERTIES_RESERVED2))
                .build();
        String info = head + ", max_channel_cnt " + channels + ((flags & MULTI_CHANNEL) != 0 ? ", multi-channel" : "")
                + ", max_transfer_bytes " + maxTransfer;
        return ctx.decoded(message, info, h.fields().object("storage_channel_properties", body).build());
    }

    /** The completion of a {@code QUERY_PROTOCOL_VERSION}: status 0 accepts the version offered. */
    static Decoded versionAnswer(DecodeContext ctx, VstorHeader h, String message, VstorRequest request) {
        if (h.status() == 0 && request.version() >= 0) {
            ctx.state().of(StorvscState.class, StorvscState::new).negotiated(request.version());
        }
        return status(ctx, h, message, request, h.status() == 0 ? " (accepted)" : " (refused)");
    }

    /** A completion that answers with its status alone. */
    static Decoded status(DecodeContext ctx, VstorHeader h, String message, VstorRequest request, String note) {
        String answers = request == null ? "of a set-up request" : request.summary();
        return ctx.decoded(message, "COMPLETE_IO " + answers + " -> status " + hex(h.status()) + note,
                h.fields().build());
    }

    private static String wwnText(PayloadView p, long at) {
        StringBuilder s = new StringBuilder(3 * WWN_SIZE);
        for (int i = 0; i < WWN_SIZE; i++) {
            s.append(i == 0 ? "" : ":").append(String.format("%02x", p.u8(at + i)));
        }
        return s.toString();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
