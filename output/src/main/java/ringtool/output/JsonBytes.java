package ringtool.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.io.output.WriterOutputStream;

/**
 * Compact JSON as UTF-8 bytes in one large buffer: names and constant prefixes copied pre-encoded, digits written
 * without a {@code String}, strings escaped exactly as Jackson's generator escapes them (so JSONL stays byte for
 * byte what it was). This is how a C walker prints JSONL, and it is what brings {@code --format jsonl} of a
 * million packets near one: Jackson's generator checks its context and encodes separately on every call, and its
 * deep call chains cost C2 as much compile time as the run's rendering. The buffer goes to the stream when full
 * and on {@link #flush}; a record may span two buffers.
 */
public final class JsonBytes implements JsonOut {

    /**
     * The buffer's largest size: a big report goes out in a few thousand {@code write} calls. It starts at
     * {@link #START} and grows only as a report needs: the fuzz harness and {@code --jobs} make a writer per
     * input, and zeroing 128 KiB for each was a few percent of a fuzzing run.
     */
    static final int BUFFER = 1 << 17;
    private static final int START = 1 << 12;

    /** The longest any one number takes: {@link #MIN}. */
    private static final int NUMBER_MAX = 20;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    /**
     * For each ASCII character: 0 when it is copied as is, the letter of its short escape ({@code \n}), or -1
     * for a six-character {@code \\u} escape. Jackson's default table ({@code CharTypes.get7BitOutputEscapes()}).
     */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private final OutputStream out;
    private final int limit;
    private byte[] buf;
    private int count;
    /** A value or a closed container came last at this level: the next name or value takes a comma first. */
    private boolean comma;

    /** @param bufferSize bytes held before they go to {@code out} */
    JsonBytes(OutputStream out, int bufferSize) {
        this.out = out;
        this.limit = bufferSize;
        this.buf = new byte[Math.min(bufferSize, START)];
    }

