package ringtool.output;

import java.io.IOException;

/**
 * Where {@link JsonFields} writes its field sets: Jackson's generator ({@link JacksonOut}: pretty JSON, the summary
 * and sysfs writers) or {@link JsonBytes} (compact JSONL, a million records a second). One definition of each
 * record's fields serves both. A field is {@link #name} then exactly one value or container.
 */
public interface JsonOut {

    void name(JsonName name) throws IOException;

    /** A name known only at run time (severity counts, a decoder's fields). */
    void name(String name) throws IOException;

    void number(long value) throws IOException;

    void number(double value) throws IOException;

    /** {@link #name} and {@link #number(long)} in one call. */
    default void field(JsonName name, long value) throws IOException {
        name(name);
        number(value);
    }

    /** An unsigned u64 as an exact decimal number, beyond {@link Long#MAX_VALUE} too. */
    default void u64(long value) throws IOException {
        if (value >= 0) {
            number(value);
        } else {
            unsignedNumber(value);
        }
    }

    /** The decimal digits of an unsigned u64 above {@link Long#MAX_VALUE}. */
    void unsignedNumber(long value) throws IOException;

    void string(String value) throws IOException;

    /** A string value encoded in advance: {@link #string(String)} of its text. */
    void string(JsonName value) throws IOException;

    void bool(boolean value) throws IOException;

    void nul() throws IOException;

    void startObject() throws IOException;

    void endObject() throws IOException;

    void startArray() throws IOException;

    void endArray() throws IOException;
}
