package ringtool.output;

import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;
import ringtool.core.report.Summary;
import ringtool.core.rules.Finding;
import ringtool.core.sysfs.ChannelInfo;
import ringtool.core.sysfs.DeviceInfo;
import ringtool.core.sysfs.RingDebugInfo;

/** {@code sysfs --format text}: per device a title line, one line per direction and per channel, the findings. */
public final class SysfsTextWriter implements SysfsWriter {

    private final PrintWriter out;

    public SysfsTextWriter(PrintWriter out) {
        this.out = ControlEscapes.wrap(out);
    }

    @Override
    public void begin() {
        // Text has no envelope.
    }

    @Override
    public void device(DeviceInfo d, int exitCode) {
        out.printf("%s: %s%s%s%s%n", d.path(), d.kind() == null ? "unknown kind (no class_id)" : d.kind(),
                d.deviceId() == null ? "" : ", device " + d.deviceId(),
                d.relid() == null ? "" : ", relid " + d.relid(), d.state() == null ? "" : ", state " + d.state());
        ring("in ", d.in());
        ring("out", d.out());
        for (ChannelInfo c : d.channels()) {
            StringJoiner j = new StringJoiner(", ");
            for (Map.Entry<String, Long> e : c.values().entrySet()) {
                j.add(e.getKey() + " " + Long.toUnsignedString(e.getValue()));
            }
            out.printf("  channel %d: %s%n", c.relid(), j.length() == 0 ? "nothing readable" : j.toString());
        }
        if (!d.findings().isEmpty()) {
            out.println("  findings:");
            for (Finding f : d.findings()) {
                out.printf("    %-7s %s: %s%n", f.severity().id(), f.rule().id(), f.message());
            }
        }
        out.printf("%s: %s; exit %d%n%n", d.path(), counts(d.summary()), exitCode);
        out.flush();
    }

    private void ring(String name, RingDebugInfo r) {
        if (r.isEmpty()) {
            out.printf("  %s  no %s_* files%n", name, name.trim());
            return;
        }
        out.printf("  %s  intr_mask %s  read_index %s  write_index %s  read_bytes_avail %s  write_bytes_avail %s"
                + "  data size %s%n", name, v(r.interruptMask()), v(r.readIndex()), v(r.writeIndex()),
                v(r.readBytesAvail()), v(r.writeBytesAvail()), v(r.dataSize()));
    }

    private static String v(Long value) {
        return value == null ? "-" : Long.toString(value);
    }

    private static String counts(Summary s) {
        return String.format("%d error%s, %d warning%s, %d note%s", s.errors(), s.errors() == 1 ? "" : "s",
                s.warnings(), s.warnings() == 1 ? "" : "s", s.notes(), s.notes() == 1 ? "" : "s");
    }

    @Override
    public void end(long devices, long failedInputs, Summary totals, int exitCode) {
        if (devices + failedInputs > 1) {
            out.printf("%d device%s (%d input%s could not be read): %s; exit %d%n", devices, devices == 1 ? "" : "s",
                    failedInputs, failedInputs == 1 ? "" : "s", counts(totals), exitCode);
        }
        out.flush();
    }
}
