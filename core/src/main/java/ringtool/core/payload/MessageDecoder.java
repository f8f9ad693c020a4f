package ringtool.core.payload;

/**
 * The decoder of one message family (a request and its response, say), after the protocol's header was read.
 *
 * @param <H> the protocol's header record
 */
@FunctionalInterface
public interface MessageDecoder<H> {

    /**
     * @param message the type's name as the Linux headers have it (one decoder may serve several types)
     * @return the decoded message; problems go to {@code ctx} as findings, never as exceptions
     */
    Decoded decode(DecodeContext ctx, H header, String message);
}
