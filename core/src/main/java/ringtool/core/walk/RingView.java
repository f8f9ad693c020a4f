package ringtool.core.walk;

import java.util.Objects;
import ringtool.core.bytes.ByteSource;

/**
 * The data area of one ring as the double mapping shows it to the guest: offsets are taken modulo the data
 * size, so a descriptor, payload or trailer that straddles the end reads as if contiguous. Dumps are not
 * double-mapped (physical pages, the uio mapping, a {@code rd -r} of {@code ring_size} bytes), so the wrap
 * is done here, once, for every reader.
 *
 * <p>Any offset is taken modulo the data size, as if the area repeated forever; {@link #canRead} admits any read no
 * longer than the area itself. The {@code parse} factories of the format can therefore add field offsets to a
 * packet start near the end without caring about the wrap.
 */
public final class RingView implements ByteSource {

    private final ByteSource base;
    private final long start;
    private final long size;

    /** @param start the data area's offset in {@code base}, which must hold all {@code size} bytes */
    public RingView(ByteSource base, long start, long size) {
        this.base = Objects.requireNonNull(base);
        if (size <= 0 || !base.canRead(start, size)) {
            throw new IllegalArgumentException("data area of " + size + " bytes at " + start
                    + " does not fit a source of " + base.size() + " bytes");
        }
        this.start = start;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    /** Where the data area starts in the underlying source (for a file, its file offset). */
    public long start() {
        return start;
    }

    public ByteSource base() {
        return base;
    }

    /** The offset in the underlying source of data-area offset {@code at}. */
    public long sourceOffset(long at) {
        return start + at;
    }

    @Override
    public boolean canRead(long at, long length) {
        return at >= 0 && length >= 0 && length <= size;
    }

    /** {@code (at + delta) mod size} for non-negative arguments. */
    public long advance(long at, long delta) {
        long to = at + delta;
        // A division per call was a fifth of the walk; most steps stay below the end.
        return to < size ? to : to % size;
    }

    @Override
    public int u8(long at) {
        return base.u8(start + wrap(at, 1));
    }

    @Override
    public int u16(long at) {
        long p = wrap(at, 2);
        return p + 2 <= size ? base.u16(start + p) : (int) assemble(p, 2);
    }

    @Override
    public long u32(long at) {
        long p = wrap(at, 4);
        return p + 4 <= size ? base.u32(start + p) : assemble(p, 4);
    }

    @Override
    public long u64(long at) {
        long p = wrap(at, 8);
        return p + 8 <= size ? base.u64(start + p) : assemble(p, 8);
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        at = wrap(at, length);
        int first = (int) Math.min(length, size - at);
        base.copy(start + at, dst, dstOffset, first);
        if (first < length) {
            base.copy(start, dst, dstOffset + first, length - first);
        }
    }

    /** Little-endian assembly across the wrap; rare, so byte by byte. */
    private long assemble(long at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (long) base.u8(start + (at + i) % size) << (8 * i);
        }
        return value;
    }

    private long wrap(long at, long length) {
        // canRead's three bounds in one test: under the fuzzer every comparison in our code is a call to its tracer.
        if ((at | length | (size - length)) < 0) {
            throw new IndexOutOfBoundsException("read of " + length + " bytes at " + at + " in a data area of "
                    + size + " bytes");
        }
        return at < size ? at : at % size;
    }
}
