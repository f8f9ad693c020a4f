package ringtool.core.payload.netvsc;

import java.util.List;
import java.util.Map;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct rndis_message} where its bytes are inside the packet (after the NVSP message): Linux and Hyper-V
 * put RNDIS in the shared buffers, so this serves writers that inline it. Every RNDIS message body is a run of u32
 * fields, so one table of field names per type decodes them all.
 *
 * <pre>
 * +0 ndis_msg_type | +4 msg_len | +8 the message's u32 fields (struct rndis_packet, rndis_query_request, ...)
 * </pre>
 */
final class RndisMessage {

    static final int NDIS_MSG_TYPE = 0;
    static final int MSG_LEN = NDIS_MSG_TYPE + Integer.BYTES;
    /** {@code RNDIS_HEADER_SIZE}. */
    static final int HEADER_SIZE = MSG_LEN + Integer.BYTES;

    static final long PACKET = 1;
    /** {@code RNDIS_MSG_COMPLETION}: a completion is its request's type with this bit. */
    static final long COMPLETION = 0x8000_0000L;

    private record Kind(String name, List<String> fields) {
    }

    private static final List<String> PACKET_FIELDS = List.of("data_offset", "data_len", "oob_data_offset",
            "oob_data_len", "num_oob_data_elements", "per_pkt_info_offset", "per_pkt_info_len", "vc_handle",
            "reserved");
    private static final int DATA_OFFSET = HEADER_SIZE;
    private static final int DATA_LEN = DATA_OFFSET + Integer.BYTES;

    private static final Map<Long, Kind> KINDS = Map.ofEntries(
            Map.entry(PACKET, new Kind("RNDIS_MSG_PACKET", PACKET_FIELDS)),
            Map.entry(2L, new Kind("RNDIS_MSG_INIT", List.of("req_id", "major_ver", "minor_ver", "max_xfer_size"))),
            Map.entry(COMPLETION | 2, new Kind("RNDIS_MSG_INIT_C", List.of("req_id", "status", "major_ver",
                    "minor_ver", "dev_flags", "medium", "max_pkt_per_msg", "max_xfer_size", "pkt_alignment_factor",
                    "af_list_offset", "af_list_size"))),
            Map.entry(3L, new Kind("RNDIS_MSG_HALT", List.of("req_id"))),
            Map.entry(4L, new Kind("RNDIS_MSG_QUERY", List.of("req_id", "oid", "info_buflen", "info_buf_offset",
                    "dev_vc_handle"))),
            Map.entry(COMPLETION | 4, new Kind("RNDIS_MSG_QUERY_C", List.of("req_id", "status", "info_buflen",
                    "info_buf_offset"))),
            Map.entry(5L, new Kind("RNDIS_MSG_SET", List.of("req_id", "oid", "info_buflen", "info_buf_offset",
                    "dev_vc_handle"))),
            Map.entry(COMPLETION | 5, new Kind("RNDIS_MSG_SET_C", List.of("req_id", "status"))),
            Map.entry(6L, new Kind("RNDIS_MSG_RESET", List.of("reserved"))),
            Map.entry(COMPLETION | 6, new Kind("RNDIS_MSG_RESET_C", List.of("status", "addressing_reset"))),
            Map.entry(7L, new Kind("RNDIS_MSG_INDICATE", List.of("status", "status_buflen", "status_buf_offset"))),
            Map.entry(8L, new Kind("RNDIS_MSG_KEEPALIVE", List.of("req_id"))),
            Map.entry(COMPLETION | 8, new Kind("RNDIS_MSG_KEEPALIVE_C", List.of("req_id", "status"))));

    private RndisMessage() {
    }

    /**
     * Decodes the RNDIS message at {@code at} in the payload (at least {@link #HEADER_SIZE} bytes are there), up to
     * its {@code msg_len} and the packet's end, whichever comes first.
     *
     * @return the {@code rndis_message} fields; the short description goes to {@code info}
     */
    static Fields decode(DecodeContext ctx, long at, StringBuilder info) {
        PayloadView p = ctx.payload();
        long type = p.u32(at + NDIS_MSG_TYPE);
        long msgLen = p.u32(at + MSG_LEN);
        long present = p.remaining(at);
        if (msgLen < HEADER_SIZE || msgLen > present) {
            ctx.mismatch(NetvscRules.NETVSC_RNDIS_MSG_LEN_INVALID,
                    "msg_len of the RNDIS message at payload offset " + at,
                    HEADER_SIZE + " to " + present + " (the bytes in the packet)", Long.toString(msgLen),
                    at + MSG_LEN, Integer.BYTES);
        }
        long end = at + Math.max(HEADER_SIZE, Math.min(msgLen, present));
        Kind kind = KINDS.get(type);
        String name = kind == null ? "RNDIS message 0x" + Long.toHexString(type) : kind.name();
        Fields.Builder f = Fields.builder().number("ndis_msg_type", type).number("msg_len", msgLen);
        Fields.Builder msg = Fields.builder();
        if (kind != null) {
            long pos = at + HEADER_SIZE;
            for (String field : kind.fields()) {
                if (pos + Integer.BYTES > end) {
                    break;
                }
                msg.number(field, p.u32(pos));
                pos += Integer.BYTES;
            }
        }
        f.object("msg", msg.build());
        info.append(name).append(' ').append(msgLen).append(" bytes");
        if (type == PACKET && at + DATA_LEN + Integer.BYTES <= end) {
            checkData(ctx, at, msgLen, end - at, info);
        }
        return f.build();
    }

    /**
     * {@code rndis_filter_receive_data}: the frame ({@code data_offset}, {@code data_len}, counted from {@code struct
     * rndis_packet}) must lie inside the message.
     */
    private static void checkData(DecodeContext ctx, long at, long msgLen, long usable, StringBuilder info) {
        PayloadView p = ctx.payload();
        long dataOffset = p.u32(at + DATA_OFFSET);
        long dataLen = p.u32(at + DATA_LEN);
        long body = Math.min(msgLen, usable) - HEADER_SIZE;
        info.append(", frame ").append(dataLen).append(" bytes");
        if (dataOffset >= body || dataLen > body - dataOffset) {
            ctx.mismatch(NetvscRules.NETVSC_RNDIS_DATA_BEYOND_MESSAGE, "frame of the RNDIS packet (data_offset "
                            + dataOffset + ", data_len " + dataLen + ")",
                    "inside the " + body + " bytes after the RNDIS header",
                    "end at " + (dataOffset + dataLen), at + DATA_OFFSET, 2L * Integer.BYTES);
        }
    }
}
