package ringtool.core.sysfs;



import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ringtool.core.format.DeviceKinds;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;
import ringtool.core.format.RingMath;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;
import ringtool.core.source.InputException;

/**
 * Reads VMBus device directories (docs/ring-format.md §9.2) and checks them. Every file is read on its own
 * by the kernel too, so no two values are one snapshot: differences small enough to be timing are notes.
 */
public final class SysfsReader {

    /** How the kernel prints a channel attribute: {@code %u}, {@code %d} (also a u32) or {@code %llu}. */
    private enum Print { U32, S32, U64 }

    /** The per-channel attributes read, in output order. */
    public static final List<String> CHANNEL_ATTRIBUTES = List.of("read_avail", "write_avail", "in_mask", "out_mask",
            "cpu", "interrupts", "events", "intr_in_full", "intr_out_empty", "out_full_first", "out_full_total",
            "subchannel_id", "monitor_id", "pending", "latency");

    private static final Map<String, Print> CHANNEL_PRINT = Map.ofEntries(
            Map.entry("read_avail", Print.U32), Map.entry("write_avail", Print.U32), Map.entry("in_mask", Print.U32),
            Map.entry("out_mask", Print.U32), Map.entry("cpu", Print.U32), Map.entry("interrupts", Print.U64),
            Map.entry("events", Print.U64), Map.entry("intr_in_full", Print.U64),
            Map.entry("intr_out_empty", Print.U64), Map.entry("out_full_first", Print.U64),
            Map.entry("out_full_total", Print.U64), Map.entry("subchannel_id", Print.U32),
            Map.entry("monitor_id", Print.U32), Map.entry("pending", Print.S32), Map.entry("latency", Print.S32));

    /** Differences up to this fraction of the data size are taken as timing between two file reads. */
    static final long SKEW_FRACTION = 4;

    private SysfsReader() {
    }

