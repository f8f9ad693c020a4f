package ringtool.core.bytes;

/**
 * How many bytes of a range are non-zero, or differ from those of a second range, and where the first and the last
 * of them lie, counted from the start of the range: -1 when there are none.
 */
public record ByteCount(long count, long first, long last) {

    static final ByteCount NONE = new ByteCount(0, -1, -1);
}
