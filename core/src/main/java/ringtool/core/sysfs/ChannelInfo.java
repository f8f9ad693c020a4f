package ringtool.core.sysfs;

import java.util.Map;

/**
 * One {@code channels/<relid>/} directory.
 *
 * @param values the attributes that could be read, in {@link SysfsReader#CHANNEL_ATTRIBUTES} order; counters
 *               printed with {@code %llu} are raw u64 bits
 */
public record ChannelInfo(long relid, Map<String, Long> values) {

    public ChannelInfo {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public Long value(String name) {
        return values.get(name);
    }
}
