package ringtool.core.carve;

import ringtool.core.image.PhysicalMemory;
import ringtool.core.image.PhysicalMemory.PageState;
import ringtool.core.bytes.ByteSource;

/**
 * The frames from a candidate header on, addressed physically and read only when touched: judging a header at a
 * dozen data sizes reads the few pages near its indices and the ends of the areas, not megabytes, so even an image
 * whose every page looks like a header is carved in time proportional to its size.
 *
 * <p>A frame the image lacks, or whose data does not decode, is never read as zeros: touching it throws
 * {@link Unreadable}.
 *
 * <p>Frames are read through the carve's one {@link FrameCache}, so that a ring reported, which reads its bytes
 * through one of these for as long as its report lives, holds its window's flags (a byte per frame), not its
 * frames.
 */
final class LazyFrames implements ByteSource {

    /** A read touched a frame the image does not hold. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long pfn;

        Unreadable(long pfn) {
            super("frame 0x" + Long.toHexString(pfn) + " is not in the image", null, false, false);
            this.pfn = pfn;
        }
    }

    private final FrameCache cache;
    private final long base;
    private final long firstPfn;
    private final boolean[] unreadable;

    LazyFrames(FrameCache cache, long base, int frames) {
        this.cache = cache;
        this.base = base;
        this.firstPfn = base >>> PhysicalMemory.PAGE_SHIFT;
        this.unreadable = new boolean[frames];
        for (int k = 0; k < frames; k++) {
            unreadable[k] = cache.memory().state(firstPfn + k) != PageState.PRESENT;
        }
    }

    FrameCache cache() {
        return cache;
    }

    int frames() {
        return unreadable.length;
    }

    long firstPfn() {
        return firstPfn;
    }

    /**
     * The first frame of the window that is missing or does not decode, or -1: each is decoded once to know,
     * none is kept.
     */
    long firstUnreadable() {
        for (int k = 0; k < unreadable.length; k++) {
            if (unreadable[k] || cache.memory().page(firstPfn + k) == null) {
                unreadable[k] = true;
                return firstPfn + k;
            }
        }
        return -1;
    }

    /** Whether frame {@code k} (from the first) is known to be unreadable, without loading it. */
    boolean unreadable(int k) {
        return unreadable[k];
    }

    /** {@code at}, once the {@code length} bytes from it are known to lie in the window's readable frames. */
    private long check(long at, int length) {
        long end = (long) unreadable.length * PhysicalMemory.PAGE_SIZE;
        long rel = at - base;
        if (rel < 0 || length < 0 || rel > end - length) {
            throw new IndexOutOfBoundsException("physical 0x" + Long.toHexString(at) + " (" + length
                    + " bytes) outside the window");
        }
        for (long k = rel >>> PhysicalMemory.PAGE_SHIFT; k << PhysicalMemory.PAGE_SHIFT < rel + length; k++) {
            if (unreadable[(int) k]) {
                throw new Unreadable(firstPfn + k);
            }
        }
        return at;
    }

    /** A frame that did not decode when the cache loaded it for this window: the window says so afterwards. */
    void flag(long pfn) {
        long k = pfn - firstPfn;
        if (k >= 0 && k < unreadable.length) {
            unreadable[(int) k] = true;
        }
    }

    @Override
    public long size() {
        return base + (long) unreadable.length * PhysicalMemory.PAGE_SIZE;
    }

    @Override
    public boolean canRead(long at, long length) {
        return at >= base && length >= 0 && at - base <= (long) unreadable.length * PhysicalMemory.PAGE_SIZE - length;
    }

    @Override
    public int u8(long at) {
        return cache.by(this).u8(check(at, 1));
    }

    @Override
    public int u16(long at) {
        return cache.by(this).u16(check(at, 2));
    }

    @Override
    public long u32(long at) {
        return cache.by(this).u32(check(at, 4));
    }

    @Override
    public long u64(long at) {
        return cache.by(this).u64(check(at, 8));
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        cache.by(this).copy(check(at, length), dst, dstOffset, length);
    }
}
