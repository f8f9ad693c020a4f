package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.format.PacketType;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * PacketDirect (version 6): {@code PD_API} requests and completions, and {@code PD_POST_BATCH}. Linux declares them
 * and never sends them; the operation, status and buffer list are decoded, the per-operation unions are not.
 *
 * <pre>
 * nvsp_6_pd_api_req     +4 op |
 * nvsp_6_pd_api_comp    +4 op | +8 status |
 * nvsp_6_pd_batch_msg   +4 count u16 | +6 guest2host:1 is_recv:1 | +8 pd_buf[count]
 * nvsp_6_pd_buf         +0 region_offset u32 | +4 region_id u16 | +6 is_partial:1 |
 * </pre>
 */
final class PacketDirectMessages {

    static final int OP = BODY_OFFSET;
    static final int STATUS = OP + Integer.BYTES;
    static final int API_REQ_SIZE = Integer.BYTES;

    static final int COUNT = BODY_OFFSET;
    static final int BATCH_FLAGS = COUNT + Short.BYTES;
    static final int PD_BUF = BATCH_FLAGS + Short.BYTES;
    static final int BATCH_SIZE = PD_BUF - BODY_OFFSET;

    static final int REGION_OFFSET = 0;
    static final int REGION_ID = REGION_OFFSET + Integer.BYTES;
    static final int BUF_FLAGS = REGION_ID + Short.BYTES;
    static final int BUF_SIZE = BUF_FLAGS + Short.BYTES;

    private static final String[] OPS = {null, "PD_API_OP_CONFIG", "PD_API_OP_SW_DATAPATH", "PD_API_OP_OPEN_PROVIDER",
            "PD_API_OP_CLOSE_PROVIDER", "PD_API_OP_CREATE_QUEUE", "PD_API_OP_FLUSH_QUEUE", "PD_API_OP_FREE_QUEUE",
            "PD_API_OP_ALLOC_COM_BUF", "PD_API_OP_FREE_COM_BUF"};

    private PacketDirectMessages() {
    }

    static Decoded api(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long op = p.u32(OP);
        String name = op > 0 && op < OPS.length ? OPS[(int) op] : "op " + op;
        if (ctx.packetType() == PacketType.COMP && p.has(STATUS, Integer.BYTES)) {
            long status = p.u32(STATUS);
            Fields body = Fields.builder().number("op", op).number("status", status).build();
            return ctx.decoded(message, message + " " + name + " complete, status " + Nvsp.hex(status),
                    Nvsp.message(h, "pd_comp", body));
        }
        return ctx.decoded(message, message + " " + name,
                Nvsp.message(h, "pd_req", Fields.builder().number("op", op).build()));
    }

    static Decoded batch(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        int count = p.u16(COUNT);
        int flags = p.u16(BATCH_FLAGS);
        long present = Math.min(count, p.remaining(PD_BUF) / BUF_SIZE);
        List<Fields> bufs = new ArrayList<>((int) present);
        for (int i = 0; i < present; i++) {
            long at = PD_BUF + (long) i * BUF_SIZE;
            bufs.add(Fields.builder()
                    .number("region_offset", p.u32(at + REGION_OFFSET))
                    .number("region_id", p.u16(at + REGION_ID))
                    .number("is_partial", p.u16(at + BUF_FLAGS) & 1)
                    .build());
        }
        Fields f = Fields.builder()
                .object("hdr", Nvsp.header(h))
                .number("count", count)
                .number("guest2host", flags & 1)
                .number("is_recv", (flags >>> 1) & 1)
                .list("pd_buf", bufs)
                .build();
        return ctx.decoded(message, message + " " + count + " buffers" + (present < count ? " (" + present
                + " in the packet)" : ""), f);
    }
}
