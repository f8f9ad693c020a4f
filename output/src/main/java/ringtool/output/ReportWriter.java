package ringtool.output;

import java.io.IOException;
import ringtool.core.report.InputReport;

/**
 * Turns reports into one output format. A run calls {@link #begin()}, {@link #input} once per input in input
 * order, then {@link #end}; writers stream what they are handed and keep nothing of earlier inputs.
 */
public interface ReportWriter {

    void begin() throws IOException;

    /** @param exitCode the input's exit code under the run's {@code --fail-on} */
    void input(InputReport report, int exitCode) throws IOException;

    /** @param run the run's totals; {@code exitCode} the run's exit code */
    void end(RunTotals run, int exitCode) throws IOException;
}
