package ringtool.core.bytes;

/**
 * Read-only random access to bytes, addressed by {@code long} so that inputs beyond 2 GiB work.
 *
 * <p>Multi-byte reads are little-endian: every VMBus guest (x86-64, arm64) is. Unsigned fields come back
 * widened ({@code u16} as {@code int}, {@code u32} as {@code long}); {@code u64} comes back as the raw
 * 64 bits, to be printed with {@link Long#toUnsignedString(long)}.
 *
 * <p>Callers check {@link #canRead(long, long)} before they read; a read outside the source throws
 * {@link IndexOutOfBoundsException}, which is therefore always a bug in the caller.
 */
public interface ByteSource {

    long size();

    int u8(long at);

    int u16(long at);

    long u32(long at);

    long u64(long at);

    void copy(long at, byte[] dst, int dstOffset, int length);

    /**
     * {@code length} (at most 8) bytes from {@code at}, assembled little-endian from {@link #u8}: for sources whose
     * bytes are not contiguous behind the reads that straddle a page or segment.
     */
    default long bytewise(long at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (long) u8(at + i) << (8 * i);
        }
        return value;
    }

    /**
     * Where the first non-zero byte of the {@code length} bytes at {@code at} lies, counted from {@code at}, or -1
     * when they are all zero. Reserved fields and header pages are zero almost always: one bulk call says so.
     */
    default long firstNonZero(long at, long length) {
        return Scan.firstNonZero(this, at, length);
    }

    /**
     * Where the {@code length} bytes at {@code first} and those at {@code second} first differ, counted from the
     * start of each, or -1 when they are equal.
     */
    default long mismatch(long first, long second, long length) {
        return Scan.mismatch(this, first, second, length);
    }

    /** The non-zero bytes among the {@code length} at {@code at}. */
    default ByteCount countNonZero(long at, long length) {
        return Scan.countNonZero(this, at, length);
    }

    /** The bytes that differ between the {@code length} at {@code first} and those at {@code second}. */
    default ByteCount countDiffering(long first, long second, long length) {
        return Scan.countDiffering(this, first, second, length);
    }

    /** Whether {@code length} bytes starting at {@code at} can be read. */
    default boolean canRead(long at, long length) {
        return at >= 0 && length >= 0 && at <= size() - length;
    }

    static ByteSource of(byte[] bytes) {
        return new ArrayByteSource(bytes);
    }
}
