package ringtool.core.carve;

import java.util.Objects;
import ringtool.core.bytes.ByteSource;

/**
 * A copy of a few physical pages, addressed by physical address: a carved ring's findings and packets then carry
 * physical addresses where a ring dump's carry file offsets.
 */
final class PhysicalSlice implements ByteSource {

    private final byte[] bytes;
    private final ByteSource inner;
    private final long base;

    PhysicalSlice(byte[] bytes, long base) {
        this.bytes = bytes;
        this.inner = ByteSource.of(bytes);
        this.base = base;
    }

    byte[] bytes() {
        return bytes;
    }

    long base() {
        return base;
    }

    @Override
    public long size() {
        return base + bytes.length;
    }

    @Override
    public boolean canRead(long at, long length) {
        return at >= base && length >= 0 && at - base <= bytes.length - length;
    }

    private long local(long at, int length) {
        if (!canRead(at, length)) {
            throw new IndexOutOfBoundsException("physical 0x" + Long.toHexString(at) + "+" + length
                    + " outside 0x" + Long.toHexString(base) + "+" + bytes.length);
        }
        return at - base;
    }

    @Override
    public int u8(long at) {
        return inner.u8(local(at, 1));
    }

    @Override
    public int u16(long at) {
        return inner.u16(local(at, 2));
    }

    @Override
    public long u32(long at) {
        return inner.u32(local(at, 4));
    }

    @Override
    public long u64(long at) {
        return inner.u64(local(at, 8));
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        inner.copy(local(at, length), dst, dstOffset, length);
    }
}
