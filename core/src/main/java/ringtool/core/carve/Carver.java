package ringtool.core.carve;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/**
 * Finds rings in a whole memory image without symbols, in three steps: {@link HeaderScan} passes once over the
 * present frames for pages that are ring headers as Linux keeps them; {@link Sizing} pairs the headers of one
 * channel and picks each ring's data size by what its packets say ({@link Evidence}); each ring is then scored
 * ({@link Confidence}) and reported ({@link CarvedRing}), or turned down with its reason. Memory stays bounded by
 * the candidates' rings, whatever the image size.
 */
public final class Carver {

    /** Data sizes Linux drivers use with 4 KiB pages ({@code docs/ring-format.md} §3.5), smallest first. */
    static final long[] LINUX_DATA_SIZES = {12288, 16384, 28672, 61440, 65536, 126976, 131072, 258048, 520192,
        524288, 1044480, 2093056};
    private static final int MAX_REJECTED_FINDINGS = 32;

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

    private final Options options;

    public Carver(Options options) {
        this.options = options;
    }

    public InputReport carve(String source, PhysicalMemory mem) {
        HeaderScan scan = HeaderScan.run(mem, options.progress());
        List<RingReport> rings = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(scan.missingFindings());
        if (mem.damage() != null) {
            findings.add(Finding.of(Rules.DUMP_PAGE_MISSING, mem.damage()));
        }
        long[] rejected = {0};
        int[] pair = {0};
        Sizing.channels(mem, scan.candidates(), channel -> {
            boolean reported = false;
            for (Sizing.Placement p : channel) {
                reported |= emit(rings, findings, rejected, p, pair[0]);
            }
            pair[0] += reported ? 1 : 0;
        });
        if (rejected[0] > MAX_REJECTED_FINDINGS) {
            findings.add(Finding.of(Rules.CARVE_CANDIDATE_REJECTED, rejected[0] + " ring headers rejected in all; the"
                    + " first " + MAX_REJECTED_FINDINGS + " are listed"));
        }
        rings.sort(Comparator.comparingLong(r -> r.carve().physicalAddress()));
        int candidates = scan.candidates().size();
        String decision = mem.description() + "; " + scan.scanned() / (1 << 20) + " MiB in "
                + scan.scanned() / PhysicalMemory.PAGE_SIZE + " pages scanned, " + candidates + " ring header"
                + (candidates == 1 ? "" : "s") + ", " + rings.size() + " ring" + (rings.size() == 1 ? "" : "s")
                + " at confidence >= " + Confidence.format(options.minConfidence());
        return new InputReport(source, "carved", decision, rings, findings, null, mem.container());
    }

    /**
     * Reports the ring, or the reason it is not one.
     *
     * @param rejected headers turned down so far, in its one element
     * @return whether it was reported as a ring
     */
    private boolean emit(List<RingReport> rings, List<Finding> findings, long[] rejected, Sizing.Placement p,
                         int pair) {
        Sizing.Assessed a = p.ring();
        Evidence e = a.evidence();
        double confidence = Confidence.of(e, p.partner() == null ? null : p.partner().evidence());
        long address = a.candidate().address();
        StringBuilder why = new StringBuilder("header as Linux initialises it");
        if (p.link() != null) {
            why.append("; ").append(p.link()).append(" (data size ").append(a.dataSize()).append(")");
        } else {
            why.append("; no neighbouring header, data size ").append(a.dataSize())
                    .append(e.packets() > 0 ? " (the Linux size its packets hold together at)"
                            : " (the smallest Linux size that holds its indices: a guess)");
        }
        if (a.complete()) {
            why.append("; ").append(e.describe(a.candidate().header()));
        } else {
            why.append("; ").append(pages(a.missing())).append(" of the ring not in the image");
        }
        if (confidence < options.minConfidence()) {
            if (rejected[0]++ >= MAX_REJECTED_FINDINGS) {
                return false;
            }
            findings.add(Finding.of(Rules.CARVE_CANDIDATE_REJECTED, "ring header at physical " + hex(address)
                    + " not reported as a ring (confidence " + Confidence.format(confidence) + "): " + why
                    + (e.any() ? "" : "; a stale copy of a header (page cache) or a freed ring"))
                    .file(address, (long) Sizing.HEADER));
            return false;
        }
        rings.add(CarvedRing.report(a, p.name(), pair, confidence, why.toString()));
        return true;
    }

    private static String pages(List<long[]> ranges) {
        long n = 0;
        for (long[] r : ranges) {
            n += r[1] - r[0];
        }
        return n + " page" + (n == 1 ? "" : "s");
    }
}
