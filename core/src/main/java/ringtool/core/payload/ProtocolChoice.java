package ringtool.core.payload;

/**
 * The protocol a ring's payloads are decoded with, and why: {@code protocol} and {@code protocol_decision}.
 *
 * @param dissector null when nothing is decoded
 */
public record ProtocolChoice(ProtocolDissector dissector, String decision) {

    public static ProtocolChoice none(String decision) {
        return new ProtocolChoice(null, decision);
    }

    /** The protocol's name, or {@code none}. */
    public String name() {
        return dissector == null ? PayloadOptions.NONE : dissector.name();
    }
}
