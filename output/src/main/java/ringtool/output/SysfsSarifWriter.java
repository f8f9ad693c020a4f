package ringtool.output;

import java.io.IOException;
import java.io.PrintWriter;
import ringtool.core.report.Summary;
import ringtool.core.sysfs.DeviceInfo;

/**
 * {@code ringtool sysfs --format sarif}: the same SARIF log as {@code inspect}'s, with each device directory as the
 * artifact of its findings (sysfs attributes have no byte offsets, so results carry no region).
 */
final class SysfsSarifWriter implements SysfsWriter {

    private final SarifWriter sarif;

    SysfsSarifWriter(PrintWriter out) {
        this.sarif = new SarifWriter(out);
    }

    @Override
    public void begin() throws IOException {
        sarif.begin();
    }

    @Override
    public void device(DeviceInfo device, int exitCode) throws IOException {
        sarif.results(device.path(), null, device.findings());
    }

    @Override
    public void end(long devices, long failedInputs, Summary totals, int exitCode) throws IOException {
        sarif.end(new RunTotals(), exitCode);
    }
}
