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
 * <p>At most {@link #MAX_CACHED} pages are kept: a walk over a 16 MiB data area reads them all, and a carved ring
 * reads its bytes through one of these for as long as its report lives, so the cache, not the ring, bounds the
 * memory a ring takes. Past the bound the cache starts afresh; a page is decoded again when touched again.
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

    static final int MAX_CACHED = 64;

    private final PhysicalMemory mem;
    private final long base;
    private final long firstPfn;
    private final byte[][] pages;
    private final boolean[] unreadable;
    private final int[] cached = new int[MAX_CACHED];
    private int cachedCount;

    LazyFrames(PhysicalMemory mem, long base, int frames) {
        this.mem = mem;
        this.base = base;
        this.firstPfn = base >>> PhysicalMemory.PAGE_SHIFT;
        this.pages = new byte[frames][];
        this.unreadable = new boolean[frames];
        for (int k = 0; k < frames; k++) {
            unreadable[k] = mem.state(firstPfn + k) != PageState.PRESENT;
        }
    }

    PhysicalMemory memory() {
        return mem;
    }

    int frames() {
        return pages.length;
    }

    long firstPfn() {
        return firstPfn;
    }

    /**
     * The first frame of the window that is missing or does not decode, or -1: each is decoded once to know,
     * none is kept.
     */
    long firstUnreadable() {
        for (int k = 0; k < pages.length; k++) {
            if (unreadable[k] || pages[k] == null && mem.page(firstPfn + k) == null) {
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

    private byte[] page(long at) {
        long rel = at - base;
        if (rel < 0 || rel >= (long) pages.length * PhysicalMemory.PAGE_SIZE) {
            throw new IndexOutOfBoundsException("physical 0x" + Long.toHexString(at) + " outside the window");
        }
        int k = (int) (rel >>> PhysicalMemory.PAGE_SHIFT);
        if (unreadable[k]) {
            throw new Unreadable(firstPfn + k);
        }
        if (pages[k] == null) {
            ByteSource page = mem.page(firstPfn + k);
            if (page == null) {
                unreadable[k] = true;
                throw new Unreadable(firstPfn + k);
            }
            byte[] copy;
            if (cachedCount == MAX_CACHED) {
                // Reuse a dropped page's array: a long walk then allocates nothing.
                copy = pages[cached[0]];
                for (int i = 0; i < cachedCount; i++) {
                    pages[cached[i]] = null;
                }
                cachedCount = 0;
            } else {
                copy = new byte[PhysicalMemory.PAGE_SIZE];
            }
            page.copy(0, copy, 0, copy.length);
            pages[k] = copy;
            cached[cachedCount++] = k;
        }
        return pages[k];
    }

    @Override
    public long size() {
        return base + (long) pages.length * PhysicalMemory.PAGE_SIZE;
    }

    @Override
    public boolean canRead(long at, long length) {
        return at >= base && length >= 0 && at - base <= (long) pages.length * PhysicalMemory.PAGE_SIZE - length;
    }

    @Override
    public int u8(long at) {
        return Byte.toUnsignedInt(page(at)[(int) (at & (PhysicalMemory.PAGE_SIZE - 1))]);
    }

    @Override
    public int u16(long at) {
        return (int) bytewise(at, 2);
    }

    @Override
    public long u32(long at) {
        return bytewise(at, 4);
    }

    @Override
    public long u64(long at) {
        return bytewise(at, 8);
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        int done = 0;
        while (done < length) {
            long pos = at + done;
            int in = (int) (pos & (PhysicalMemory.PAGE_SIZE - 1));
            int n = Math.min(length - done, PhysicalMemory.PAGE_SIZE - in);
            System.arraycopy(page(pos), in, dst, dstOffset + done, n);
            done += n;
        }
    }
}
