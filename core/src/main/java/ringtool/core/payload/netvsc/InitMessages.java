package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * Version negotiation: {@code NVSP_MSG_TYPE_INIT} and its answer {@code NVSP_MSG_TYPE_INIT_COMPLETE}.
 *
 * <pre>
 * nvsp_message_init            +4 min_protocol_ver         | +8 max_protocol_ver  |
 * nvsp_message_init_complete   +4 negotiated_protocol_ver  | +8 max_mdl_chain_len | +12 status |
 * </pre>
 */
final class InitMessages {

    static final int MIN_PROTOCOL_VER = BODY_OFFSET;
    static final int MAX_PROTOCOL_VER = MIN_PROTOCOL_VER + Integer.BYTES;
    static final int INIT_SIZE = MAX_PROTOCOL_VER + Integer.BYTES - BODY_OFFSET;

    static final int NEGOTIATED_PROTOCOL_VER = BODY_OFFSET;
    static final int MAX_MDL_CHAIN_LEN = NEGOTIATED_PROTOCOL_VER + Integer.BYTES;
    static final int STATUS = MAX_MDL_CHAIN_LEN + Integer.BYTES;
    static final int INIT_COMPLETE_SIZE = STATUS + Integer.BYTES - BODY_OFFSET;

    private InitMessages() {
    }

    static Decoded init(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long min = p.u32(MIN_PROTOCOL_VER);
        long max = p.u32(MAX_PROTOCOL_VER);
        Fields body = Fields.builder().number("min_protocol_ver", min).number("max_protocol_ver", max).build();
        String versions = min == max ? Nvsp.version(min) : Nvsp.version(min) + " to " + Nvsp.version(max);
        return ctx.decoded(message, message + " ver " + versions, Nvsp.message(h, "init", body));
    }

    static Decoded initComplete(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long negotiated = p.u32(NEGOTIATED_PROTOCOL_VER);
        long status = p.u32(STATUS);
        Fields body = Fields.builder()
                .number("negotiated_protocol_ver", negotiated)
                .number("max_mdl_chain_len", p.u32(MAX_MDL_CHAIN_LEN))
                .number("status", status)
                .build();
        if (status == Nvsp.STAT_SUCCESS) {
            ctx.state().of(NetvscState.class, NetvscState::new).negotiated(negotiated);
        }
        return ctx.decoded(message, message + " " + Nvsp.status(status) + ", ver " + Nvsp.version(negotiated),
                Nvsp.message(h, "init_complete", body));
    }
}
