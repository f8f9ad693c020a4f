package ringtool.core.carve;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import ringtool.core.format.RingHeader;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.image.PhysicalMemory.PageState;
import ringtool.core.report.CarveInfo;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.bytes.ByteSource;
import ringtool.core.walk.HeaderChecks;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.RingView;
import ringtool.core.walk.StrictWalk;

/**
 * Finds rings in a whole memory image without symbols.
 *
 * <p>One pass over the present frames keeps those whose first 4096 bytes are a ring header as Linux initialises
 * and keeps it ({@code hv_ringbuffer_init}: feature bits 1, reserved bytes zero, interrupt mask 0 or 1, indices
 * 8-aligned and small). Only candidates are read again. A channel's outbound and inbound rings are one physically
 * contiguous allocation ({@code vmbus_alloc_ring}), so a header followed by another exactly one header page plus
 * a data area later is a pair and that distance the data size; a lone header is tried at the data sizes Linux
 * uses. Either way the packets decide: trailers that chain back from the read index, a walk from offset 0 that
 * reaches it, live packets that end at the write index. Memory stays bounded by the candidates' rings, whatever
 * the image size.
 */
public final class Carver {

    /** Larger than any ring Linux allocates (uio's 2 MiB default is the largest in the tree). */
    static final long MAX_DATA = 16L << 20;
    /** Data sizes Linux drivers use with 4 KiB pages (vmbus-ring.md §1.9), smallest first. */
    static final long[] LINUX_DATA_SIZES = {12288, 16384, 28672, 61440, 65536, 126976, 131072, 258048, 520192,
        524288, 1044480, 2093056};
    static final int HEADER = RingHeader.HOST_PAGE_SIZE;
    private static final int MAX_MISSING_FINDINGS = 16;
    private static final int MAX_REJECTED_FINDINGS = 32;
    private static final int PROGRESS_EVERY = 1 << 14;

    /** Scan progress, for a terminal: present bytes scanned, frames done of all, headers found so far. */
    public interface Progress {
        void update(long bytesScanned, long framesDone, long framesTotal, int candidates);
    }

    /**
     * @param minConfidence rings below it are not reported as rings but as {@code carve.candidate.rejected}
     *                      findings with their reason
     */
    public record Options(double minConfidence, Progress progress) {
        public static Options defaults() {
            return new Options(0.5, null);
        }
    }

    private record Candidate(long address, RingHeader header) {
    }

    private record Assessed(Candidate candidate, long dataSize, LazyFrames frames, List<long[]> missing,
                            Evidence evidence) {
        boolean complete() {
            return missing.isEmpty();
        }
    }

    private final Options options;

    public Carver(Options options) {
        this.options = options;
    }

    public InputReport carve(String source, PhysicalMemory mem) {
        long[] rejected = {0};
        Missing missing = new Missing();
        List<Candidate> candidates = new ArrayList<>();
        long scanned = scan(mem, candidates, missing);
        List<RingReport> rings = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(missing.findings());
        if (mem.damage() != null) {
            findings.add(Finding.of(Rules.DUMP_PAGE_MISSING, mem.damage()));
        }
        int pair = 0;
        for (int i = 0; i < candidates.size(); ) {
            Candidate c = candidates.get(i);
            Candidate next = i + 1 < candidates.size() ? candidates.get(i + 1) : null;
            long gap = next == null ? -1 : next.address - c.address - HEADER;
            Window here = read(mem, c, gap);
            Assessed alone = lone(here);
            if (gap >= HEADER && gap % HEADER == 0 && gap <= MAX_DATA && fits(c.header, gap)
                    && fits(next.header, gap)) {
                Window there = read(mem, next, gap);
                Assessed out = assess(here, gap);
                Assessed in = assess(there, gap);
                // Another ring can follow at any distance: pair only when the partner's distance explains the
                // packets at least as well as the sizes Linux uses do.
                if (out.evidence.packets() >= alone.evidence.packets()
                        && in.evidence.packets() >= lone(there).evidence.packets()) {
                    boolean reported = emit(rings, findings, rejected, out, in, "outbound", pair,
                            "next header " + (gap + HEADER) + " bytes on");
                    reported |= emit(rings, findings, rejected, in, out, "inbound", pair,
                            "previous header " + (gap + HEADER) + " bytes before");
                    pair += reported ? 1 : 0;
                    i += 2;
                    continue;
                }
            }
            pair += emit(rings, findings, rejected, alone, null, "ring", pair, null) ? 1 : 0;
            i++;
        }
        if (rejected[0] > MAX_REJECTED_FINDINGS) {
            findings.add(Finding.of(Rules.CARVE_CANDIDATE_REJECTED, rejected[0] + " ring headers rejected in all; the"
                    + " first " + MAX_REJECTED_FINDINGS + " are listed"));
        }
        rings.sort(Comparator.comparingLong(r -> r.carve().physicalAddress()));
        String decision = mem.description() + "; " + scanned / (1 << 20) + " MiB in " + scanned / HEADER
                + " pages scanned, " + candidates.size() + " ring header" + (candidates.size() == 1 ? "" : "s")
                + ", " + rings.size() + " ring" + (rings.size() == 1 ? "" : "s") + " at confidence >= "
                + String.format(Locale.ROOT, "%.2f", options.minConfidence());
        return new InputReport(source, "carved", decision, rings, findings, null, mem.container());
    }

