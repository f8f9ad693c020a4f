package ringtool.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/**
 * Jazzer's {@code FuzzedDataProvider} decoding, in plain Java, for the methods {@link RingPlan} uses: integers are
 * taken from the end of the data, most significant byte read first, kept when in range and else reduced modulo the
 * range's size; byte arrays from the front; an exhausted stream yields zero, or the minimum of a range without zero.
 * Jazzer's own provider decodes the same way ({@code JazzerDecodingTest} holds the two to it) but through a JNI
 * call per value, which was 6% of a layout input's time: the targets take the fuzzer's bytes as an array and decode
 * them here. The seed generator uses it too, to see which ring a stream builds without starting Jazzer. Bad
 * arguments throw as Jazzer's do; other methods are not needed and refuse.
 */
final class PlainDataProvider implements FuzzedDataProvider {

    private final byte[] data;
    private int front;
    private int back;

    PlainDataProvider(byte[] data) {
        this.data = data;
        this.back = data.length;
    }

    /**
     * Up to {@code bytes} bytes from the end, as many as {@code range} needs, the first one read the most significant.
     * The range is unsigned: that of a whole long, 2^64 - 1, reads as -1.
     */
    private long raw(long range, int bytes) {
        long result = 0;
        int offset = 0;
        while (offset < bytes * 8 && (range >>> offset) != 0 && back > front) {
            back--;
            result = (result << 8) | (data[back] & 0xFF);
            offset += 8;
        }
        return result;
    }

    /**
     * Jazzer, unlike libFuzzer, keeps the bytes' value itself when it lies in the range (so that a value from a
     * compare the fuzzer saw reaches the target unchanged) and only otherwise reduces it modulo the range's size.
     */
    @Override
    public int consumeInt(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max (got min: " + min + ", max: " + max + ")");
        }
        long range = (long) max - min;
        long raw = raw(range, Integer.BYTES);
        int value = (int) raw;
        if (min <= value && value <= max) {
            return value;
        }
        return (int) (min + raw % (range + 1));
    }

    /** The whole range: the bytes' value, so that no bytes read as 0 and not as the minimum. */
    @Override
    public int consumeInt() {
        return (int) raw(-1L, Integer.BYTES);
    }

    @Override
    public long consumeLong() {
        return raw(-1L, Long.BYTES);
    }

    @Override
    public boolean consumeBoolean() {
        return (raw(0xFF, 1) & 1) == 1;
    }

    @Override
    public byte[] consumeBytes(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative");
        }
        int n = Math.max(0, Math.min(maxLength, back - front));
        byte[] out = Arrays.copyOfRange(data, front, front + n);
        front += n;
        return out;
    }

    @Override
    public int remainingBytes() {
        return back - front;
    }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("not used by RingPlan");
    }

    @Override public boolean[] consumeBooleans(int maxLength) { throw unused(); }
    @Override public byte consumeByte() { throw unused(); }
    @Override public byte consumeByte(byte min, byte max) { throw unused(); }
    @Override public short consumeShort() { throw unused(); }
    @Override public short consumeShort(short min, short max) { throw unused(); }
    @Override public short[] consumeShorts(int maxLength) { throw unused(); }
    @Override public int[] consumeInts(int maxLength) { throw unused(); }
    @Override public long consumeLong(long min, long max) { throw unused(); }
    @Override public long[] consumeLongs(int maxLength) { throw unused(); }
    @Override public float consumeFloat() { throw unused(); }
    @Override public float consumeRegularFloat() { throw unused(); }
    @Override public float consumeRegularFloat(float min, float max) { throw unused(); }
    @Override public float consumeProbabilityFloat() { throw unused(); }
    @Override public double consumeDouble() { throw unused(); }
    @Override public double consumeRegularDouble() { throw unused(); }
    @Override public double consumeRegularDouble(double min, double max) { throw unused(); }
    @Override public double consumeProbabilityDouble() { throw unused(); }
    @Override public char consumeChar() { throw unused(); }
    @Override public char consumeChar(char min, char max) { throw unused(); }
    @Override public char consumeCharNoSurrogates() { throw unused(); }
    @Override public String consumeString(int maxLength) { throw unused(); }
    @Override public String consumeAsciiString(int maxLength) { throw unused(); }
    @Override public byte[] consumeRemainingAsBytes() { throw unused(); }
    @Override public String consumeRemainingAsString() { throw unused(); }
    @Override public String consumeRemainingAsAsciiString() { throw unused(); }
}
