package ringtool.core.sysfs;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/**
 * {@code ringtool sysfs --ring FILE}: a binary dump of the device's primary channel against its sysfs values. A
 * uio pair gives both directions ({@code outbound} is {@code out_*}); a single ring is compared with the direction
 * asked for. The dump and the files were not read at one moment, so index differences are warnings, not errors.
 */
public final class RingCrossCheck {

    private RingCrossCheck() {
    }

    /** @param singleDirection {@code in} or {@code out}: which files a ring named {@code ring} is compared with */
    public static List<Finding> check(DeviceInfo device, InputReport dump, String singleDirection) {
        List<Finding> out = new ArrayList<>();
        for (RingReport ring : dump.rings()) {
            String dir = switch (ring.name()) {
                case "outbound" -> "out";
                case "inbound" -> "in";
                default -> singleDirection;
            };
            RingDebugInfo info = dir.equals("out") ? device.out() : device.in();
            String what = dump.source() + " " + ring.name() + " ring";
            Long size = info.dataSize();
            if (size != null && size != ring.dataSize()) {
                out.add(Finding.mismatch(Rules.SYSFS_RING_DATA_SIZE_MISMATCH, what + " data size",
                        size + " (" + dir + "_read_bytes_avail + " + dir + "_write_bytes_avail)",
                        Long.toString(ring.dataSize())).file(ring.fileOffset(), null));
            }
            field(out, what, "read_index", dir + "_read_index", info.readIndex(), ring.header().readIndex());
            field(out, what, "write_index", dir + "_write_index", info.writeIndex(), ring.header().writeIndex());
            field(out, what, "interrupt_mask", dir + "_intr_mask", info.interruptMask(),
                    ring.header().interruptMask());
        }
        return out;
    }

    private static void field(List<Finding> out, String what, String name, String file, Long sysfs, long dump) {
        if (sysfs != null && sysfs != dump) {
            out.add(Finding.mismatch(Rules.SYSFS_RING_HEADER_MISMATCH, what + " " + name, sysfs + " (" + file + ")",
                    Long.toString(dump)));
        }
    }
}
