package ringtool.core.carve;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.RingHeader;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.image.PhysicalMemory.PageState;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/**
 * One pass over the present frames of an image, keeping those whose first 4096 bytes are a ring header as Linux
 * initialises and keeps it ({@code hv_ringbuffer_init}). Nearly every page fails the first test; only the
 * candidates are read again, by {@link Sizing}.
 */
final class HeaderScan {

    /** Larger than any ring Linux allocates (uio's 2 MiB default is the largest in the tree). */
    static final long MAX_DATA = 16L << 20;
    private static final int MAX_MISSING_FINDINGS = 16;
    private static final int PROGRESS_EVERY = 1 << 14;

    /** A page that reads as a ring header, at its physical address. */
    record Candidate(long address, RingHeader header) {
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private final List<long[]> missing = new ArrayList<>();
    private long missingPages;
    private long missingRuns;
    private long missingEnd = -1;
    private long scanned;

    private HeaderScan() {
    }

    static HeaderScan run(PhysicalMemory mem, Carver.Progress progress) {
        HeaderScan scan = new HeaderScan();
        long end = mem.endPfn();
        long pfn = Math.min(end, mem.nextCandidate(0));
        long nextProgress = 0;
        while (pfn < end) {
            if (progress != null && pfn >= nextProgress) {
                progress.update(scan.scanned, pfn, end, scan.candidates.size());
                nextProgress = pfn + PROGRESS_EVERY;
            }
            PageState state = mem.state(pfn);
            if (state == PageState.HOLE) {
                pfn = Math.min(end, Math.max(pfn + 1, mem.nextCandidate(pfn + 1)));
                continue;
            }
            if (state == PageState.MISSING) {
                long runEnd = Math.min(end, mem.missingRunEnd(pfn));
                scan.missing(pfn, runEnd);
                pfn = runEnd;
                continue;
            }
            ByteSource page = mem.page(pfn);
            if (page == null) {
                scan.missing(pfn, pfn + 1);
            } else {
                scan.scanned += PhysicalMemory.PAGE_SIZE;
                if (looksLikeHeader(page)) {
                    scan.candidates.add(new Candidate(PageRuns.address(pfn), RingHeader.parse(page, 0)));
                }
            }
            pfn++;
        }
        if (progress != null) {
            progress.update(scan.scanned, end, end, scan.candidates.size());
        }
        return scan;
    }

    /** The header as Linux initialises and keeps it; cheapest test first, as nearly every page fails. */
    static boolean looksLikeHeader(ByteSource page) {
        if (page.u32(RingHeader.FEATURE_BITS_OFFSET) != RingHeader.FEATURE_PENDING_SEND_SIZE) {
            return false;
        }
        RingHeader h = RingHeader.parse(page, 0);
        return h.interruptMaskValid() && h.indicesAligned() && h.indicesInside(MAX_DATA)
                && h.pendingSendSize() < MAX_DATA && RingHeader.firstNonZeroReserved(page, 0) < 0;
    }

    /** Headers found, by physical address. */
    List<Candidate> candidates() {
        return candidates;
    }

    /** Bytes of present pages scanned. */
    long scanned() {
        return scanned;
    }

    /** Runs of frames the image lacks, as findings: the first few one by one, the rest summed up. */
    List<Finding> missingFindings() {
        List<Finding> out = new ArrayList<>();
        for (long[] r : missing) {
            out.add(Finding.of(Rules.DUMP_PAGE_MISSING, PageRuns.describe(r[0], r[1])
                    + " not in the image (excluded by the dump filter, lost, or undecodable): not scanned")
                    .file(PageRuns.address(r[0]), PageRuns.address(r[1] - r[0])));
        }
        if (missingRuns > MAX_MISSING_FINDINGS) {
            out.add(Finding.of(Rules.DUMP_PAGE_MISSING, missingRuns + " runs of missing pages in all ("
                    + missingPages + " pages); the first " + MAX_MISSING_FINDINGS + " are listed"));
        }
        return out;
    }

    private void missing(long from, long to) {
        missingPages += to - from;
        if (from == missingEnd) {
            missingEnd = to;
            if (missing.size() == missingRuns) {
                missing.get(missing.size() - 1)[1] = missingEnd;
            }
            return;
        }
        missingRuns++;
        missingEnd = to;
        if (missing.size() < MAX_MISSING_FINDINGS) {
            missing.add(new long[] {from, to});
        }
    }
}
