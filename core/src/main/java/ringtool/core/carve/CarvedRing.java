package ringtool.core.carve;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.bytes.ByteSource;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.report.CarveInfo;
import ringtool.core.report.Reading;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * A ring the carver reports, assembled from its frames: the report reads the ring's own bytes from the image,
 * addressed physically, through a cache of a few pages, and keeps nothing of the window read around them. A ring
 * with frames the image lacks, or whose data does not decode, is reported with a copy of its header only, and not
 * walked.
 */
final class CarvedRing {

    private CarvedRing() {
    }

    /**
     * @param pair       the channel's number
     * @param confidence as {@link Confidence} scored it
     * @param evidence   why this ring and this size, in one line
     */
    static RingReport report(Sizing.Assessed a, String name, int pair, double confidence, String evidence) {
        long address = a.candidate().address();
        int header = Sizing.HEADER;
        List<long[]> missing = a.missing();
        ByteSource source = null;
        if (a.complete()) {
            // The ring is read from the image when written out, through a bounded cache, not copied: an image
            // of many large rings would otherwise hold them all until the report is written.
            LazyFrames ring = new LazyFrames(a.frames().cache(), address,
                    (int) ((header + a.dataSize()) >>> PhysicalMemory.PAGE_SHIFT));
            long bad = ring.firstUnreadable();
            if (bad < 0) {
                source = ring;
            } else {
                // A page the evidence did not touch does not decode: report the ring, do not walk it.
                missing = List.of(new long[] {bad, bad + 1});
            }
        }
        if (source == null) {
            byte[] bytes = new byte[header];
            a.frames().copy(address, bytes, 0, header);
            source = new PhysicalSlice(bytes, address);
        }
        List<Finding> findings = new ArrayList<>();
        for (long[] range : missing) {
            findings.add(Finding.of(Rules.DUMP_PAGE_MISSING, PageRuns.describe(range[0], range[1])
                    + " of this ring is not in the image: not walked")
                    .file(PageRuns.address(range[0]), PageRuns.address(range[1] - range[0])));
        }
        RingSnapshot snapshot = RingSnapshot.read(name, source, address, header, a.dataSize());
        return new RingReport(snapshot, source, Reading.STRICT,
                new CarveInfo(address, pair, confidence, evidence, findings));
    }
}
