package ringtool.core.sysfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A device directory as a map of path to what reading it gives, for what a copied tree cannot hold: an unopened
 * channel's EINVAL, an EIO. Values are written as the kernel prints them, newline included.
 */
final class MapTree implements SysfsTree {

    private final Map<String, Attr> files = new LinkedHashMap<>();

    MapTree put(String path, String text) {
        files.put(path, new Value(text + "\n"));
        return this;
    }

    MapTree fail(String path, String reason) {
        files.put(path, new Unreadable(reason));
        return this;
    }

    MapTree remove(String path) {
        files.remove(path);
        return this;
    }

    /** The files of one direction, %d-printed as the kernel does (negative for values of 2^31 and up). */
    MapTree ring(String dir, int mask, int read, int write, int readAvail, int writeAvail) {
        return put(dir + "_intr_mask", Integer.toString(mask)).put(dir + "_read_index", Integer.toString(read))
                .put(dir + "_write_index", Integer.toString(write))
                .put(dir + "_read_bytes_avail", Integer.toString(readAvail))
                .put(dir + "_write_bytes_avail", Integer.toString(writeAvail));
    }

    /** A heartbeat device as a 6.x kernel shows it, rings of 12288 data bytes, idle. */
    static MapTree heartbeat() {
        return new MapTree().put("class_id", "{57164f39-9115-4e78-ab55-382f3bd5422d}")
                .put("device_id", "{2dd1ce17-079e-403c-b352-a1921ee207ee}").put("id", "15").put("state", "3")
                .put("channel_vp_mapping", "15:1")
                .ring("in", 0, 64, 64, 0, 12288).ring("out", 0, 128, 128, 0, 12288)
                .put("channels/15/read_avail", "0").put("channels/15/write_avail", "12288")
                .put("channels/15/in_mask", "0").put("channels/15/out_mask", "0").put("channels/15/cpu", "1")
                .put("channels/15/interrupts", "18446744073709551615").put("channels/15/events", "31")
                .put("channels/15/subchannel_id", "0");
    }

    @Override
    public Attr read(String path) {
        return files.getOrDefault(path, new Missing());
    }

    @Override
    public List<String> directories(String path) {
        String prefix = path + "/";
        TreeSet<String> dirs = new TreeSet<>();
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                if (rest.contains("/")) {
                    dirs.add(rest.substring(0, rest.indexOf('/')));
                }
            }
        }
        return List.copyOf(dirs);
    }
}
