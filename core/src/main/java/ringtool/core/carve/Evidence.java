package ringtool.core.carve;

import ringtool.core.format.ForwardFromZero;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;
import ringtool.core.format.RingMath;
import ringtool.core.format.TrailerChain;
import ringtool.core.walk.RingView;

/**
 * What a candidate ring's data area says about a data size: packets that hold together are evidence that the
 * header is live and the size right, because a wrong size breaks the wrap arithmetic and a stale header copy
 * does not sit in front of its own data.
 *
 * @param chainedBack packets found walking back from {@code read_index} through the trailers (Linux and Hyper-V
 *                    write each packet's start offset there)
 * @param fromZero    packets found walking forward from offset 0 that end exactly at {@code read_index} (a ring
 *                    that has not wrapped; the only way on rings whose writer leaves trailers zero, as QEMU does)
 * @param live        packets between {@code read_index} and {@code write_index} that end exactly at the write
 *                    index, or -1 when that walk breaks
 * @param fresh       indices 0 and the data area all zero: a ring opened and never used
 */
record Evidence(long chainedBack, long fromZero, long live, boolean fresh) {

    static final Evidence NONE = new Evidence(0, 0, 0, false);

    static Evidence of(RingView data, RingHeader h) {
        long r = h.readIndex();
        long w = h.writeIndex();
        return new Evidence(chainBack(data, r), fromZero(data, r), live(data, r, w),
                r == 0 && w == 0 && allZero(data));
    }

    /** Packets that hold the wrap arithmetic: the consumed history counts once, whichever way it was found. */
    long packets() {
        return Math.max(chainedBack, fromZero) + Math.max(live, 0);
    }

    boolean any() {
        return packets() > 0 || fresh;
    }

    String describe(RingHeader h) {
        StringBuilder b = new StringBuilder();
        if (chainedBack > 0) {
            b.append(chainedBack).append(chainedBack == 1 ? " trailer chains" : " trailers chain")
                    .append(" back from read_index ").append(h.readIndex());
        } else if (fromZero > 0) {
            b.append(fromZero).append(fromZero == 1 ? " packet" : " packets").append(" from offset 0 reach read_index ")
                    .append(h.readIndex()).append(" (trailers do not chain back)");
        }
        if (live > 0) {
            append(b, live + (live == 1 ? " live packet ends" : " live packets end") + " at write_index "
                    + h.writeIndex());
        } else if (live < 0) {
            append(b, "the live packets from read_index do not end at write_index " + h.writeIndex());
        }
        if (fresh) {
            append(b, "unused: indices 0 and the data area zero");
        }
        if (b.length() == 0) {
            b.append("no packet evidence: trailers do not chain back from read_index ").append(h.readIndex())
                    .append(" and no walk from offset 0 reaches it");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(", ");
        }
        b.append(s);
    }

    /** The packets a trailer chain recovers back from {@code read_index}, over the whole data area. */
    private static long chainBack(RingView data, long r) {
        long size = data.size();
        if (r >= size) {
            return 0;
        }
        TrailerChain chain = new TrailerChain(data, size, r, size);
        long count = 0;
        while (chain.back()) {
            count++;
        }
        return count;
    }

    private static long fromZero(RingView data, long r) {
        return r >= data.size() ? 0 : ForwardFromZero.count(data, r);
    }

    private static long live(RingView data, long r, long w) {
        long size = data.size();
        if (r == w || r >= size || w >= size) {
            return 0;
        }
        long available = RingMath.bytesToRead(r, w, size);
        long cursor = r;
        long count = 0;
        while (available >= PacketDescriptor.MIN_FOOTPRINT) {
            PacketDescriptor d = PacketDescriptor.parse(data, cursor);
            if (!d.plausible() || d.footprint() > available) {
                return -1;
            }
            cursor = data.advance(cursor, d.footprint());
            available -= d.footprint();
            count++;
        }
        return available == 0 ? count : -1;
    }

    private static boolean allZero(RingView data) {
        for (long at = 0; at < data.size(); at += Long.BYTES) {
            if (data.u64(at) != 0) {
                return false;
            }
        }
        return true;
    }
}
