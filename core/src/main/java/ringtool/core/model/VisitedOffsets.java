package ringtool.core.model;

/**
 * The cursors a model has read from: a bit per 8-byte slot below {@code limit} (a cursor that can still be read
 * from stays below twice the data size), and an {@link OffsetSet} for the rare others (a cursor that is not
 * 8-aligned, or one left beyond the mapping). A ring of 16 MiB costs 512 KiB, whatever the number of reads. Past
 * {@link #MAX_BITMAP} bytes of bits (rings of more than 512 MiB) every cursor goes to the set instead, whose size is
 * bounded by the model's step limit ({@link ModelRun#MAX_STEPS}: 16 MiB at most), not by the ring's.
 */
final class VisitedOffsets {

    private final long limit;
    private final long[] bits;
    private final OffsetSet others = new OffsetSet();

    static final long MAX_BITMAP = 16L << 20;

    VisitedOffsets(long limit) {
        long words = (limit / 8 + 64) >>> 6;
        this.limit = words * Long.BYTES <= MAX_BITMAP ? limit : 0;
        this.bits = new long[(int) (this.limit == 0 ? 0 : words)];
    }

    /** False when {@code offset} was added before. */
    boolean add(long offset) {
        if (offset < 0 || offset >= limit || (offset & 7) != 0) {
            return others.add(offset);
        }
        long slot = offset >>> 3;
        int w = (int) (slot >>> 6);
        long bit = 1L << slot;
        if ((bits[w] & bit) != 0) {
            return false;
        }
        bits[w] |= bit;
        return true;
    }

    /** Bytes of bits held, for tests. */
    long bitmapBytes() {
        return (long) bits.length * Long.BYTES;
    }
}
