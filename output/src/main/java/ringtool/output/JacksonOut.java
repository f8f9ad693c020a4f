package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/** {@link JsonOut} over a Jackson generator, for the writers that pretty-print or mix in Jackson calls. */
public final class JacksonOut implements JsonOut {

    private final JsonGenerator g;

    private JacksonOut(JsonGenerator g) {
        this.g = g;
    }

    public static JacksonOut of(JsonGenerator g) {
        return new JacksonOut(g);
    }

    @Override
    public void name(JsonName name) throws IOException {
        g.writeFieldName(serialized(name));
    }

    @Override
    public void string(JsonName value) throws IOException {
        g.writeString(serialized(value));
    }

    /**
     * Jackson copies a SerializedString's cached UTF-8 bytes instead of encoding and escaping the text again for
     * every packet (a third of the time of a large JSON report). A race makes two equal instances.
     */
    private static SerializableString serialized(JsonName name) {
        Object s = name.jackson;
        if (s == null) {
            s = new SerializedString(name.text());
            name.jackson = s;
        }
        return (SerializableString) s;
    }

    @Override
    public void name(String name) throws IOException {
        g.writeFieldName(name);
    }

    @Override
    public void number(long value) throws IOException {
        g.writeNumber(value);
    }

    @Override
    public void number(double value) throws IOException {
        g.writeNumber(value);
    }

    @Override
    public void unsignedNumber(long value) throws IOException {
        g.writeNumber(Long.toUnsignedString(value));
    }

    @Override
    public void string(String value) throws IOException {
        g.writeString(value);
    }

    @Override
    public void bool(boolean value) throws IOException {
        g.writeBoolean(value);
    }

    @Override
    public void nul() throws IOException {
        g.writeNull();
    }

    @Override
    public void startObject() throws IOException {
        g.writeStartObject();
    }

    @Override
    public void endObject() throws IOException {
        g.writeEndObject();
    }

    @Override
    public void startArray() throws IOException {
        g.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        g.writeEndArray();
    }
}
