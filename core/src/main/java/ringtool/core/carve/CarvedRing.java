package ringtool.core.carve;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.report.CarveInfo;
import ringtool.core.report.Reading;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * A ring the carver reports, assembled from its frames: the report keeps a copy of the ring's own bytes, addressed
 * physically, and nothing of the window read around them. A ring with frames the image lacks is reported with its
 * header only, and not walked.
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
        byte[] bytes = null;
        if (a.complete()) {
            try {
                bytes = new byte[(int) (header + a.dataSize())];
                a.frames().copy(address, bytes, 0, bytes.length);
            } catch (LazyFrames.Unreadable u) {
                // A page the evidence did not touch does not decode: report the ring, do not walk it.
                missing = List.of(new long[] {u.pfn, u.pfn + 1});
                bytes = null;
            }
        }
        boolean complete = bytes != null;
        if (!complete) {
            bytes = new byte[header];
            a.frames().copy(address, bytes, 0, header);
        }
        PhysicalSlice slice = new PhysicalSlice(bytes, address);
        List<Finding> findings = new ArrayList<>();
        for (long[] range : missing) {
            findings.add(Finding.of(Rules.DUMP_PAGE_MISSING, PageRuns.describe(range[0], range[1])
                    + " of this ring is not in the image: not walked")
                    .file(PageRuns.address(range[0]), PageRuns.address(range[1] - range[0])));
        }
        RingSnapshot snapshot = RingSnapshot.read(name, slice, address, header, a.dataSize());
        return new RingReport(snapshot, slice, Reading.STRICT,
                new CarveInfo(address, pair, confidence, evidence, findings));
    }
}
