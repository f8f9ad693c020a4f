package ringtool.core.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol's message types: number to name and {@link MessageDecoder}. Each protocol builds one; lookups replace
 * a switch over the type.
 *
 * @param <H> the protocol's header record
 */
public final class MessageTable<H> {

    public record Entry<H>(long type, String name, MessageDecoder<H> decoder) {
    }

    private final Map<Long, Entry<H>> entries;

    private MessageTable(Map<Long, Entry<H>> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** The entry of {@code type}, or null when the protocol has no such message. */
    public Entry<H> find(long type) {
        return entries.get(type);
    }

    /** Every type, in registration order. */
    public List<Long> types() {
        return List.copyOf(entries.keySet());
    }

    /** The name of {@code type}, or its decimal number when unknown (as {@code decoded.message} shows it). */
    public String name(long type) {
        Entry<H> e = entries.get(type);
        return e == null ? Long.toString(type) : e.name();
    }

    public static final class Builder<H> {

        private final Map<Long, Entry<H>> entries = new LinkedHashMap<>();

        public Builder<H> add(long type, String name, MessageDecoder<H> decoder) {
            if (entries.putIfAbsent(type, new Entry<>(type, name, decoder)) != null) {
                throw new IllegalStateException("message type " + type + " registered twice");
            }
            return this;
        }

        public MessageTable<H> build() {
            return new MessageTable<>(entries);
        }
    }
}
