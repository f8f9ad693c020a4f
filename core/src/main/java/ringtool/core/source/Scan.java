package ringtool.core.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bulk comparisons behind {@link ByteSource#firstNonZero} and {@link ByteSource#mismatch}: chunks copied out of
 * the source and handed to {@link Arrays#mismatch}, which the JIT vectorises. A loop of our own over a header page
 * or a data area would be slower, and far slower under the fuzzer, which traces every comparison in our code.
 */
final class Scan {

    static final int CHUNK = 64 * 1024;
    private static final byte[] ZEROS = new byte[CHUNK];

    private Scan() {
    }

    static long firstNonZero(ByteSource src, long at, long length) {
        Objects.checkFromIndexSize(at, length, src.size());
        byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
        for (long done = 0; done < length; done += chunk.length) {
            int n = (int) Math.min(chunk.length, length - done);
            src.copy(at + done, chunk, 0, n);
            int i = firstNonZero(chunk, 0, n);
            if (i >= 0) {
                return done + i;
            }
        }
        return -1;
    }

    /** Within {@code bytes[from, from + length)}, counted from {@code from}, or -1. */
    static int firstNonZero(byte[] bytes, int from, int length) {
        for (long done = 0; done < length; done += CHUNK) {
            int n = (int) Math.min(CHUNK, length - done);
            int at = (int) (from + done);
            int i = Arrays.mismatch(bytes, at, at + n, ZEROS, 0, n);
            if (i >= 0) {
                return (int) done + i;
            }
        }
        return -1;
    }

    static long mismatch(ByteSource src, long first, long second, long length) {
        Objects.checkFromIndexSize(first, length, src.size());
        Objects.checkFromIndexSize(second, length, src.size());
        byte[] a = new byte[(int) Math.min(length, CHUNK)];
        byte[] b = new byte[a.length];
        for (long done = 0; done < length; done += a.length) {
            int n = (int) Math.min(a.length, length - done);
            src.copy(first + done, a, 0, n);
            src.copy(second + done, b, 0, n);
            int i = Arrays.mismatch(a, 0, n, b, 0, n);
            if (i >= 0) {
                return done + i;
            }
        }
        return -1;
    }
}
