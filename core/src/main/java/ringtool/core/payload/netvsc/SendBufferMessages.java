package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The send buffer: the guest offers it ({@code SEND_SEND_BUF}), the host picks the section size
 * ({@code SEND_SEND_BUF_COMPLETE}), the guest takes it back ({@code REVOKE_SEND_BUF}).
 *
 * <pre>
 * nvsp_1_message_send_send_buffer            +4 gpadl_handle u32 | +8 id u16 |
 * nvsp_1_message_send_send_buffer_complete   +4 status | +8 section_size |
 * nvsp_1_message_revoke_send_buffer          +4 id u16 |
 * </pre>
 */
final class SendBufferMessages {

    static final int GPADL_HANDLE = BODY_OFFSET;
    static final int ID = GPADL_HANDLE + Integer.BYTES;
    static final int SEND_SIZE = ID + Short.BYTES - BODY_OFFSET;

    static final int STATUS = BODY_OFFSET;
    static final int SECTION_SIZE = STATUS + Integer.BYTES;
    static final int COMPLETE_SIZE = SECTION_SIZE + Integer.BYTES - BODY_OFFSET;

    static final int REVOKE_ID = BODY_OFFSET;
    static final int REVOKE_SIZE = Short.BYTES;

    private SendBufferMessages() {
    }

    static Decoded send(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long gpadl = p.u32(GPADL_HANDLE);
        int id = p.u16(ID);
        Fields body = Fields.builder().number("gpadl_handle", gpadl).number("id", id).build();
        return ctx.decoded(message, message + " gpadl " + Nvsp.hex(gpadl) + ", id " + Nvsp.hex(id),
                Nvsp.message(h, "send_send_buf", body));
    }

    static Decoded complete(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long status = p.u32(STATUS);
        long sectionSize = p.u32(SECTION_SIZE);
        if (status == Nvsp.STAT_SUCCESS && sectionSize < Nvsp.MTU_MIN) {
            ctx.mismatch(NetvscRules.SEND_BUF_SECTION_SIZE_INVALID, "send buffer section_size",
                    ">= " + Nvsp.MTU_MIN, Long.toString(sectionSize), SECTION_SIZE, Integer.BYTES);
        }
        Fields body = Fields.builder().number("status", status).number("section_size", sectionSize).build();
        return ctx.decoded(message, message + " " + Nvsp.status(status) + ", section_size " + sectionSize,
                Nvsp.message(h, "send_send_buf_complete", body));
    }

    static Decoded revoke(DecodeContext ctx, NvspHeader h, String message) {
        int id = ctx.payload().u16(REVOKE_ID);
        return ctx.decoded(message, message + " id " + Nvsp.hex(id),
                Nvsp.message(h, "revoke_send_buf", Fields.builder().number("id", id).build()));
    }
}
