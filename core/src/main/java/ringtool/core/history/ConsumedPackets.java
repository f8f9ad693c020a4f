package ringtool.core.history;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.RingView;

/**
 * The packets the walk back recovered, oldest first, read again from the ring as they are asked for. They lie
 * back to back from the oldest start to the read index (each one's len8 ends at the trailer that named it), so a
 * start and a count describe them all: a ring of a million consumed packets costs nothing on the heap, where a
 * list of them would not fit a small one.
 */
final class ConsumedPackets extends AbstractList<Packet> {

    private final RingSnapshot ring;
    private final long oldest;
    private final int count;
    /** The next packet {@link #get} expects, so that a loop by index reads each once. */
    private int nextIndex;
    private long nextStart;

    ConsumedPackets(RingSnapshot ring, long oldest, int count) {
        this.ring = ring;
        this.oldest = oldest;
        this.count = count;
        this.nextStart = oldest;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public synchronized Packet get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i < nextIndex) {
            nextIndex = 0;
            nextStart = oldest;
        }
        Packet p = null;
        while (nextIndex <= i) {
            p = packet(nextIndex, nextStart);
            nextStart = ring.data().advance(nextStart, p.descriptor().footprint());
            nextIndex++;
        }
        return p;
    }

    @Override
    public Iterator<Packet> iterator() {
        return new Iterator<>() {
            private int i;
            private long start = oldest;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Packet next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                Packet p = packet(i++, start);
                start = ring.data().advance(start, p.descriptor().footprint());
                return p;
            }
        };
    }

    private Packet packet(int i, long start) {
        RingView view = ring.data();
        PacketDescriptor d = PacketDescriptor.parse(view, start);
        long span = d.footprint();
        long trailer = view.u64(view.advance(start, span - PacketDescriptor.TRAILER_SIZE));
        return new Packet(i - (long) count, start, ring.dataFileOffset(start), d, d.payloadLength(view, start), trailer,
                start + span > ring.dataSize(), null);
    }
}