    private long scan(PhysicalMemory mem, List<Candidate> out, Missing missing) {
        long end = mem.endPfn();
        long scanned = 0;
        long pfn = Math.min(end, mem.nextCandidate(0));
        long nextProgress = 0;
        while (pfn < end) {
            if (options.progress() != null && pfn >= nextProgress) {
                options.progress().update(scanned, pfn, end, out.size());
                nextProgress = pfn + PROGRESS_EVERY;
            }
            PageState state = mem.state(pfn);
            if (state == PageState.HOLE) {
                pfn = Math.min(end, Math.max(pfn + 1, mem.nextCandidate(pfn + 1)));
                continue;
            }
            if (state == PageState.MISSING) {
                long runEnd = Math.min(end, mem.missingRunEnd(pfn));
                missing.add(pfn, runEnd);
                pfn = runEnd;
                continue;
            }
            ByteSource page = mem.page(pfn);
            if (page == null) {
                missing.add(pfn, pfn + 1);
            } else {
                scanned += HEADER;
                if (looksLikeHeader(page)) {
                    out.add(new Candidate(pfn << PhysicalMemory.PAGE_SHIFT, RingHeader.parse(page, 0)));
                }
            }
            pfn++;
        }
        if (options.progress() != null) {
            options.progress().update(scanned, end, end, out.size());
        }
        return scanned;
    }

    /** The header as Linux initialises and keeps it; cheapest tests first, as nearly every page fails. */
    static boolean looksLikeHeader(ByteSource page) {
        if (page.u32(RingHeader.FEATURE_BITS_OFFSET) != RingHeader.FEATURE_PENDING_SEND_SIZE) {
            return false;
        }
        RingHeader h = RingHeader.parse(page, 0);
        return h.interruptMaskValid() && h.indicesAligned() && h.indicesInside(MAX_DATA)
                && h.pendingSendSize() < MAX_DATA && RingHeader.firstNonZeroReserved(page, 0) < 0;
    }

    private static boolean fits(RingHeader h, long dataSize) {
        return h.indicesInside(dataSize) && h.pendingSendSizeValid(dataSize);
    }

    /** A header with no partner: the Linux size its packets hold together best at, the smallest on a tie. */
    private Assessed lone(Window w) {
        Assessed best = null;
        for (long size : LINUX_DATA_SIZES) {
            if (!fits(w.candidate.header, size)) {
                continue;
            }
            Assessed a = assess(w, size);
            if (best == null || (a.complete() && !best.complete())
                    || (a.complete() == best.complete() && a.evidence.packets() > best.evidence.packets())) {
                best = a;
            }
        }
        return best != null ? best : assess(w, HEADER);
    }

    /** The frames from a candidate's header on, as far as the largest size it may have: judged at each size. */
    private record Window(Candidate candidate, LazyFrames frames) {
    }

    private static Window read(PhysicalMemory mem, Candidate c, long gap) {
        long largest = Math.max(LINUX_DATA_SIZES[LINUX_DATA_SIZES.length - 1], gap <= MAX_DATA ? gap : 0);
        int frames = (int) ((HEADER + largest) / HEADER);
        long first = c.address >>> PhysicalMemory.PAGE_SHIFT;
        frames = (int) Math.max(1, Math.min(frames, mem.endPfn() - first));
        return new Window(c, new LazyFrames(mem, c.address, frames));
    }

