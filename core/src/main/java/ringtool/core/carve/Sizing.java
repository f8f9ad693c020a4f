package ringtool.core.carve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import ringtool.core.format.RingHeader;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.walk.RingView;

/**
 * Pairing and data sizes: which headers are the two rings of one channel, and how large each ring's data area is.
 *
 * <p>A channel's outbound and inbound rings are one physically contiguous allocation ({@code vmbus_alloc_ring}), so
 * a header followed by another exactly one header page plus a data area later is a pair and that distance the data
 * size; a lone header is tried at the data sizes Linux uses. Either way the packets decide (see {@link Evidence}).
 * Only the pages the evidence touches are read.
 */
final class Sizing {

    static final int HEADER = RingHeader.HOST_PAGE_SIZE;

    /** A candidate's ring at one data size, with the frames it lacks and what its packets say. */
    record Assessed(HeaderScan.Candidate candidate, long dataSize, LazyFrames frames, List<long[]> missing,
                    Evidence evidence) {
        boolean complete() {
            return missing.isEmpty();
        }
    }

    /**
     * One ring as it will be reported.
     *
     * @param partner the other ring of its channel, or null for a lone header
     * @param link    how the partner was found, or null
     */
    record Placement(Assessed ring, Assessed partner, String name, String link) {
    }

    private Sizing() {
    }

    /**
     * Hands over the rings of each channel in address order: two placements for a pair, one for a lone header.
     *
     * @param candidates headers by physical address
     */
    static void channels(PhysicalMemory mem, List<HeaderScan.Candidate> candidates, Consumer<List<Placement>> out) {
        FrameCache cache = new FrameCache(mem);
        for (int i = 0; i < candidates.size(); ) {
            HeaderScan.Candidate c = candidates.get(i);
            HeaderScan.Candidate next = i + 1 < candidates.size() ? candidates.get(i + 1) : null;
            long gap = next == null ? -1 : next.address() - c.address() - HEADER;
            Window here = read(cache, c, gap);
            Assessed alone = lone(here);
            if (gap >= HEADER && gap % HEADER == 0 && gap <= HeaderScan.MAX_DATA && fits(c.header(), gap)
                    && fits(next.header(), gap)) {
                Window there = read(cache, next, gap);
                Assessed outbound = assess(here, gap);
                Assessed inbound = assess(there, gap);
                // Another ring can follow at any distance: pair only when the partner's distance explains the
                // packets at least as well as the sizes Linux uses do.
                if (outbound.evidence().packets() >= alone.evidence().packets()
                        && inbound.evidence().packets() >= lone(there).evidence().packets()) {
                    // Linux allocates a channel's outbound ring first; but only packets show that two headers are
                    // one live channel. Copies of headers (the page cache's) sit in any order, so without packets
                    // neither ring is named for a direction it may not have.
                    boolean evidence = outbound.evidence().packets() > 0 || inbound.evidence().packets() > 0;
                    String unproven = evidence ? "" : " (paired by position only: no packet shows which way either"
                            + " ring runs)";
                    out.accept(List.of(
                            new Placement(outbound, inbound, evidence ? "outbound" : "ring", "next header "
                                    + (gap + HEADER) + " bytes on" + unproven),
                            new Placement(inbound, outbound, evidence ? "inbound" : "ring", "previous header "
                                    + (gap + HEADER) + " bytes before" + unproven)));
                    i += 2;
                    continue;
                }
            }
            out.accept(List.of(new Placement(alone, null, "ring", null)));
            i++;
        }
    }

    private static boolean fits(RingHeader h, long dataSize) {
        return h.indicesInside(dataSize) && h.pendingSendSizeValid(dataSize);
    }

    /** A header with no partner: the Linux size its packets hold together best at, the smallest on a tie. */
    private static Assessed lone(Window w) {
        Assessed best = null;
        for (long size : Carver.LINUX_DATA_SIZES) {
            if (!fits(w.candidate.header(), size)) {
                continue;
            }
            Assessed a = assess(w, size);
            if (best == null || (a.complete() && !best.complete())
                    || (a.complete() == best.complete() && a.evidence().packets() > best.evidence().packets())) {
                best = a;
            }
        }
        return best != null ? best : assess(w, HEADER);
    }

    /** The frames from a candidate's header on, as far as the largest size it may have: judged at each size. */
    private record Window(HeaderScan.Candidate candidate, LazyFrames frames) {
    }

    private static Window read(FrameCache cache, HeaderScan.Candidate c, long gap) {
        long largestLinux = Carver.LINUX_DATA_SIZES[Carver.LINUX_DATA_SIZES.length - 1];
        long largest = Math.max(largestLinux, gap <= HeaderScan.MAX_DATA ? gap : 0);
        int frames = (int) ((HEADER + largest) / HEADER);
        long first = PageRuns.pfn(c.address());
        frames = (int) Math.max(1, Math.min(frames, cache.memory().endPfn() - first));
        return new Window(c, new LazyFrames(cache, c.address(), frames));
    }

    /** The ring at one data size, judged by the pages its evidence touches. */
    private static Assessed assess(Window w, long dataSize) {
        HeaderScan.Candidate c = w.candidate;
        LazyFrames frames = w.frames;
        int needed = (int) ((HEADER + dataSize) / HEADER);
        List<long[]> missing = new ArrayList<>();
        for (int k = 0; k < needed; k++) {
            if (k >= frames.frames() || frames.unreadable(k)) {
                long pfn = frames.firstPfn() + k;
                if (!missing.isEmpty() && missing.get(missing.size() - 1)[1] == pfn) {
                    missing.get(missing.size() - 1)[1] = pfn + 1;
                } else {
                    missing.add(new long[] {pfn, pfn + 1});
                }
            }
        }
        Evidence evidence = Evidence.NONE;
        if (missing.isEmpty()) {
            try {
                evidence = Evidence.of(new RingView(frames, c.address() + HEADER, dataSize), c.header());
            } catch (LazyFrames.Unreadable e) {
                // A page whose data did not decode: the ring at this size cannot be judged, nor walked.
                missing.add(new long[] {e.pfn, e.pfn + 1});
            }
        }
        return new Assessed(c, dataSize, frames, missing, evidence);
    }
}
