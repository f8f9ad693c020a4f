package ringtool.core.format;

/**
 * Index arithmetic as Linux does it ({@code vmbus-ring.md} section 2): u32 wrap-around, so that out-of-range
 * indices give the same odd numbers the kernel would compute from them.
 */
public final class RingMath {

    private static final long U32 = 0xFFFF_FFFFL;

    private RingMath() {
    }

    public static long bytesToRead(long read, long write, long dataSize) {
        return (write >= read ? write - read : dataSize - read + write) & U32;
    }

    public static long bytesToWrite(long read, long write, long dataSize) {
        return (write >= read ? dataSize - (write - read) : read - write) & U32;
    }
}
