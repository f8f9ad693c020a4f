package ringtool.core.model;

import static ringtool.core.rules.Finding.hex;

import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * OpenVMM's incoming ring ({@code vmbus_ring/src/lib.rs}, {@code docs/readers.md} §6.1): both indices validated,
 * then per packet the checks of {@code parse_packet} in its order, the first failure returned as its error kind.
 * Its one gap is kept: the length check is {@code available < len8 * 8} without the trailer, so a packet that
 * exactly fills the available bytes is accepted and the cursor lands 8 bytes past the write index.
 */
public final class OpenVmmModel implements ReaderModel {

    public static final String NAME = "openvmm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelResult run(RingSnapshot ring, long start, StrictPackets strict) {
        ModelRun run = new ModelRun(NAME, null, ring, start, strict);
        long out = start;
        long size = run.dataSize;
        if (run.noData()) {
            return run.noDataArea(out);
        }
        if (size % 4096 != 0) {
            return rejected(run, out, "InvalidRingMemory", "data size " + size + " is not a multiple of 4096");
        }
        if (!validPointer(run.write, size)) {
            return rejected(run, out, "InvalidRingPointer", "write_index (in) " + hex(run.write)
                    + " is not an 8-aligned offset below " + hex(size));
        }
        if (!validPointer(out, size)) {
            return rejected(run, out, "InvalidRingPointer", "read_index (out) " + hex(out)
                    + " is not an 8-aligned offset below " + hex(size));
        }
        long in = run.write;
        while (true) {
            if (out == in) {
                return run.end(EndReason.CAUGHT_UP, out, "in == out: the ring is empty");
            }
            long avail = in > out ? in - out : size + in - out;
            if (avail < PacketDescriptor.SIZE) {
                return rejected(run, out, "InvalidDataAvailable", avail + " bytes available, fewer than a descriptor");
            }
            if (!run.firstVisit(out) || run.limitReached()) {
                return run.loop(out, Rules.MODEL_OPENVMM_LOOP);
            }
            PacketDescriptor d = PacketDescriptor.parse(run.view, out);
            Rejection error = check(d, run, out, avail);
            if (error != null) {
                return rejected(run, out, error.kind(), error.why());
            }
            ModelRead r = run.read(out, d.offset8(), d.len8());
            run.judge(r, Rules.MODEL_OPENVMM_GHOST_PACKET, null);
            if (!r.beyondWriteIndex() && d.lengthBytes() == avail && run.fresh(Rules.MODEL_OPENVMM_EXACT_FILL)) {
                run.finding(Rules.MODEL_OPENVMM_EXACT_FILL, "accepts the packet at " + hex(out) + " whose " + avail
                        + " bytes exactly fill the available bytes (no room for its trailer): the cursor lands 8 bytes"
                        + " past the write index " + hex(in), out, PacketDescriptor.SIZE);
            }
            out += d.footprint();
            if (out >= size) {
                out -= size;
            }
        }
    }

    /** {@code InnerRing::validate}. */
    private static boolean validPointer(long p, long size) {
        return RingHeader.indexInside(p, size) && RingHeader.indexAligned(p);
    }

    private record Rejection(String kind, String why) {
    }

    /** The first error kind {@code parse_packet} returns, or null. */
    private static Rejection check(PacketDescriptor d, ModelRun run, long at, long avail) {
        if (d.len8() < d.offset8() || d.offset8() < 2 || avail < d.lengthBytes()) {
            return new Rejection("InvalidDescriptorLengths", "offset8 " + d.offset8() + ", len8 " + d.len8() + " with "
                    + avail + " bytes available");
        }
        if (!d.flagsKnown()) {
            return new Rejection("InvalidDescriptorFlags", "flags " + hex(d.flags()));
        }
        int t = d.type();
        if (t != PacketType.DATA_INBAND && t != PacketType.DATA_USING_XFER_PAGES && t != PacketType.DATA_USING_GPA_DIRECT
                && t != PacketType.COMP) {
            return new Rejection("InvalidDescriptorType", "type " + hex(t));
        }
        if (d.offset8() < d.minOffset8()) {
            return new Rejection("InvalidDescriptorLengths", "type " + t + " with offset8 " + d.offset8()
                    + " has no room for its extended header");
        }
        if (t == PacketType.DATA_USING_GPA_DIRECT && GpaDirectHeader.parse(run.view, at).rangeCount() == 0) {
            return new Rejection("InvalidDescriptorGpaDirectRangeCount", "range_count 0");
        }
        return null;
    }

    private static ModelResult rejected(ModelRun run, long cursor, String kind, String why) {
        run.finding(Rules.MODEL_OPENVMM_REJECTED, "returns " + kind + " at " + hex(cursor) + ": " + why, cursor,
                PacketDescriptor.SIZE);
        return run.end(EndReason.REJECTED, cursor, kind + ": " + why);
    }
}
