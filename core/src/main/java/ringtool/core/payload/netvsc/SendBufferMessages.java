package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The host's answer to the send buffer's offer ({@link BufferOffer}): it picks the section size.
 *
 * <pre>
 * nvsp_1_message_send_send_buffer_complete   +4 status | +8 section_size |
 * </pre>
 */
final class SendBufferMessages {

    static final int STATUS = BODY_OFFSET;
    static final int SECTION_SIZE = STATUS + Integer.BYTES;
    static final int COMPLETE_SIZE = SECTION_SIZE + Integer.BYTES - BODY_OFFSET;

    private SendBufferMessages() {
    }

    static Decoded complete(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long status = p.u32(STATUS);
        long sectionSize = p.u32(SECTION_SIZE);
        if (status == Nvsp.STAT_SUCCESS && sectionSize < Nvsp.MTU_MIN) {
            ctx.mismatch(NetvscRules.NETVSC_SEND_BUF_SECTION_SIZE_INVALID, "send buffer section_size",
                    ">= " + Nvsp.MTU_MIN, Long.toString(sectionSize), SECTION_SIZE, Integer.BYTES);
        }
        Fields body = Fields.builder().number("status", status).number("section_size", sectionSize).build();
        return ctx.decoded(message, message + " " + Nvsp.status(status) + ", section_size " + sectionSize,
                Nvsp.message(h, "send_send_buf_complete", body));
    }
}
