package ringtool.output;

import java.io.IOException;
import java.util.function.IntSupplier;
import ringtool.core.report.InputReport;

/**
 * Turns reports into one output format. A run calls {@link #begin()}, {@link #input} once per input in input
 * order, then {@link #end}; writers stream what they are handed and keep nothing of earlier inputs.
 */
public interface ReportWriter {

    void begin() throws IOException;

    /**
     * @param exitCode the input's exit code under the run's {@code --fail-on}. Asked for only where the format
     *                 places it: it takes a walk of its own, and a streaming writer asks after the packets have
     *                 gone out, so the first record of a large ring does not wait for the whole ring.
     */
    void input(InputReport report, IntSupplier exitCode) throws IOException;

    default void input(InputReport report, int exitCode) throws IOException {
        input(report, () -> exitCode);
    }

    /** @param run the run's totals; {@code exitCode} the run's exit code */
    void end(RunTotals run, int exitCode) throws IOException;
}
