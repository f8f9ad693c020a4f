package ringtool.core.model;

import java.util.Arrays;

/**
 * The offsets a model has read, as an open-addressing table of primitive longs. A model in a ghost loop reads
 * thousands of offsets, every one a multiple of 8 below 2^32: a {@code HashSet<Long>} boxed each of them and, with
 * {@link Long#hashCode} putting them all in one bucket in eight, spent most of the model's time in its chains.
 * Its size is bounded by the model's step limit, never by a field of the ring.
 */
final class OffsetSet {

    private static final long EMPTY = -1;
    private long[] slots = empty(64);
    private int size;

    /** False when {@code offset} was added before. */
    boolean add(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        return insert(slots, offset);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] table, long offset) {
        int mask = table.length - 1;
        for (int i = slot(offset, mask); ; i = (i + 1) & mask) {
            long s = table[i];
            if (s == offset) {
                return false;
            }
            if (s == EMPTY) {
                table[i] = offset;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = empty(old.length * 2);
        size = 0;
        for (long s : old) {
            if (s != EMPTY) {
                insert(slots, s);
            }
        }
    }

    /** Fibonacci hashing: the high bits of the product, which every bit of the offset reaches. */
    private static int slot(long offset, int mask) {
        return (int) ((offset * 0x9E37_79B9_7F4A_7C15L) >>> 40) & mask;
    }

    private static long[] empty(int length) {
        long[] table = new long[length];
        Arrays.fill(table, EMPTY);
        return table;
    }
}
