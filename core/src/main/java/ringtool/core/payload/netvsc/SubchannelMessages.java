package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.format.PacketType;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code NVSP_MSG5_TYPE_SUBCHANNEL}: one number for the guest's request (in a data packet) and the host's answer
 * (in a completion), two structs of the same size.
 *
 * <pre>
 * nvsp_5_subchannel_request    +4 op     | +8 num_subchannels |
 * nvsp_5_subchannel_complete   +4 status | +8 num_subchannels |
 * </pre>
 */
final class SubchannelMessages {

    static final int OP = BODY_OFFSET;
    static final int STATUS = BODY_OFFSET;
    static final int NUM_SUBCHANNELS = OP + Integer.BYTES;
    static final int SIZE = NUM_SUBCHANNELS + Integer.BYTES - BODY_OFFSET;

    /** {@code VRSS_CHANNEL_MAX - 1}: the subchannels beside the primary that the channel table holds. */
    static final long MAX_SUBCHANNELS = 63;
    private static final String REQUEST = "subchn_req";

    private SubchannelMessages() {
    }

    static Decoded decode(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long num = p.u32(NUM_SUBCHANNELS);
        if (ctx.packetType() != PacketType.COMP) {
            long op = p.u32(OP);
            Fields body = Fields.builder().number("op", op).number("num_subchannels", num).build();
            String what = op == 1 ? "NVSP_SUBCHANNEL_ALLOCATE" : "op " + op;
            return ctx.decoded(message, message + " " + what + " " + num, Nvsp.message(h, REQUEST, body));
        }
        long status = p.u32(STATUS);
        long asked = asked(Nvsp.request(ctx));
        long bound = asked >= 0 ? asked : MAX_SUBCHANNELS;
        if (num > bound) {
            String expected = asked >= 0 ? "<= " + asked + " (the request's)"
                    : "<= " + MAX_SUBCHANNELS + " (VRSS_CHANNEL_MAX - 1)";
            ctx.mismatch(NetvscRules.NETVSC_SUBCHANNEL_COUNT_BEYOND_REQUEST, "num_subchannels granted", expected,
                    Long.toString(num), NUM_SUBCHANNELS, Integer.BYTES);
        }
        Fields body = Fields.builder().number("status", status).number("num_subchannels", num).build();
        return ctx.decoded(message, message + " complete " + Nvsp.status(status) + ", " + num + " subchannels",
                Nvsp.message(h, "subchn_comp", body));
    }

    /** The number of subchannels the request asked for, or -1 when the request is not in view. */
    private static long asked(NvspRequest request) {
        if (request == null || !(request.decoded().fields().get(REQUEST) instanceof Fields body)) {
            return -1;
        }
        return body.get("num_subchannels") instanceof FieldValue.Number n ? n.unsigned() : -1;
    }
}
