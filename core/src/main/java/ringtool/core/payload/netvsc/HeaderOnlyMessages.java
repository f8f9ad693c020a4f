package ringtool.core.payload.netvsc;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;

/**
 * Message types Linux numbers but gives no struct (TCP chimney offload, VMQ, extended OID queries, the deprecated
 * uplink state): the header is all there is to decode.
 */
final class HeaderOnlyMessages {

    private HeaderOnlyMessages() {
    }

    static Decoded decode(DecodeContext ctx, NvspHeader h, String message) {
        return ctx.decoded(message, message + " (" + ctx.payload().length() + " bytes; no layout in Linux)",
                Fields.builder().object("hdr", Nvsp.header(h)).build());
    }
}
