package ringtool.output;

import java.nio.charset.StandardCharsets;

/**
 * A field name encoded once: {@link JsonBytes} copies its quoted UTF-8 bytes and the colon, Jackson (through
 * {@link JacksonOut}) its own pre-encoded form, made on first use so that a JSONL run never loads Jackson. A string
 * value known in advance (a packet type's name) is one too, written with {@link JsonOut#string(JsonName)}: the same
 * quoted bytes without the colon.
 */
public final class JsonName {

    private final String text;
    /** {@code ,"text":} in UTF-8: from index 1 when no comma is due. */
    final byte[] quoted;
    /** Jackson's {@code SerializedString}, typed loosely so that this class does not load Jackson. */
    Object jackson;

    private JsonName(String text) {
        this.text = text;
        this.quoted = JsonBytes.render(out -> {
            out.raw((byte) ',');
            out.string(text);
            out.raw((byte) ':');
        });
    }

    public static JsonName of(String text) {
        return new JsonName(text);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return new String(quoted, 1, quoted.length - 1, StandardCharsets.UTF_8);
    }
}
