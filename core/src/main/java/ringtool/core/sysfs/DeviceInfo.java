package ringtool.core.sysfs;

import java.util.List;
import ringtool.core.format.DeviceKinds;
import ringtool.core.report.Summary;
import ringtool.core.rules.Finding;

/**
 * One VMBus device directory as read.
 *
 * @param path      where it was read, as the user named it
 * @param deviceId  instance GUID without braces, or null
 * @param classId   class GUID without braces, or null
 * @param kind      named from the class GUID ({@link DeviceKinds}); the GUID when unknown; null without class_id
 * @param relid     the primary channel's relid ({@code id}), or null
 * @param state     {@code state} (3 = opened), or null
 * @param vpMapping {@code channel_vp_mapping}: relid and target CPU per channel
 */
public record DeviceInfo(String path, String deviceId, String classId, String kind, Long relid, Long state,
                         RingDebugInfo in, RingDebugInfo out, List<VpMapping> vpMapping, List<ChannelInfo> channels,
                         List<Finding> findings) {

    public record VpMapping(long relid, long cpu) {
    }

    public DeviceInfo {
        vpMapping = List.copyOf(vpMapping);
        channels = List.copyOf(channels);
        findings = List.copyOf(findings);
    }

    public DeviceInfo withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new DeviceInfo(path, deviceId, classId, kind, relid, state, in, out, vpMapping, channels, all);
    }

    public Summary summary() {
        Summary s = Summary.EMPTY;
        for (Finding f : findings) {
            s = s.add(f);
        }
        return s;
    }
}
