package ringtool.core.image;

import java.util.Objects;
import ringtool.core.bytes.ByteSource;

/** One 4 KiB frame inside a larger source, re-pointed from frame to frame instead of allocated per frame. */
final class PageSlice implements ByteSource {

    private ByteSource base;
    private long start;

    PageSlice at(ByteSource base, long start) {
        this.base = base;
        this.start = start;
        return this;
    }

    @Override
    public long size() {
        return PhysicalMemory.PAGE_SIZE;
    }

    @Override
    public int u8(long at) {
        return base.u8(start + check(at, 1));
    }

    @Override
    public int u16(long at) {
        return base.u16(start + check(at, 2));
    }

    @Override
    public long u32(long at) {
        return base.u32(start + check(at, 4));
    }

    @Override
    public long u64(long at) {
        return base.u64(start + check(at, 8));
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        base.copy(start + check(at, length), dst, dstOffset, length);
    }

    private static long check(long at, int length) {
        return Objects.checkFromIndexSize(at, length, PhysicalMemory.PAGE_SIZE);
    }
}
