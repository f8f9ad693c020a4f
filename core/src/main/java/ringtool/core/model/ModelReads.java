package ringtool.core.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import ringtool.core.format.PacketDescriptor;

/**
 * A model's reads, 12 bytes each: the cursor and the offset8 and len8 the reader used (linux-5.14 clamps them).
 * Type, flags and transaction id are the descriptor's at the cursor and are read back from the ring; the strict
 * walk's packet and whether the read lies beyond the write index follow from the cursor. A million reads of a
 * ring of small packets take 12 MiB, where a million records took ten times that.
 */
final class ModelReads extends AbstractList<ModelRead> {

    private final ModelRun run;
    private long[] cursors = new long[64];
    private int[] lengths = new int[64];
    private final BitSet beyond = new BitSet();
    private int size;

    ModelReads(ModelRun run) {
        this.run = run;
    }

    ModelRead add(long cursor, int offset8, int len8) {
        if (size == cursors.length) {
            cursors = Arrays.copyOf(cursors, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
        }
        cursors[size] = cursor;
        lengths[size] = offset8 << 16 | len8;
        beyond.set(size, run.beyondWriteIndex(cursor));
        return get(size++);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ModelRead get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        long cursor = cursors[i];
        int offset8 = lengths[i] >>> 16;
        int len8 = lengths[i] & 0xFFFF;
        PacketDescriptor d = PacketDescriptor.parse(run.view, cursor);
        return new ModelRead(i, cursor, d.type(), d.flags(), d.transactionId(), offset8, len8,
                (long) len8 * PacketDescriptor.ALIGNMENT, run.strictPacket(cursor, len8), beyond.get(i));
    }
}
