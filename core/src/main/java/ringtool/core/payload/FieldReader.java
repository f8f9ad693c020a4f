package ringtool.core.payload;

/**
 * Reads a struct's fields in order into {@link Fields}, each only if the payload holds it: a field past the end is
 * left out of the tree and reads as 0 (what a Linux driver sees in its zeroed receive buffer), and
 * {@link #complete()} turns false. The size checks that explain a short payload are the decoder's findings.
 */
public final class FieldReader {

    private final PayloadView view;
    private final Fields.Builder out = Fields.builder();
    private boolean complete = true;

    public FieldReader(PayloadView view) {
        this.view = view;
    }

    public long u8(String name, long at) {
        return number(name, at, 1);
    }

    public long u16(String name, long at) {
        return number(name, at, 2);
    }

    public long u32(String name, long at) {
        return number(name, at, 4);
    }

    public long u64(String name, long at) {
        return number(name, at, 8);
    }

    /** The raw value of {@code size} bytes at {@code at} without adding a field (for bit fields), or 0 if absent. */
    public long raw(long at, int size) {
        if (!view.has(at, size)) {
            complete = false;
            return 0;
        }
        return read(at, size);
    }

    public FieldReader add(String name, FieldValue value) {
        out.add(name, value);
        return this;
    }

    public FieldReader number(String name, long unsigned) {
        out.number(name, unsigned);
        return this;
    }

    /** Whether every field asked for was in the payload. */
    public boolean complete() {
        return complete;
    }

    public Fields build() {
        return out.build();
    }

    private long number(String name, long at, int size) {
        if (!view.has(at, size)) {
            complete = false;
            return 0;
        }
        long v = read(at, size);
        out.number(name, v);
        return v;
    }

    private long read(long at, int size) {
        return switch (size) {
            case 1 -> view.u8(at);
            case 2 -> view.u16(at);
            case 4 -> view.u32(at);
            case 8 -> view.u64(at);
            default -> throw new IllegalArgumentException("field of " + size + " bytes");
        };
    }
}
