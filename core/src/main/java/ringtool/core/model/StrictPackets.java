package ringtool.core.model;

import ringtool.core.format.PacketDescriptor;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;

/**
 * Where the strict walk's packets start, as a bit per 8-byte slot of the data area (its size / 64 bytes), with a
 * count per 64 slots for a packet's index: what the models compare their reads with. A map of the packets
 * themselves took a hundred bytes and more a packet, which a 16 MiB ring of small packets could not afford.
 */
public final class StrictPackets {

    private final RingSnapshot ring;
    private final long start;
    private final long[] bits;
    /** Packets that start before each word of {@link #bits}. */
    private final int[] before;
    private final long count;
    private final long covered;
    /** Packets before the start's slot: the first packet's rank. */
    private final long first;

    private StrictPackets(RingSnapshot ring, long start, long[] bits, int[] before, long count, long covered) {
        this.ring = ring;
        this.start = start;
        this.bits = bits;
        this.before = before;
        this.count = count;
        this.covered = covered;
        this.first = start >= 0 && start < ring.dataSize() ? rank(start >>> 3) : 0;
    }

    /** The packets of one pass of the strict walk from {@code start}, which all lie in the same 8-byte phase. */
    public static StrictPackets of(RingSnapshot ring, long start, Iterable<Packet> packets) {
        long slots = ring.dataSize() / PacketDescriptor.ALIGNMENT + 1;
        long[] bits = new long[(int) ((slots + 63) >>> 6)];
        long count = 0;
        long covered = 0;
        for (Packet p : packets) {
            long slot = p.offset() >>> 3;
            bits[(int) (slot >>> 6)] |= 1L << slot;
            count++;
            covered += p.descriptor().footprint();
        }
        int[] before = new int[bits.length + 1];
        for (int w = 0; w < bits.length; w++) {
            before[w + 1] = before[w] + Long.bitCount(bits[w]);
        }
        return new StrictPackets(ring, start, bits, before, count, covered);
    }

    /** Bytes the strict walk's packets take, from the start on. */
    long covered() {
        return covered;
    }

    /** The index in the strict walk of the packet at {@code offset}, or -1 when none starts there. */
    long indexAt(long offset) {
        if (offset < 0 || offset >= ring.dataSize() || ((offset ^ start) & 7) != 0) {
            return -1;
        }
        long slot = offset >>> 3;
        if ((bits[(int) (slot >>> 6)] & (1L << slot)) == 0) {
            return -1;
        }
        long rank = rank(slot);
        return rank >= first ? rank - first : count - first + rank;
    }

    /** The len8 of the strict walk's packet at {@code offset}, which {@link #indexAt} says is one. */
    int len8At(long offset) {
        return PacketDescriptor.parse(ring.data(), offset).len8();
    }

    private long rank(long slot) {
        int w = (int) (slot >>> 6);
        return before[w] + Long.bitCount(bits[w] & ((1L << slot) - 1));
    }
}
