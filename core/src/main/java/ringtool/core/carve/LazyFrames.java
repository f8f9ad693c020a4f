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

    private final PhysicalMemory mem;
    private final long base;
    private final long firstPfn;
    private final byte[][] pages;
    private final boolean[] unreadable;

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

    int frames() {
        return pages.length;
    }

    long firstPfn() {
        return firstPfn;
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
            byte[] copy = new byte[PhysicalMemory.PAGE_SIZE];
            page.copy(0, copy, 0, copy.length);
            pages[k] = copy;
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
