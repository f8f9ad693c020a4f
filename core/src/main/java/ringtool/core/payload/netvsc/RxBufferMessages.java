package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * Version 2's extra receive buffers ({@code ALLOC_RXBUF}, its completion, {@code FREE_RXBUF}); Linux defines them
 * but never sends them.
 *
 * <pre>
 * nvsp_2_alloc_rxbuf        +4 alloc_id | +8 len |
 * nvsp_2_alloc_rxbuf_comp   +4 status | +8 alloc_id | +12 gpadl_handle | +16 recv_buf_id u64 |
 * nvsp_2_free_rxbuf         +4 recv_buf_id u64 |
 * </pre>
 */
final class RxBufferMessages {

    static final int ALLOC_ID = BODY_OFFSET;
    static final int LEN = ALLOC_ID + Integer.BYTES;
    static final int ALLOC_SIZE = LEN + Integer.BYTES - BODY_OFFSET;

    static final int STATUS = BODY_OFFSET;
    static final int COMP_ALLOC_ID = STATUS + Integer.BYTES;
    static final int GPADL_HANDLE = COMP_ALLOC_ID + Integer.BYTES;
    static final int RECV_BUF_ID = GPADL_HANDLE + Integer.BYTES;
    static final int ALLOC_COMP_SIZE = RECV_BUF_ID + Long.BYTES - BODY_OFFSET;

    static final int FREE_RECV_BUF_ID = BODY_OFFSET;
    static final int FREE_SIZE = Long.BYTES;

    private RxBufferMessages() {
    }

    static Decoded alloc(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long id = p.u32(ALLOC_ID);
        long len = p.u32(LEN);
        Fields body = Fields.builder().number("alloc_id", id).number("len", len).build();
        return ctx.decoded(message, message + " alloc_id " + id + ", " + len + " bytes",
                Nvsp.message(h, "alloc_rxbuf", body));
    }

    static Decoded allocComplete(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long status = p.u32(STATUS);
        long id = p.u32(COMP_ALLOC_ID);
        Fields body = Fields.builder()
                .number("status", status)
                .number("alloc_id", id)
                .number("gpadl_handle", p.u32(GPADL_HANDLE))
                .number("recv_buf_id", p.u64(RECV_BUF_ID))
                .build();
        return ctx.decoded(message, message + " " + Nvsp.status(status) + ", alloc_id " + id,
                Nvsp.message(h, "alloc_rxbuf_comp", body));
    }

    static Decoded free(DecodeContext ctx, NvspHeader h, String message) {
        long id = ctx.payload().u64(FREE_RECV_BUF_ID);
        return ctx.decoded(message, message + " recv_buf_id " + Long.toUnsignedString(id),
                Nvsp.message(h, "free_rxbuf", Fields.builder().number("recv_buf_id", id).build()));
    }
}
