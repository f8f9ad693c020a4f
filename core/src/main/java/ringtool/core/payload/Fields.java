package ringtool.core.payload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A decoded struct: its fields in wire order, named as the Linux headers name them and nested as the structs
 * nest there. Writers render it as {@code decoded.fields} (JSON) and as the {@code -V} tree (text).
 */
public record Fields(List<Field> entries) implements FieldValue {

    public static final Fields EMPTY = new Fields(List.of());

    public Fields {
        entries = Collections.unmodifiableList(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the first field named {@code name}, or null. */
    public FieldValue get(String name) {
        for (Field f : entries) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }

    public record Field(String name, FieldValue value) {
    }

    /** Collects fields in order; {@link #build} hands them over, and the builder is not used again. */
    public static final class Builder {

        private final List<Field> entries = new ArrayList<>();

        /** An unsigned field of any width up to 64 bits (u64 as its raw bits). */
        public Builder number(String name, long unsigned) {
            return add(name, new FieldValue.Number(unsigned));
        }

        public Builder text(String name, String text) {
            return add(name, new FieldValue.Text(text));
        }

        public Builder object(String name, Fields fields) {
            return add(name, fields);
        }

        public Builder list(String name, List<? extends FieldValue> items) {
            return add(name, new FieldValue.Items(List.copyOf(items)));
        }

        public Builder add(String name, FieldValue value) {
            entries.add(new Field(name, value));
            return this;
        }

        /** Every field of {@code other}, in its order, appended to these. */
        public Builder addAll(Fields other) {
            entries.addAll(other.entries());
            return this;
        }

        public Fields build() {
            return new Fields(entries);
        }
    }
}