    /** The ring at one data size, judged by the pages its evidence touches. */
    private static Assessed assess(Window w, long dataSize) {
        Candidate c = w.candidate;
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
                evidence = Evidence.of(new RingView(frames, c.address + HEADER, dataSize), c.header);
            } catch (LazyFrames.Unreadable e) {
                // A page whose data did not decode: the ring at this size cannot be judged, nor walked.
                missing.add(new long[] {e.pfn, e.pfn + 1});
            }
        }
        return new Assessed(c, dataSize, frames, missing, evidence);
    }

    /**
     * Reports the ring, or the reason it is not one.
     *
     * @param rejected headers turned down so far, in its one element
     * @return whether it was reported as a ring
     */
    private boolean emit(List<RingReport> rings, List<Finding> findings, long[] rejected, Assessed a, Assessed partner,
                      String name, int pair, String link) {
        double confidence = 0.3;
        Evidence e = a.evidence;
        if (e.packets() > 0) {
            confidence += Math.min(0.35, 0.1 + 0.05 * e.packets());
        } else if (e.fresh()) {
            confidence += 0.2;
        }
        boolean partnerLive = partner != null && partner.evidence.any();
        if (partner != null) {
            confidence += e.any() || partnerLive ? 0.25 : 0.1;
        }
        if (partnerLive) {
            confidence += 0.1;
        }
        confidence = Math.min(0.99, confidence);
        confidence = Math.round(confidence * 100) / 100.0;
        long address = a.candidate.address;
        StringBuilder why = new StringBuilder("header as Linux initialises it");
        if (link != null) {
            why.append("; ").append(link).append(" (data size ").append(a.dataSize).append(")");
        } else {
            why.append("; no neighbouring header, data size ").append(a.dataSize)
                    .append(e.packets() > 0 ? " (the Linux size its packets hold together at)"
                            : " (the smallest Linux size that holds its indices: a guess)");
        }
        if (a.complete()) {
            why.append("; ").append(e.describe(a.candidate.header));
        } else {
            why.append("; ").append(pages(a.missing)).append(" of the ring not in the image");
        }
        if (confidence < options.minConfidence()) {
            if (rejected[0]++ >= MAX_REJECTED_FINDINGS) {
                return false;
            }
            findings.add(Finding.of(Rules.CARVE_CANDIDATE_REJECTED, "ring header at physical " + hex(address)
                    + " not reported as a ring (confidence " + String.format(Locale.ROOT, "%.2f", confidence)
                    + "): " + why + (e.any() ? "" : "; a stale copy of a header (page cache) or a freed ring"))
                    .file(address, (long) HEADER));
            return false;
        }
        RingHeader h = a.candidate.header;
        // The report keeps its ring's bytes, and nothing of the window around them.
        List<long[]> missing = a.missing;
        byte[] bytes = null;
        if (a.complete()) {
            try {
                bytes = new byte[(int) (HEADER + a.dataSize)];
                a.frames.copy(address, bytes, 0, bytes.length);
            } catch (LazyFrames.Unreadable u) {
                // A page the evidence did not touch does not decode: report the ring, do not walk it.
                missing = List.of(new long[] {u.pfn, u.pfn + 1});
                bytes = null;
            }
        }
        boolean complete = bytes != null;
        if (!complete) {
            bytes = new byte[HEADER];
            a.frames.copy(address, bytes, 0, HEADER);
        }
        PhysicalSlice slice = new PhysicalSlice(bytes, address);
        RingView data = complete ? new RingView(slice, address + HEADER, a.dataSize) : null;
        RingSnapshot snapshot = new RingSnapshot(name, address, HEADER, a.dataSize, h, data);
        List<Finding> ringFindings = new ArrayList<>(HeaderChecks.check(snapshot, slice));
        for (long[] range : missing) {
            ringFindings.add(Finding.of(Rules.DUMP_PAGE_MISSING, "physical " + hex(range[0] << 12) + "-"
                    + hex((range[1] << 12) - 1) + " (" + (range[1] - range[0]) + " page"
                    + (range[1] - range[0] == 1 ? "" : "s") + ") of this ring is not in the image: not walked")
                    .file(range[0] << 12, (range[1] - range[0]) << 12));
        }
        rings.add(new RingReport(snapshot, new StrictWalk(snapshot, h.readIndex()), ringFindings,
                new CarveInfo(address, pair, confidence, why.toString())));
        return true;
    }

    private static String pages(List<long[]> ranges) {
        long n = 0;
        for (long[] r : ranges) {
            n += r[1] - r[0];
        }
        return n + " page" + (n == 1 ? "" : "s");
    }

    /** Runs of missing frames, reported as findings: the first few one by one, the rest summed up. */
    private static final class Missing {
        private final List<long[]> ranges = new ArrayList<>();
        private long total;
        private long rangeCount;
        private long end = -1;

        void add(long from, long to) {
            total += to - from;
            if (from == end) {
                end = to;
                if (ranges.size() == rangeCount) {
                    ranges.get(ranges.size() - 1)[1] = end;
                }
                return;
            }
            rangeCount++;
            end = to;
            if (ranges.size() < MAX_MISSING_FINDINGS) {
                ranges.add(new long[] {from, to});
            }
        }

        List<Finding> findings() {
            List<Finding> out = new ArrayList<>();
            for (long[] r : ranges) {
                long n = r[1] - r[0];
                out.add(Finding.of(Rules.DUMP_PAGE_MISSING, "physical " + hex(r[0] << 12) + "-"
                        + hex((r[1] << 12) - 1) + " (" + n + " page" + (n == 1 ? "" : "s")
                        + ") not in the image (excluded by the dump filter, lost, or undecodable): not scanned")
                        .file(r[0] << 12, n << 12));
            }
            if (rangeCount > MAX_MISSING_FINDINGS) {
                out.add(Finding.of(Rules.DUMP_PAGE_MISSING, rangeCount + " runs of missing pages in all ("
                        + total + " pages); the first " + MAX_MISSING_FINDINGS + " are listed"));
            }
            return out;
        }
    }
}
