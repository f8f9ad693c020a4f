package ringtool.core.format;

/**
 * Index arithmetic as Linux does it ({@code docs/ring-format.md} §3.3): u32 wrap-around, so that out-of-range
 * indices give the same odd numbers the kernel would compute from them.
 */
public final class RingMath {

    /** The largest u32, and the mask that truncates a value to one. */
    public static final long U32_MAX = 0xFFFF_FFFFL;

    private RingMath() {
    }

    /** {@code (u32) value}: the kernel's truncation, so that an underflow gives the number it would. */
    public static long u32(long value) {
        return value & U32_MAX;
    }

    public static long bytesToRead(long read, long write, long dataSize) {
        return u32(write >= read ? write - read : dataSize - read + write);
    }

    public static long bytesToWrite(long read, long write, long dataSize) {
        return u32(write >= read ? dataSize - (write - read) : read - write);
    }
}
