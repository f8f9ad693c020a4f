package ringtool.core.image;

import ringtool.core.bytes.ByteSource;

/** {@code --raw}: physical address 0 at file offset 0, every frame present; a partial last frame is missing. */
public final class RawImage implements PhysicalMemory {

    private final ByteSource src;
    private final PageSlice slice = new PageSlice();

    public RawImage(ByteSource src) {
        this.src = src;
    }

    @Override
    public String container() {
        return "raw";
    }

    @Override
    public String description() {
        return "raw physical memory, " + src.size() + " bytes from physical address 0";
    }

    @Override
    public long endPfn() {
        return (src.size() + PAGE_SIZE - 1) >>> PAGE_SHIFT;
    }

    @Override
    public PageState state(long pfn) {
        if (pfn < 0 || pfn >= endPfn()) {
            return PageState.HOLE;
        }
        return src.canRead(pfn << PAGE_SHIFT, PAGE_SIZE) ? PageState.PRESENT : PageState.MISSING;
    }

    @Override
    public ByteSource page(long pfn) {
        return state(pfn) == PageState.PRESENT ? slice.at(src, pfn << PAGE_SHIFT) : null;
    }
}
