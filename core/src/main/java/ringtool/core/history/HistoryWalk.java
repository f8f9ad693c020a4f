package ringtool.core.history;

import static ringtool.core.rules.Finding.hex;
import static ringtool.core.rules.Finding.hex64;

import java.util.List;
import ringtool.core.format.ForwardFromZero;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;
import ringtool.core.format.RingMath;
import ringtool.core.format.TrailerChain;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.RingView;

/**
 * The walk back from the read index through packets already consumed, as a {@link TrailerChain} that must not
 * enter the live data between the read and the write index. The walk stops at the first step that fails and says
 * why in words; it never guesses. Where the first trailer is zero (a writer that does not record packet starts) and
 * the ring has not wrapped, the consumed packets are found {@link ForwardFromZero walking forward from offset 0}
 * instead, and the stop reason says so.
 */
public final class HistoryWalk {

    private HistoryWalk() {
    }

    public static History walk(RingSnapshot ring, long readIndex) {
        long size = ring.dataSize();
        long write = ring.header().writeIndex();
        RingView view = ring.data();
        if (view == null) {
            return new History(List.of(), new ConsumedStop(readIndex, "no data area"));
        }
        if (size < PacketDescriptor.SIZE + PacketDescriptor.TRAILER_SIZE) {
            return new History(List.of(), new ConsumedStop(readIndex, "a data area of " + size + " bytes cannot hold"
                    + " a packet and its trailer"));
        }
        if (!ring.indexInRange(readIndex) || !RingHeader.indexAligned(readIndex)) {
            return new History(List.of(), new ConsumedStop(readIndex, "read index " + hex(readIndex)
                    + " is not an 8-aligned offset inside the data area"));
        }
        if (!ring.indexInRange(write)) {
            return new History(List.of(), new ConsumedStop(readIndex, "write index " + hex(write)
                    + " lies outside the data area: the live data cannot be bounded"));
        }
        long live = RingMath.bytesToRead(readIndex, write, size);
        TrailerChain chain = new TrailerChain(view, size, readIndex, size - live);
        // Counted only: the packets are read again, oldest first, when asked for (ConsumedPackets).
        int count = 0;
        while (chain.back()) {
            count++;
        }
        if (count == 0 && zeroTrailer(chain) && write >= readIndex) {
            // Nothing to follow back, but a ring that has not wrapped holds its consumed packets from 0 on; the live
            // data [read, write) does not reach below the read index, so [0, read) is all consumed.
            long fromZero = ForwardFromZero.count(view, readIndex);
            if (fromZero > 0) {
                return new History(new ConsumedPackets(ring, 0, (int) fromZero), new ConsumedStop(0, "trailer at "
                        + hex(chain.trailerAt()) + " is zero: the writer does not record packet starts (QEMU's host"
                        + " side does this), so these " + fromZero + " were found walking forward from offset 0, where"
                        + " they reach the read index exactly (the ring has not wrapped)"));
            }
        }
        return new History(new ConsumedPackets(ring, chain.cursor(), count),
                new ConsumedStop(chain.cursor(), reason(chain, count > 0)));
    }

    private static boolean zeroTrailer(TrailerChain chain) {
        return chain.trailer() == 0 && switch (chain.stop()) {
            case OVERLAP, LENGTH_MISMATCH, IMPLAUSIBLE -> true;
            default -> false;
        };
    }

    private static String reason(TrailerChain chain, boolean recovered) {
        String trailer = "trailer at " + hex(chain.trailerAt());
        return switch (chain.stop()) {
            case ACCOUNTED_FOR -> "the whole data area is accounted for";
            case NOT_A_TRAILER -> trailer + " is " + hex64(chain.trailer()) + ": its low 32 bits are not 0";
            case OUTSIDE -> trailer + " points outside the data area (" + hex(chain.start()) + ")";
            case UNALIGNED -> trailer + " points to " + hex(chain.start()) + ", not 8-aligned";
            case OVERLAP, LENGTH_MISMATCH, IMPLAUSIBLE -> chain.trailer() != 0
                    ? trailer + " points to " + hex(chain.start()) + ": " + refused(chain)
                    : recovered ? trailer + " is zero and no packet ending there starts at 0: nothing older was written"
                            + " there (the ring has not wrapped since)"
                    : trailer + " is zero: the writer does not record packet starts (QEMU's host side does this), so"
                            + " there is nothing to walk back through";
        };
    }

    /** Why the packet the trailer names is not taken. */
    private static String refused(TrailerChain chain) {
        PacketDescriptor d = chain.descriptor();
        return switch (chain.stop()) {
            case OVERLAP -> "a packet of " + chain.span() + " bytes there would overlap live data or a newer consumed"
                    + " packet";
            case LENGTH_MISMATCH -> "its len8 " + d.len8() + " ends at +" + d.lengthBytes() + ", not at the trailer (+"
                    + (chain.span() - PacketDescriptor.TRAILER_SIZE) + ")";
            default -> d.implausibility();
        };
    }
}
