package ringtool.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSONL went from Jackson's generator to {@link JsonBytes} without changing a byte: the same calls through both
 * {@link JsonOut}s give the same bytes, for every ASCII character, non-ASCII text, numbers at their limits and
 * strings longer than the buffer.
 */
class JsonBytesTest {

    private interface Writes {
        void to(JsonOut out) throws IOException;
    }

    private static String jackson(Writes w) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
            w.to(JacksonOut.of(g));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String fast(Writes w, int buffer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonBytes out = new JsonBytes(bytes, buffer);
        w.to(out);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertSame(Writes w) throws IOException {
        String expected = jackson(w);
        assertEquals(expected, fast(w, JsonBytes.BUFFER));
        assertEquals(expected, fast(w, 64), "through a buffer smaller than the output");
    }

    @Test
    void everyAsciiCharacterEscapesAsJacksonEscapesIt() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        assertSame(out -> out.string(all.toString()));
        assertEquals("\"\\u0000\\u001F\\b\\t\\n\\f\\r\\\"\\\\/\u007f\"",
                fast(out -> out.string("\0\u001f\b\t\n\f\r\"\\/\u007f"), 64));
    }

    @Test
    void nonAsciiTextIsUtf8AndSurrogatesEscaped() throws IOException {
        assertSame(out -> out.string("é ü ß € 日本 \uD83D\uDE00 end \uDE00 lone"));
    }

    @Test
    void aStringLongerThanTheBufferGoesInPieces() throws IOException {
        String s = "a\uD83D\uDE00\n".repeat(5000);
        assertSame(out -> out.string(s));
    }

    @Test
    void numbersAtTheirLimits() throws IOException {
        List<Long> values = List.of(0L, 1L, 9L, 10L, 99L, 100L, 101L, -1L, -10L, 999_999_999L, 1_000_000_000L,
                2_147_483_647L, 2_147_483_648L, 4_294_967_295L, 10_000_000_000L, 99_999_999_999_999_999L,
                Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L);
        assertSame(out -> {
            out.startArray();
            for (long v : values) {
                out.number(v);
            }
            out.u64(-1L);
            out.u64(Long.MIN_VALUE);
            out.number(0.5);
            out.number(1e-7);
            out.endArray();
        });
        assertEquals("[18446744073709551615]", fast(out -> {
            out.startArray();
            out.u64(-1L);
            out.endArray();
        }, 64));
    }

    @Test
    void nestedContainersTakeCommasWhereJacksonPutsThem() throws IOException {
        JsonName a = JsonName.of("a");
        assertSame(out -> {
            out.startObject();
            out.name(a);
            out.startArray();
            out.startObject();
            out.endObject();
            out.startArray();
            out.endArray();
            out.nul();
            out.bool(true);
            out.bool(false);
            out.endArray();
            out.name("dynamic \"name\"");
            out.startObject();
            out.name(a);
            out.string("");
            out.endObject();
            out.name(a);
            out.number(3);
            out.endObject();
        });
    }

    @Test
    void aPreEncodedStringIsItsTextAsAStringWithOrWithoutAComma() throws IOException {
        JsonName name = JsonName.of("type_name");
        JsonName value = JsonName.of("DATA_INBAND \"é\"\n");
        assertSame(out -> {
            out.startArray();
            out.string(value);
            out.string(value);
            out.startObject();
            out.name(name);
            out.string(value);
            out.field(name, 7);
            out.name(name);
            out.string(value);
            out.endObject();
            out.endArray();
        });
        assertEquals("[\"DATA_INBAND \\\"é\\\"\\n\"]", fast(out -> {
            out.startArray();
            out.string(value);
            out.endArray();
        }, 64));
    }
}
