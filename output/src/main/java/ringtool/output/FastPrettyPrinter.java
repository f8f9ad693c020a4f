package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * Jackson's default pretty printer, byte for byte, made cheap on a UTF-8 generator. The default writes its
 * separators and indentation as Strings and char arrays, which a byte generator re-encodes char by char: that was
 * more than half the time of {@code --format json} on a ring of small packets. Here they are pre-encoded
 * {@link SerializedString}s, copied as bytes.
 */
final class FastPrettyPrinter extends DefaultPrettyPrinter {

    private static final long serialVersionUID = 1L;

    private final SerializableString fieldValueSeparator;
    private final SerializableString entrySeparator;

    FastPrettyPrinter() {
        indentObjectsWith(new Indents());
        fieldValueSeparator = new SerializedString(_objectFieldValueSeparatorWithSpaces);
        entrySeparator = new SerializedString(_objectEntrySeparator);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
        return new FastPrettyPrinter();
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(fieldValueSeparator);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(entrySeparator);
        _objectIndenter.writeIndentation(g, _nesting);
    }

    /** {@link DefaultIndenter#SYSTEM_LINEFEED_INSTANCE}: a line feed and two spaces a level, pre-encoded. */
    private static final class Indents implements Indenter {
        private static final int CACHED = 32;
        private static final SerializableString[] LEVELS = new SerializableString[CACHED];

        static {
            for (int i = 0; i < CACHED; i++) {
                LEVELS[i] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < CACHED) {
                g.writeRaw(LEVELS[level]);
            } else {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}
