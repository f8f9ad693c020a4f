package ringtool.core.carve;

import static ringtool.core.rules.Finding.hex;

import ringtool.core.image.PhysicalMemory;

/** Physical page numbers and the ranges of them that findings name. */
final class PageRuns {

    private PageRuns() {
    }

    static long address(long pfn) {
        return pfn << PhysicalMemory.PAGE_SHIFT;
    }

    static long pfn(long address) {
        return address >>> PhysicalMemory.PAGE_SHIFT;
    }

    /** {@code physical 0x1000-0x2fff (2 pages)}. */
    static String describe(long fromPfn, long toPfn) {
        long n = toPfn - fromPfn;
        return "physical " + hex(address(fromPfn)) + "-" + hex(address(toPfn) - 1) + " (" + n + " page"
                + (n == 1 ? "" : "s") + ")";
    }
}
