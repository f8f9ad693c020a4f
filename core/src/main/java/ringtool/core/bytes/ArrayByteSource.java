package ringtool.core.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** Bytes held on the heap: test fixtures, fuzz inputs and copies of live files. */
final class ArrayByteSource implements ByteSource {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;

    ArrayByteSource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int u8(long at) {
        return Byte.toUnsignedInt(bytes[index(at, 1)]);
    }

    @Override
    public int u16(long at) {
        return Short.toUnsignedInt((short) SHORT.get(bytes, index(at, 2)));
    }

    @Override
    public long u32(long at) {
        return Integer.toUnsignedLong((int) INT.get(bytes, index(at, 4)));
    }

    @Override
    public long u64(long at) {
        return (long) LONG.get(bytes, index(at, 8));
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        System.arraycopy(bytes, index(at, length), dst, dstOffset, length);
    }

    @Override
    public long firstNonZero(long at, long length) {
        return Scan.firstNonZero(bytes, index(at, length), (int) length);
    }

    @Override
    public long mismatch(long first, long second, long length) {
        int a = index(first, length);
        int b = index(second, length);
        int n = (int) length;
        return Arrays.mismatch(bytes, a, a + n, bytes, b, b + n);
    }

    @Override
    public ByteCount countNonZero(long at, long length) {
        return Scan.count(bytes, index(at, length), -1, (int) length);
    }

    @Override
    public ByteCount countDiffering(long first, long second, long length) {
        return Scan.count(bytes, index(first, length), index(second, length), (int) length);
    }

    /** {@code at} as an array index, once {@code length} bytes from it are known to lie inside the array. */
    private int index(long at, long length) {
        return (int) Objects.checkFromIndexSize(at, length, bytes.length);
    }
}
