package ringtool.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/**
 * libFuzzer's {@code FuzzedDataProvider} decoding, in plain Java, for the methods {@link RingPlan} uses: integers
 * are taken from the end of the data, most significant byte last read, reduced modulo the range; byte arrays from
 * the front; an exhausted stream yields the minimum. Jazzer's native provider decodes the same way, so the seed
 * generator can see which ring a stream builds without starting Jazzer. Other methods are not needed and refuse.
 */
final class ReplayDataProvider implements FuzzedDataProvider {

    private final byte[] data;
    private int front;
    private int back;

    ReplayDataProvider(byte[] data) {
        this.data = data;
        this.back = data.length;
    }

    private long integral(long min, long max, int bytes) {
        long range = max - min;
        long result = 0;
        int offset = 0;
        while (offset < bytes * 8 && (range >>> offset) > 0 && back > front) {
            back--;
            result = (result << 8) | (data[back] & 0xFF);
            offset += 8;
        }
        if (range != -1L) {
            result = Long.remainderUnsigned(result, range + 1);
        }
        return min + result;
    }

    @Override
    public int consumeInt(int min, int max) {
        return (int) integral(min, max, Integer.BYTES);
    }

    @Override
    public int consumeInt() {
        return consumeInt(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long consumeLong() {
        return integral(Long.MIN_VALUE, Long.MAX_VALUE, Long.BYTES);
    }

    @Override
    public boolean consumeBoolean() {
        return (integral(0, 255, 1) & 1) == 1;
    }

    @Override
    public byte[] consumeBytes(int maxLength) {
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
