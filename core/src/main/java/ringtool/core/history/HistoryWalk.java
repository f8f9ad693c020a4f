package ringtool.core.history;

import static ringtool.core.rules.Finding.hex;
import static ringtool.core.rules.Finding.hex64;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingMath;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.RingView;

/**
 * The walk back from the read index through packets already consumed. Linux and Hyper-V writers end every packet
 * with a trailer whose high 32 bits are the packet's start, so the 8 bytes before a packet name the start of the
 * one before it:
 *
 * <pre>
 *   ... | packet -2 | trailer (start of -2) | packet -1 | trailer (start of -1) | read_index: live data ...
 * </pre>
 *
 * Each step must prove itself: the trailer's low half zero, the start inside the data area and 8-aligned, the
 * descriptor there plausible (known type and flags, {@code 2 <= offset8 <= len8}), its {@code len8} ending exactly
 * at the trailer, and the packet clear of live data and of the packets already recovered. The walk stops at the
 * first step that fails and says why; it never guesses. Each step recovers at least 24 bytes of the data area,
 * so the walk is bounded by {@code data_size / 24} steps.
 */
public final class HistoryWalk {

    private static final long U32 = 0xFFFF_FFFFL;

    private HistoryWalk() {
    }

    public static History walk(RingSnapshot ring, long readIndex) {
        long size = ring.dataSize();
        long write = ring.header().writeIndex();
        RingView view = ring.data();
        if (view == null) {
            return new History(List.of(), new ConsumedStop(readIndex, "no data area"));
        }
        if (!ring.indexInRange(readIndex) || readIndex % PacketDescriptor.ALIGNMENT != 0) {
            return new History(List.of(), new ConsumedStop(readIndex, "read index " + hex(readIndex)
                    + " is not an 8-aligned offset inside the data area"));
        }
        if (!ring.indexInRange(write)) {
            return new History(List.of(), new ConsumedStop(readIndex, "write index " + hex(write)
                    + " lies outside the data area: the live data cannot be bounded"));
        }
        long budget = size - RingMath.bytesToRead(readIndex, write, size);
        List<Packet> newestFirst = new ArrayList<>();
        long cursor = readIndex;
        String reason;
        while (true) {
            long trailerAt = Math.floorMod(cursor - PacketDescriptor.TRAILER_SIZE, size);
            long trailer = view.u64(trailerAt);
            long start = trailer >>> 32;
            if (budget < PacketDescriptor.MIN_FOOTPRINT) {
                reason = "the whole data area is accounted for";
                break;
            }
            if ((trailer & U32) != 0) {
                reason = "trailer at " + hex(trailerAt) + " is " + hex64(trailer) + ": its low 32 bits are not 0";
                break;
            }
            if (start >= size) {
                reason = "trailer at " + hex(trailerAt) + " points outside the data area (" + hex(start) + ")";
                break;
            }
            if (start % PacketDescriptor.ALIGNMENT != 0) {
                reason = "trailer at " + hex(trailerAt) + " points to " + hex(start) + ", not 8-aligned";
                break;
            }
            long footprint = Math.floorMod(cursor - start, size);
            if (footprint == 0) {
                footprint = size;
            }
            String problem = judge(view, start, footprint, budget);
            if (problem != null) {
                if (trailer != 0) {
                    reason = "trailer at " + hex(trailerAt) + " points to " + hex(start) + ": " + problem;
                } else if (newestFirst.isEmpty()) {
                    reason = "trailer at " + hex(trailerAt) + " is zero: the writer does not record packet starts"
                            + " (QEMU's host side does this), so there is nothing to walk back through";
                } else {
                    reason = "trailer at " + hex(trailerAt) + " is zero and no packet ending there starts at 0:"
                            + " nothing older was written there (the ring has not wrapped since)";
                }
                break;
            }
            PacketDescriptor d = PacketDescriptor.parse(view, start);
            newestFirst.add(new Packet(-(newestFirst.size() + 1L), start, ring.dataFileOffset(start), d,
                    unpadded(view, start, d), trailer, start + footprint > size, null));
            budget -= footprint;
            cursor = start;
        }
        Collections.reverse(newestFirst);
        return new History(newestFirst, new ConsumedStop(cursor, reason));
    }

    /** Why the bytes at {@code start} are not the packet the trailer says, or null. */
    private static String judge(RingView view, long start, long footprint, long budget) {
        if (footprint > budget) {
            return "a packet of " + footprint + " bytes there would overlap live data or a newer consumed packet";
        }
        PacketDescriptor d = PacketDescriptor.parse(view, start);
        if (d.footprint() != footprint) {
            return "its len8 " + d.len8() + " ends at +" + d.lengthBytes() + ", not at the trailer (+"
                    + (footprint - PacketDescriptor.TRAILER_SIZE) + ")";
        }
        if (!PacketType.isKnown(d.type())) {
            return "type " + hex(d.type()) + " is not a packet type";
        }
        if ((d.flags() & ~PacketDescriptor.FLAG_COMPLETION_REQUESTED) != 0) {
            return "flags " + hex(d.flags()) + " are not plausible";
        }
        int minOffset8 = PacketType.hasExtendedHeader(d.type()) ? 3 : 2;
        if (d.offset8() < minOffset8 || d.offset8() > d.len8()) {
            return "offset8 " + d.offset8() + " does not lie in [" + minOffset8 + ", len8 " + d.len8() + "]";
        }
        return null;
    }

    /** As the strict walk counts it: up to 7 trailing zero bytes of the last unit are padding. */
    private static long unpadded(RingView view, long start, PacketDescriptor d) {
        long padded = d.paddedPayloadLength();
        long end = start + d.lengthBytes();
        int zeros = 0;
        while (zeros < PacketDescriptor.ALIGNMENT - 1 && zeros < padded && view.u8(end - 1 - zeros) == 0) {
            zeros++;
        }
        return padded - zeros;
    }
}
