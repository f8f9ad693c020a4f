package ringtool.output;

import java.io.IOException;
import java.io.PrintWriter;
import ringtool.core.sysfs.DeviceInfo;

/**
 * Turns sysfs device reports into one output format: {@link #begin()}, {@link #device} per device in input order,
 * then {@link #end}.
 */
public interface SysfsWriter {

    void begin() throws IOException;

    /** @param exitCode the device's exit code under the run's {@code --fail-on} */
    void device(DeviceInfo device, int exitCode) throws IOException;

    /** @param failedInputs DIR arguments that could not be read (exit 3) */
    void end(long devices, long failedInputs, ringtool.core.report.Summary totals, int exitCode) throws IOException;

    static SysfsWriter of(Format format, PrintWriter out) {
        return switch (format) {
            case TEXT -> new SysfsTextWriter(out);
            case JSON -> new SysfsJsonWriter(out, false);
            case JSONL -> new SysfsJsonWriter(out, true);
            case SARIF -> new SysfsSarifWriter(out);
            case SVG, HTML -> throw new IllegalArgumentException("sysfs has no " + format.id() + " form");
        };
    }
}
