package ringtool.core.image;

import ringtool.core.bytes.ByteSource;

/**
 * A guest's physical memory as a memory image holds it, page by page (4 KiB frames, addressed by PFN).
 *
 * <p>A frame is {@link PageState#PRESENT} (its bytes are in the image), {@link PageState#HOLE} (not RAM: nothing
 * was there to dump) or {@link PageState#MISSING} (RAM the image does not hold: excluded by the dump filter, or
 * lost when the dump was cut short). Missing frames are never read as zeros.
 */
public interface PhysicalMemory {

    int PAGE_SIZE = 4096;
    int PAGE_SHIFT = 12;

    enum PageState { PRESENT, HOLE, MISSING }

    /** {@code elf}, {@code kdump-compressed}, {@code kdump-flattened} or {@code raw}: docs/contract.md §8's names. */
    String container();

    /** One line on what the image says of itself (release, page size, segments, header version). */
    String description();

    /** One past the highest frame the image can describe. */
    long endPfn();

    PageState state(long pfn);

    /**
     * The frame's 4096 bytes at offsets 0..4095, or null unless it is {@link PageState#PRESENT}. The view may be
     * reused by the next call: read it before asking for another page.
     */
    ByteSource page(long pfn);

    /**
     * The first frame at or after {@code pfn} that may be other than a {@link PageState#HOLE}, so that scans skip
     * holes cheaply (never a missing frame: those are reported); at most
     * {@link #endPfn()}.
     */
    default long nextCandidate(long pfn) {
        return pfn;
    }

    /**
     * One past the last frame of the run of {@link PageState#MISSING} frames that starts at {@code pfn}, so that a
     * segment claiming terabytes it does not hold costs one step, not one per frame; at least {@code pfn + 1}.
     */
    default long missingRunEnd(long pfn) {
        return pfn + 1;
    }

    /** One line on pages whose data the image holds but which do not decode, or null when there are none. */
    default String damage() {
        return null;
    }
}
