package ringtool.core.payload;

import java.util.Objects;

/**
 * What a dissector made of one packet's payload: {@code decoded} in JSON.
 *
 * @param protocol {@code balloon}, {@code ic}, {@code netvsc} or {@code storvsc}
 * @param message  the message type as the Linux headers name it, or its number when the type is unknown
 * @param info     one line, like tshark's Info column
 * @param fields   the struct's fields, nested as in the Linux headers
 */
public record Decoded(String protocol, String message, String info, Fields fields) {

    public Decoded {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(fields, "fields");
    }
}
