package ringtool.core.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bulk comparisons behind {@link ByteSource#firstNonZero}, {@link ByteSource#mismatch} and the counts: chunks
 * copied out of the source and handed to {@link Arrays#mismatch}, which the JIT vectorises. A loop of our own over a
 * header page or a data area would be slower, and far slower under the fuzzer, which traces every comparison in our
 * code: a count there takes one {@code Arrays.mismatch} call per run of differing words and a turn per differing
 * word, not a turn per word.
 */
final class Scan {

    static final int CHUNK = 64 * 1024;
    private static final byte[] ZEROS = new byte[CHUNK];

    private Scan() {
    }

    static long firstNonZero(ByteSource src, long at, long length) {
        Objects.checkFromIndexSize(at, length, src.size());
        return chunks(src, at, -1, length, Scan::firstDifference);
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
        return chunks(src, first, second, length, Scan::firstDifference);
    }

    /** The non-zero bytes among the {@code length} at {@code at}. */
    static ByteCount countNonZero(ByteSource src, long at, long length) {
        Objects.checkFromIndexSize(at, length, src.size());
        return count(src, at, -1, length);
    }

    /** The bytes in which the {@code length} at {@code first} and those at {@code second} differ. */
    static ByteCount countDiffering(ByteSource src, long first, long second, long length) {
        Objects.checkFromIndexSize(first, length, src.size());
        Objects.checkFromIndexSize(second, length, src.size());
        return count(src, first, second, length);
    }

    private static ByteCount count(ByteSource src, long at, long other, long length) {
        Counter counter = new Counter();
        chunks(src, at, other, length, (a, b, n, done) -> {
            counter.add(a, 0, b, 0, n, done);
            return -1;
        });
        return counter.result();
    }

    /** What a chunk of the range says: where in it the walk stops, or -1 to go on. */
    private interface Chunk {
        int visit(byte[] a, byte[] b, int n, long done);
    }

    /**
     * Copies the {@code length} bytes at {@code at}, and those at {@code other} (zeros when {@code other} < 0), out of
     * the source a chunk at a time, both ranges already known to lie inside it; returns the offset, counted from the
     * start, at which a chunk stopped the walk, or -1.
     */
    private static long chunks(ByteSource src, long at, long other, long length, Chunk chunk) {
        byte[] a = new byte[(int) Math.min(length, CHUNK)];
        byte[] b = other < 0 ? ZEROS : new byte[a.length];
        for (long done = 0; done < length; done += a.length) {
            int n = (int) Math.min(a.length, length - done);
            src.copy(at + done, a, 0, n);
            if (other >= 0) {
                src.copy(other + done, b, 0, n);
            }
            int i = chunk.visit(a, b, n, done);
            if (i >= 0) {
                return done + i;
            }
        }
        return -1;
    }

    private static int firstDifference(byte[] a, byte[] b, int n, long done) {
        return Arrays.mismatch(a, 0, n, b, 0, n);
    }

    /**
     * The same within one array, whose indices the caller has checked: {@code bytes[a, a + n)} against zeros
     * ({@code b} < 0) or against {@code bytes[b, b + n)}. The chunk offset is a long: n may come close to 2^31.
     */
    static ByteCount count(byte[] bytes, int a, int b, int n) {
        Counter counter = new Counter();
        for (long done = 0; done < n; done += CHUNK) {
            int m = (int) Math.min(CHUNK, n - done);
            int from = (int) (a + done);
            if (b < 0) {
                counter.add(bytes, from, ZEROS, 0, m, done);
            } else {
                counter.add(bytes, from, bytes, (int) (b + done), m, done);
            }
        }
        return counter.result();
    }

    private static final class Counter {
        long count;
        long first = -1;
        long last = -1;

        /** Counts where {@code a[aFrom, aFrom + n)} and {@code b[bFrom, bFrom + n)} differ, at {@code base} on. */
        void add(byte[] a, int aFrom, byte[] b, int bFrom, int n, long base) {
            int i = Arrays.mismatch(a, aFrom, aFrom + n, b, bFrom, bFrom + n);
            while (i >= 0) {
                // Count the run of differing words that starts here, then skip the equal stretch after it.
                int w = i & -Long.BYTES;
                long mask = differing(a, aFrom, b, bFrom, w, n);
                while (mask != 0) {
                    count += Long.bitCount(mask);
                    if (first < 0) {
                        first = base + w + Long.numberOfTrailingZeros(mask) / 8;
                    }
                    last = base + w + (63 - Long.numberOfLeadingZeros(mask)) / 8;
                    w += Long.BYTES;
                    mask = w < n ? differing(a, aFrom, b, bFrom, w, n) : 0;
                }
                int k = w < n ? Arrays.mismatch(a, aFrom + w, aFrom + n, b, bFrom + w, bFrom + n) : -1;
                i = k < 0 ? -1 : w + k;
            }
        }

        ByteCount result() {
            return count == 0 ? ByteCount.NONE : new ByteCount(count, first, last);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The high bit of each byte of the word at {@code w} (of {@code n} bytes) that differs between the arrays. */
    private static long differing(byte[] a, int aFrom, byte[] b, int bFrom, int w, int n) {
        long x = word(a, aFrom + w, aFrom + n) ^ word(b, bFrom + w, bFrom + n);
        long low7 = 0x7F7F_7F7F_7F7F_7F7FL;
        return (((x & low7) + low7) | x) & ~low7;
    }

    /** Eight bytes from {@code i}, little-endian; from {@code end} on they read as zero. */
    private static long word(byte[] bytes, int i, int end) {
        if (i + Long.BYTES <= end) {
            return (long) LONGS.get(bytes, i);
        }
        long value = 0;
        for (int k = i; k < end; k++) {
            value |= (bytes[k] & 0xFFL) << (8 * (k - i));
        }
        return value;
    }
}
