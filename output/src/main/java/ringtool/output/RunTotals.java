package ringtool.output;

import ringtool.core.report.InputReport;
import ringtool.core.report.Summary;

/** Totals over the inputs of one run, kept as the inputs go by. */
public final class RunTotals {

    private long inputs;
    private long failed;
    private Summary summary = Summary.EMPTY;

    public void add(InputReport report) {
        inputs++;
        if (report.error() != null) {
            failed++;
        }
        summary = summary.plus(report.summary());
    }

    public long inputs() {
        return inputs;
    }

    /** Inputs that could not be processed (exit 3). */
    public long failed() {
        return failed;
    }

    public Summary summary() {
        return summary;
    }
}
