package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * The guest's offer of a shared buffer and its revocation, one layout for the receive and the send buffer
 * ({@code nvsp_1_message_send_receive_buffer} and {@code _send_send_buffer}, {@code _revoke_receive_buffer} and
 * {@code _revoke_send_buffer}).
 *
 * <pre>
 * offer    +4 gpadl_handle u32 | +8 id u16 |
 * revoke   +4 id u16 |
 * </pre>
 */
final class BufferOffer {

    static final int GPADL_HANDLE = BODY_OFFSET;
    static final int ID = GPADL_HANDLE + Integer.BYTES;
    /** Packed: a u32 and a u16. */
    static final int OFFER_SIZE = ID + Short.BYTES - BODY_OFFSET;

    static final int REVOKE_ID = BODY_OFFSET;
    static final int REVOKE_SIZE = Short.BYTES;

    private BufferOffer() {
    }

    /** The decoder of an offer whose union member is {@code member} ({@code send_recv_buf}, ...). */
    static MessageDecoder<NvspHeader> offer(String member) {
        return (ctx, h, message) -> {
            PayloadView p = ctx.payload();
            long gpadl = p.u32(GPADL_HANDLE);
            int id = p.u16(ID);
            Fields body = Fields.builder().number("gpadl_handle", gpadl).number("id", id).build();
            return ctx.decoded(message, message + " gpadl " + Nvsp.hex(gpadl) + ", id " + Nvsp.hex(id),
                    Nvsp.message(h, member, body));
        };
    }

    static MessageDecoder<NvspHeader> revoke(String member) {
        return (ctx, h, message) -> revoke(ctx, h, message, member);
    }

    private static Decoded revoke(DecodeContext ctx, NvspHeader h, String message, String member) {
        int id = ctx.payload().u16(REVOKE_ID);
        return ctx.decoded(message, message + " id " + Nvsp.hex(id),
                Nvsp.message(h, member, Fields.builder().number("id", id).build()));
    }
}
