package ringtool.core.payload.storvsc;

import java.util.Map;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;

/**
 * {@code COMPLETE_IO}: the host's answer to the request of the same transaction id. Its union is the request's:
 * the SRB for {@code EXECUTE_SRB}, the properties for {@code QUERY_PROPERTIES}, and so on; the request, when it is
 * in view, picks the decoder. Without it, a completion of Linux's set-up or reset id has a status alone and any other
 * is an SRB's (I/O completions are by far the most).
 */
final class CompletionMessage {

    @FunctionalInterface
    private interface Answer {
        Decoded decode(DecodeContext ctx, VstorHeader h, String message, VstorRequest request);
    }

    private static final Map<Long, Answer> BY_REQUEST = Map.of(
            Operations.EXECUTE_SRB, SrbMessages::complete,
            Operations.QUERY_PROTOCOL_VERSION, SetupMessages::versionAnswer,
            Operations.QUERY_PROPERTIES, SetupMessages::properties,
            Operations.FCHBA_DATA, (ctx, h, message, request) ->
                    SetupMessages.wwn(ctx, h, message, "COMPLETE_IO " + request.summary()));

    private CompletionMessage() {
    }

    static Decoded decode(DecodeContext ctx, VstorHeader h, String message) {
        VstorRequest request = ctx.state().complete(ctx.transactionId(), VstorRequest.class);
        if (request != null) {
            return BY_REQUEST.getOrDefault(request.operation(), CompletionMessage::statusOnly)
                    .decode(ctx, h, message, request);
        }
        long id = ctx.transactionId();
        if (id == Operations.RQST_INIT || id == Operations.RQST_RESET) {
            return statusOnly(ctx, h, message, null);
        }
        return SrbMessages.complete(ctx, h, message, null);
    }

    private static Decoded statusOnly(DecodeContext ctx, VstorHeader h, String message, VstorRequest request) {
        return SetupMessages.status(ctx, h, message, request, "");
    }
}
