package ringtool.core.carve;

import ringtool.core.bytes.BlockCache;
import ringtool.core.bytes.ByteSource;
import ringtool.core.image.PhysicalMemory;

/**
 * An image's frames addressed physically, through one cache of at most {@link #MAX_CACHED} frames for a whole
 * carve: the candidates judged and every ring reported read their frames through it, so a carve that finds
 * thousands of rings holds 256 KiB of frames, not a few frames for each ring until the report is written. A frame
 * that left the cache is decoded again when touched again.
 */
final class FrameCache extends BlockCache {

    static final int MAX_CACHED = 64;

    private final PhysicalMemory mem;
    /** The window reading now, told of a frame that does not decode. */
    private LazyFrames reader;

    FrameCache(PhysicalMemory mem) {
        super(mem.endPfn() << PhysicalMemory.PAGE_SHIFT, PhysicalMemory.PAGE_SHIFT, MAX_CACHED);
        this.mem = mem;
    }

    /** The cache, for a read by {@code window}. */
    FrameCache by(LazyFrames window) {
        reader = window;
        return this;
    }

    PhysicalMemory memory() {
        return mem;
    }

    /** A frame the image lacks, or whose data does not decode, is never read as zeros. */
    @Override
    protected void load(long pfn, byte[] into, int length) {
        ByteSource page = mem.page(pfn);
        if (page == null) {
            if (reader != null) {
                reader.flag(pfn);
            }
            throw new LazyFrames.Unreadable(pfn);
        }
        page.copy(0, into, 0, length);
    }
}