    /**
     * The device directories a DIR names: itself when it is one, else its subdirectories that are, else those of
     * {@code bus/vmbus/devices} or {@code sys/bus/vmbus/devices} under it.
     */
    public static List<Path> deviceDirectories(Path dir) throws InputException {
        if (!Files.exists(dir)) {
            throw new InputException("no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException("not a directory");
        }
        if (isDevice(dir)) {
            return List.of(dir);
        }
        for (Path base : List.of(dir, dir.resolve("bus/vmbus/devices"), dir.resolve("sys/bus/vmbus/devices"))) {
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(base)) {
                try (Stream<Path> s = Files.list(base)) {
                    s.filter(SysfsReader::isDevice).sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new InputException("cannot list: " + e.getMessage(), e);
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        long dangling;
        try (Stream<Path> s = Files.list(dir)) {
            dangling = s.filter(p -> Files.isSymbolicLink(p) && !Files.exists(p)).count();
        } catch (IOException e) {
            dangling = 0;
        }
        throw new InputException("no VMBus device directory here (none has class_id, device_id, in_read_index or"
                + " channels/)" + (dangling == 0 ? "" : "; " + dangling + " entr" + (dangling == 1 ? "y is a" : "ies are")
                + " dangling symlink" + (dangling == 1 ? "" : "s") + ": copy /sys/bus/vmbus/devices with cp -rL"));
    }

    private static boolean isDevice(Path dir) {
        return Files.isDirectory(dir) && (Files.exists(dir.resolve("class_id")) || Files.exists(dir.resolve("device_id"))
                || Files.exists(dir.resolve("in_read_index")) || Files.isDirectory(dir.resolve("channels")));
    }

    /** Reads and checks one device directory. */
    public static DeviceInfo read(String path, SysfsTree tree) {
        Reading r = new Reading(tree);
        String deviceId = r.guid("device_id");
        String classId = r.guid("class_id");
        Long relid = r.u32("id", true);
        Long state = r.u32("state", true);
        RingDebugInfo in = r.debugInfo("in");
        RingDebugInfo out = r.debugInfo("out");
        List<DeviceInfo.VpMapping> vp = r.vpMapping();
        List<ChannelInfo> channels = new ArrayList<>();
        for (String name : tree.directories("channels")) {
            long id;
            try {
                id = Long.parseLong(name);
            } catch (NumberFormatException e) {
                continue;
            }
            Map<String, Long> values = new LinkedHashMap<>();
            for (String attr : CHANNEL_ATTRIBUTES) {
                String file = "channels/" + name + "/" + attr;
                Long v = switch (CHANNEL_PRINT.get(attr)) {
                    case U32 -> r.u32(file, false);
                    case S32 -> r.u32(file, true);
                    case U64 -> r.u64(file);
                };
                if (v != null) {
                    values.put(attr, v);
                }
            }
            channels.add(new ChannelInfo(id, values));
        }
        List<Finding> findings = r.findings;
        checkRing(findings, "in", in);
        checkRing(findings, "out", out);
        ChannelInfo primary = primary(channels, relid);
        if (primary != null) {
            String c = "channels/" + primary.relid() + "/";
            compare(findings, c + "read_avail", primary.value("read_avail"), "in_read_bytes_avail",
                    in.readBytesAvail(), in.dataSize());
            compare(findings, c + "write_avail", primary.value("write_avail"), "out_write_bytes_avail",
                    out.writeBytesAvail(), out.dataSize());
        }
        for (ChannelInfo ch : channels) {
            String c = "channels/" + ch.relid() + "/";
            mask(findings, c + "in_mask", ch.value("in_mask"));
            mask(findings, c + "out_mask", ch.value("out_mask"));
        }
        return new DeviceInfo(path, deviceId, classId, classId == null ? null : DeviceKinds.of(classId), relid, state,
                in, out, vp, channels, findings);
    }

    /** The channel the device-level files describe: relid {@code id}, else sub-channel 0, else the first. */
    static ChannelInfo primary(List<ChannelInfo> channels, Long relid) {
        for (ChannelInfo c : channels) {
            if (relid != null && c.relid() == relid) {
                return c;
            }
        }
        for (ChannelInfo c : channels) {
            if (Long.valueOf(0).equals(c.value("subchannel_id"))) {
                return c;
            }
        }
        return channels.isEmpty() ? null : channels.get(0);
    }

    private static void checkRing(List<Finding> out, String dir, RingDebugInfo info) {
        mask(out, dir + "_intr_mask", info.interruptMask());
        Long size = info.dataSize();
        if (size == null) {
            return;
        }
        if (size == 0 || size % RingHeader.HOST_PAGE_SIZE != 0) {
            out.add(Finding.mismatch(Rules.SYSFS_DATA_SIZE_INVALID, dir + "_read_bytes_avail + " + dir
                    + "_write_bytes_avail (the data size)", "a non-zero multiple of 4096", Long.toString(size)));
            return;
        }
        boolean readOk = index(out, Rules.SYSFS_READ_INDEX_OUT_OF_RANGE, Rules.SYSFS_READ_INDEX_UNALIGNED,
                dir + "_read_index", info.readIndex(), size);
        boolean writeOk = index(out, Rules.SYSFS_WRITE_INDEX_OUT_OF_RANGE, Rules.SYSFS_WRITE_INDEX_UNALIGNED,
                dir + "_write_index", info.writeIndex(), size);
        if (readOk && writeOk && info.readIndex() != null && info.writeIndex() != null) {
            long fromIndices = RingMath.bytesToRead(info.readIndex(), info.writeIndex(), size);
            compare(out, dir + "_read_bytes_avail", info.readBytesAvail(),
                    "the bytes between " + dir + "_read_index and " + dir + "_write_index", fromIndices, size);
        }
    }

    private static boolean index(List<Finding> out, Rule range, Rule unaligned, String name, Long value, long size) {
        if (value == null) {
            return true;
        }
        boolean ok = true;
        if (value >= size) {
            out.add(Finding.mismatch(range, name, "< " + size + " (the data size)", Long.toString(value)));
            ok = false;
        }
        if (value % PacketDescriptor.ALIGNMENT != 0) {
            out.add(Finding.mismatch(unaligned, name, "a multiple of 8", Long.toString(value)));
            ok = false;
        }
        return ok;
    }

    private static void mask(List<Finding> out, String name, Long value) {
        if (value != null && value > 1) {
            out.add(Finding.mismatch(Rules.SYSFS_INTERRUPT_MASK_INVALID, name, "0 or 1", Long.toString(value)));
        }
    }

    /** Two values that a single snapshot would make equal: skew when small, mismatch when not. */
    private static void compare(List<Finding> out, String nameA, Long a, String nameB, Long b, Long size) {
        if (a == null || b == null || size == null || size == 0 || a.equals(b)) {
            return;
        }
        long diff = Math.abs(a - b);
        String subject = nameA + " (" + a + ") against " + nameB + " (" + b + ")";
        if (a > size || b > size) {
            out.add(Finding.of(Rules.SYSFS_AVAIL_MISMATCH, subject + ": more than the " + size
                    + "-byte data area"));
        } else if (diff > size / SKEW_FRACTION) {
            out.add(Finding.of(Rules.SYSFS_AVAIL_MISMATCH, subject + ": " + diff + " bytes apart, more than a quarter"
                    + " of the " + size + "-byte data area"));
        } else {
            out.add(Finding.of(Rules.SYSFS_AVAIL_SKEW, subject + ": " + diff + " bytes apart; the files were read at"
                    + " different moments"));
        }
    }

    /** One device's reads, collecting a finding per file that exists but cannot be read or parsed. */
    private static final class Reading {
        private final SysfsTree tree;
        private final List<Finding> findings = new ArrayList<>();

        Reading(SysfsTree tree) {
            this.tree = tree;
        }

        private String text(String file) {
            SysfsTree.Attr a = tree.read(file);
            if (a instanceof SysfsTree.Value v) {
                return v.text().trim();
            }
            if (a instanceof SysfsTree.Unreadable u) {
                String hint = u.reason().contains("Invalid argument") ? " (EINVAL: the channel's ring is not mapped,"
                        + " i.e. the channel is not open)" : "";
                findings.add(Finding.of(Rules.SYSFS_ATTRIBUTE_UNREADABLE, file + ": cannot be read: " + u.reason()
                        + hint));
            }
            return null;
        }

        private void invalid(String file, String text, String expected) {
            findings.add(Finding.mismatch(Rules.SYSFS_ATTRIBUTE_INVALID, file, expected, "'" + text + "'"));
        }

        /** A u32 printed with {@code %u}, or with {@code %d} (negative values are u32 values at or above 2^31). */
        Long u32(String file, boolean signed) {
            String t = text(file);
            if (t == null) {
                return null;
            }
            try {
                long v = Long.parseLong(t);
                if (v > 0xFFFF_FFFFL || v < (signed ? Integer.MIN_VALUE : 0)) {
                    invalid(file, t, signed ? "a %d-printed 32-bit value" : "an unsigned 32-bit number");
                    return null;
                }
                return v & 0xFFFF_FFFFL;
            } catch (NumberFormatException e) {
                invalid(file, t, signed ? "a %d-printed 32-bit value" : "an unsigned 32-bit number");
                return null;
            }
        }

        /** A {@code %llu} counter, as raw u64 bits. */
        Long u64(String file) {
            String t = text(file);
            if (t == null) {
                return null;
            }
            try {
                return Long.parseUnsignedLong(t);
            } catch (NumberFormatException e) {
                invalid(file, t, "an unsigned 64-bit number");
                return null;
            }
        }

        String guid(String file) {
            String t = text(file);
            if (t == null) {
                return null;
            }
            String bare = DeviceKinds.bare(t);
            if (!bare.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                invalid(file, t, "a GUID");
                return null;
            }
            return bare;
        }

        RingDebugInfo debugInfo(String dir) {
            return new RingDebugInfo(u32(dir + "_intr_mask", true), u32(dir + "_read_index", true),
                    u32(dir + "_write_index", true), u32(dir + "_read_bytes_avail", true),
                    u32(dir + "_write_bytes_avail", true));
        }

        List<DeviceInfo.VpMapping> vpMapping() {
            String t = text("channel_vp_mapping");
            List<DeviceInfo.VpMapping> out = new ArrayList<>();
            if (t == null || t.isEmpty()) {
                return out;
            }
            for (String line : t.split("\n")) {
                String[] parts = line.trim().split(":");
                try {
                    if (parts.length != 2) {
                        throw new NumberFormatException();
                    }
                    out.add(new DeviceInfo.VpMapping(Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[1])));
                } catch (NumberFormatException e) {
                    invalid("channel_vp_mapping", line.trim(), "lines of relid:cpu");
                    return List.of();
                }
            }
            return out;
        }
    }

}