    /** Onto the byte stream under a {@link Utf8Output}, else through a UTF-8 decoder onto the writer. */
    static JsonBytes of(Writer out) {
        if (out instanceof Utf8Output u) {
            return new JsonBytes(u.bytes(), BUFFER);
        }
        try {
            return new JsonBytes(WriterOutputStream.builder().setWriter(out).setCharset(StandardCharsets.UTF_8)
                    .get(), BUFFER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code writes} writes, as bytes: constant prefixes and names, encoded once. */
    static byte[] render(IOConsumer writes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonBytes json = new JsonBytes(bytes, 256);
        try {
            writes.accept(json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    interface IOConsumer {
        void accept(JsonBytes out) throws IOException;
    }

    /** Bytes already encoded, copied as they are; they count as a value for the commas that follow. */
    void raw(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - count) {
            room(bytes.length);
            if (bytes.length > buf.length - count) {
                out.write(bytes);
                comma = true;
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
        comma = true;
    }

    void raw(byte b) throws IOException {
        ensure(1);
        buf[count++] = b;
    }

    /** Ends a JSONL record: a line feed, after which no comma is due. */
    void newline() throws IOException {
        ensure(1);
        buf[count++] = '\n';
        comma = false;
    }

    @Override
    public void name(JsonName name) throws IOException {
        byte[] q = name.quoted;
        ensure(q.length);
        count = name(buf, count, q);
    }

    /** Copies {@code ,"name":}, without its comma when none is due. */
    private int name(byte[] b, int n, byte[] q) {
        int from = comma ? 0 : 1;
        System.arraycopy(q, from, b, n, q.length - from);
        comma = false;
        return n + q.length - from;
    }

    /** A name and a number in one: half the buffer checks of a packet record. */
    @Override
    public void field(JsonName name, long value) throws IOException {
        byte[] q = name.quoted;
        ensure(q.length + NUMBER_MAX);
        byte[] b = buf;
        int n = name(b, count, q);
        comma = true;
        count = signed(b, n, value);
    }

    @Override
    public void name(String name) throws IOException {
        string(name);
        raw((byte) ':');
        comma = false;
    }

    @Override
    public void number(long value) throws IOException {
        ensure(NUMBER_MAX + 1);
        byte[] b = buf;
        int n = count;
        if (comma) {
            b[n++] = ',';
        }
        comma = true;
        count = signed(b, n, value);
    }

    private static int signed(byte[] b, int n, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                System.arraycopy(MIN, 0, b, n, MIN.length);
                return n + MIN.length;
            }
            b[n++] = '-';
            value = -value;
        }
        return digits(b, n, value);
    }

    /**
     * Writes a non-negative value's digits at {@code b[n]} and returns where they end: two digits per division,
     * in int arithmetic once the value fits. The count comes from the value's bit length, not from a chain of
     * comparisons: the digit counts of a ring's indices and offsets grow as the walk goes, and each new one would be a
     * branch the compiled code had never seen, sending it back to the interpreter.
     */
    private static int digits(byte[] b, int n, long v) {
        int end = n + digitCount(v);
        int at = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            b[--at] = PAIRS[2 * r + 1];
            b[--at] = PAIRS[2 * r];
            v = q;
        }
        int x = (int) v;
        while (x >= 100) {
            int q = x / 100;
            int r = x - q * 100;
            b[--at] = PAIRS[2 * r + 1];
            b[--at] = PAIRS[2 * r];
            x = q;
        }
        if (x >= 10) {
            b[--at] = PAIRS[2 * x + 1];
            b[--at] = PAIRS[2 * x];
        } else {
            b[--at] = (byte) ('0' + x);
        }
        return end;
    }

    /**
     * Decimal digits of {@code v >= 0}: log10 estimated from the bit length ({@code * 1233 / 4096}), then one
     * comparison ({@code v | 1} so that 0 has a digit; it is below the same powers of ten as {@code v}).
     */
    private static int digitCount(long v) {
        long odd = v | 1;
        int t = (Long.SIZE - Long.numberOfLeadingZeros(odd)) * 1233 >>> 12;
        return t + (odd < POW10[t] ? 0 : 1);
    }

    /** 10^0 to 10^18. */
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    @Override
    public void number(double value) throws IOException {
        valueAscii(Double.toString(value));
    }

    @Override
    public void unsignedNumber(long value) throws IOException {
        valueAscii(Long.toUnsignedString(value));
    }

    private void valueAscii(String text) throws IOException {
        ensure(1);
        if (comma) {
            buf[count++] = ',';
        }
        comma = true;
        ascii(text);
    }

    private void ascii(String text) throws IOException {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buf[count++] = (byte) text.charAt(i);
        }
    }

    @Override
    public void string(String value) throws IOException {
        ensure(1);
        if (comma) {
            buf[count++] = ',';
        }
        comma = true;
        raw((byte) '"');
        int len = value.length();
        // Six bytes per char is the most an escape or a UTF-8 sequence takes; a string too long for that in one
        // buffer goes in pieces.
        int piece = (buf.length - 2) / 6;
        for (int from = 0; from < len; ) {
            int to = Math.min(len, from + piece);
            ensure((to - from) * 6);
            chars(value, from, to);
            from = to;
        }
        raw((byte) '"');
        comma = true;
    }

    @Override
    public void string(JsonName value) throws IOException {
        byte[] q = value.quoted;
        ensure(q.length);
        int from = comma ? 0 : 1;
        // The name's bytes without its colon.
        int length = q.length - 1 - from;
        System.arraycopy(q, from, buf, count, length);
        count += length;
        comma = true;
    }

    /** Escapes and encodes {@code value[from, to)}; the buffer has room for six bytes per char. */
    private void chars(String value, int from, int to) {
        byte[] b = buf;
        int n = count;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPES[c];
                if (e == 0) {
                    b[n++] = (byte) c;
                } else if (e > 0) {
                    b[n++] = '\\';
                    b[n++] = e;
                } else {
                    b[n++] = '\\';
                    b[n++] = 'u';
                    b[n++] = '0';
                    b[n++] = '0';
                    b[n++] = HEX[c >> 4];
                    b[n++] = HEX[c & 0xF];
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // Jackson writes each half of a pair (and a lone half) as an escape, not as 4-byte UTF-8.
                b[n++] = '\\';
                b[n++] = 'u';
                b[n++] = HEX[c >> 12];
                b[n++] = HEX[c >> 8 & 0xF];
                b[n++] = HEX[c >> 4 & 0xF];
                b[n++] = HEX[c & 0xF];
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        count = n;
    }

    @Override
    public void bool(boolean value) throws IOException {
        literal(value ? TRUE : FALSE);
    }

    @Override
    public void nul() throws IOException {
        literal(NULL);
    }

    private void literal(byte[] bytes) throws IOException {
        ensure(bytes.length + 1);
        if (comma) {
            buf[count++] = ',';
        }
        System.arraycopy(bytes, 0, buf, count, bytes.length);
        count += bytes.length;
        comma = true;
    }

    @Override
    public void startObject() throws IOException {
        open((byte) '{');
    }

    @Override
    public void endObject() throws IOException {
        close((byte) '}');
    }

    @Override
    public void startArray() throws IOException {
        open((byte) '[');
    }

    @Override
    public void endArray() throws IOException {
        close((byte) ']');
    }

    private void open(byte b) throws IOException {
        ensure(2);
        if (comma) {
            buf[count++] = ',';
        }
        buf[count++] = b;
        comma = false;
    }

    private void close(byte b) throws IOException {
        ensure(1);
        buf[count++] = b;
        comma = true;
    }

    private void ensure(int n) throws IOException {
        if (n > buf.length - count) {
            room(n);
        }
    }

    /** Grows the buffer towards its limit, else empties it into the stream. */
    private void room(int n) throws IOException {
        if (buf.length < limit) {
            buf = Arrays.copyOf(buf, Math.min(limit, Math.max(2 * buf.length, count + n)));
            if (n <= buf.length - count) {
                return;
            }
        }
        drain();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    /** Everything written so far to the stream, and the stream flushed. */
    void flush() throws IOException {
        drain();
        out.flush();
    }
}
