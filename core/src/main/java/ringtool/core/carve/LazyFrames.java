package ringtool.core.carve;

import ringtool.core.image.PhysicalMemory;
import ringtool.core.image.PhysicalMemory.PageState;
import ringtool.core.bytes.BlockCache;
import ringtool.core.bytes.ByteSource;

/**
 * The frames from a candidate header on, addressed physically and read only when touched: judging a header at a
 * dozen data sizes reads the few pages near its indices and the ends of the areas, not megabytes, so even an image
 * whose every page looks like a header is carved in time proportional to its size.
 *
 * <p>A frame the image lacks, or whose data does not decode, is never read as zeros: touching it throws
 * {@link Unreadable}.
 *
 * <p>Frames are read through a {@link BlockCache} of at most {@link #MAX_CACHED} frames, the one mechanism that
 * bounds every input read from a file: a walk over a 16 MiB data area reads all its frames, and a carved ring reads
 * its bytes through one of these for as long as its report lives, so the cache, not the ring, bounds the memory a
 * ring takes. A frame that left the cache is decoded again when touched again.
 */
final class LazyFrames extends BlockCache {

    /** A read touched a frame the image does not hold. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long pfn;

        Unreadable(long pfn) {
            super("frame 0x" + Long.toHexString(pfn) + " is not in the image", null, false, false);
            this.pfn = pfn;
        }
    }

    static final int MAX_CACHED = 64;

    private final PhysicalMemory mem;
    private final long base;
    private final long firstPfn;
    private final boolean[] unreadable;

    LazyFrames(PhysicalMemory mem, long base, int frames) {
        super(base + (long) frames * PhysicalMemory.PAGE_SIZE, PhysicalMemory.PAGE_SHIFT, MAX_CACHED);
        this.mem = mem;
        this.base = base;
        this.firstPfn = base >>> PhysicalMemory.PAGE_SHIFT;
        this.unreadable = new boolean[frames];
        for (int k = 0; k < frames; k++) {
            unreadable[k] = mem.state(firstPfn + k) != PageState.PRESENT;
        }
    }

    PhysicalMemory memory() {
        return mem;
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
            if (unreadable[k] || mem.page(firstPfn + k) == null) {
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

    @Override
    protected void load(long pfn, byte[] into, int length) {
        long k = pfn - firstPfn;
        if (k < 0 || k >= unreadable.length) {
            throw new IndexOutOfBoundsException("physical 0x" + Long.toHexString(pfn << PhysicalMemory.PAGE_SHIFT)
                    + " outside the window");
        }
        if (unreadable[(int) k]) {
            throw new Unreadable(pfn);
        }
        ByteSource page = mem.page(pfn);
        if (page == null) {
            unreadable[(int) k] = true;
            throw new Unreadable(pfn);
        }
        page.copy(0, into, 0, length);
    }

    @Override
    public boolean canRead(long at, long length) {
        return at >= base && length >= 0 && at - base <= (long) unreadable.length * PhysicalMemory.PAGE_SIZE - length;
    }
}
