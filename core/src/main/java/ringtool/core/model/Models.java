package ringtool.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models by name, and the per-driver buffer sizes {@code --pkt-buffer-size} accepts by name. */
public final class Models {

    public static final String ALL = "all";
    /** In the order {@code --model all} shows them: newest Linux first, then the host-side reference. */
    public static final List<String> NAMES = List.of(Linux514Model.NAME, Linux411Model.NAME, Linux44Model.NAME,
            OpenVmmModel.NAME);

    /**
     * The inbound {@code max_pkt_size} of drivers whose value {@code docs/readers.md} §3.8 gives as a number:
     * {@code VMBUS_DEFAULT_MAX_PKT_SIZE} for drivers that set none (hv_util's shutdown, timesync, heartbeat),
     * {@code HV_HYP_PAGE_SIZE * 4} for KVP and {@code * 2} for hv_balloon (after 96d9d1fa5cd5), VSS and fcopy.
     */
    public static final Map<String, Long> PKT_BUFFER_PRESETS;

    static {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("default", Linux514Model.DEFAULT_PKT_BUFFER_SIZE);
        m.put("util", 4096L);
        m.put("kvp", 16384L);
        m.put("balloon", 8192L);
        m.put("vss", 8192L);
        m.put("fcopy", 8192L);
        m.put("balloon-5.14", 4096L);
        PKT_BUFFER_PRESETS = Collections.unmodifiableMap(m);
    }

    private Models() {
    }

    /** One model, or empty for an unknown name ({@code all} is not one model: see {@link #expand}). */
    public static Optional<ReaderModel> byName(String name, long pktBufferSize) {
        return Optional.ofNullable(switch (name) {
            case Linux514Model.NAME -> new Linux514Model(pktBufferSize);
            case Linux411Model.NAME -> new Linux411Model();
            case Linux44Model.NAME -> new Linux44Model(pktBufferSize);
            case OpenVmmModel.NAME -> new OpenVmmModel();
            default -> null;
        });
    }

    /**
     * The models the names ask for, each once, in {@link #NAMES} order.
     *
     * @throws IllegalArgumentException naming the first unknown name
     */
    public static List<ReaderModel> expand(List<String> names, long pktBufferSize) {
        List<ReaderModel> out = new ArrayList<>();
        for (String known : NAMES) {
            if (names.contains(known) || names.contains(ALL)) {
                out.add(byName(known, pktBufferSize).orElseThrow());
            }
        }
        for (String name : names) {
            if (!name.equals(ALL) && !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown model '" + name + "': expected "
                        + String.join(", ", NAMES) + " or all");
            }
        }
        return out;
    }
}
