package ringtool.core.payload;

import java.util.List;

/** One value of a decoded struct: an unsigned number, text, a nested struct ({@link Fields}) or a list. */
public sealed interface FieldValue permits FieldValue.Number, FieldValue.Text, FieldValue.Items, Fields {

    /** An unsigned value of up to 64 bits; values above {@link Long#MAX_VALUE} are held as their raw bits. */
    record Number(long unsigned) implements FieldValue {

        @Override
        public String toString() {
            return Long.toUnsignedString(unsigned);
        }
    }

    record Text(String text) implements FieldValue {

        @Override
        public String toString() {
            return text;
        }
    }

    /** A C array: as many items as the bytes present hold, never more. */
    record Items(List<FieldValue> items) implements FieldValue {
    }
}
