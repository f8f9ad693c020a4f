package ringtool.core.model;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingMath;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.RingView;

/**
 * The bookkeeping every model shares: the reads so far, the offsets already read (a deterministic reader that
 * reads an offset twice spins forever), the live region of the strict walk, and the findings. A behaviour met
 * many times (a ghost loop clamps every read) gives one finding at its first occurrence with the count, so a
 * model's findings stay few whatever the ring size.
 */
final class ModelRun {

    final RingSnapshot ring;
    final RingView view;
    final long dataSize;
    final long start;
    final long write;
    private final String model;
    private final Long pktBufferSize;
    private final StrictPackets strict;
    private final long liveBytes;
    private final long coveredBytes;
    private final boolean liveKnown;
    private final long limit;
    private final ModelReads reads;
    /** Dropped when the run ends: its result keeps the reads, not the offsets visited. */
    private VisitedOffsets visited;
    private final Map<Rule, Occurrence> occurrences = new LinkedHashMap<>();

    private static final class Occurrence {
        final Finding first;
        long count = 1;

        Occurrence(Finding first) {
            this.first = first;
        }
    }

    ModelRun(String model, Long pktBufferSize, RingSnapshot ring, long start, StrictPackets strict) {
        this.model = model;
        this.pktBufferSize = pktBufferSize;
        this.ring = ring;
        this.view = ring.data();
        this.dataSize = ring.dataSize();
        this.start = start;
        this.write = ring.header().writeIndex();
        this.strict = strict;
        this.liveKnown = ring.indexInRange(start) && ring.indexInRange(write);
        this.liveBytes = liveKnown ? RingMath.bytesToRead(start, write, dataSize) : 0;
        this.limit = stepLimit(dataSize);
        this.coveredBytes = strict.covered();
        this.reads = new ModelReads(this);
        this.visited = new VisitedOffsets(2 * dataSize);
    }

    /** Reads kept per model at most, whatever the data size: 12 MiB of reads, and the visited offsets while it runs. */
    static final long MAX_STEPS = 1L << 20;

    /**
     * Every read moves the cursor by a multiple of 8 bytes and a cursor that can still be read from stays below
     * twice the data size (a linux-4.11 cursor can be left beyond it once), so a reader repeats an offset within
     * {@code data_size / 4} reads; the limit is that, capped at {@link #MAX_STEPS} for rings of more than 4 MiB,
     * where the end says the limit was reached.
     */
    static long stepLimit(long dataSize) {
        return Math.min(dataSize / 4 + 2, MAX_STEPS);
    }

    /** {@code hv_pkt_iter_avail} / {@code hv_get_bytes_to_read} in the kernel's u32 arithmetic. */
    long available(long cursor) {
        return RingMath.bytesToRead(RingMath.u32(cursor), write, dataSize);
    }

    /** No data area, or one too small for a descriptor: no reader gets as far as reading one. */
    boolean noData() {
        return view == null || dataSize < PacketDescriptor.SIZE;
    }

    /** Records the cursor; false when it was read before. */
    boolean firstVisit(long cursor) {
        return visited.add(cursor);
    }

    boolean limitReached() {
        return reads.size() >= limit;
    }

    boolean beyondWriteIndex(long offset) {
        if (!liveKnown) {
            return false;
        }
        if (offset >= dataSize) {
            return true;
        }
        return Math.floorMod(offset - start, dataSize) >= liveBytes;
    }

    /** The index of the strict walk's packet at this offset, whatever its len8, or -1. */
    long strictAt(long offset) {
        return strict.indexAt(offset);
    }

    /** The strict walk's packet index for a read of {@code len8} at {@code cursor}, or null. */
    Long strictPacket(long cursor, int len8) {
        long p = strictAt(cursor);
        return p >= 0 && strict.len8At(cursor) == len8 ? p : null;
    }

    /**
     * A read at {@code cursor} with the offset8 and len8 the reader used; type, flags and transaction id are the
     * descriptor's there.
     */
    ModelRead read(long cursor, int offset8, int len8) {
        return reads.add(cursor, offset8, len8);
    }

    long readCount() {
        return reads.size();
    }

    /**
     * Whether {@code rule} is met for the first time in this run; a repeat is counted here instead. A read loop asks
     * before it builds a message, which a ghost loop would otherwise build on every read for nothing.
     */
    boolean fresh(Rule rule) {
        Occurrence o = occurrences.get(rule);
        if (o == null) {
            return true;
        }
        o.count++;
        return false;
    }

    /** A behaviour at a data-area offset (taken modulo the data size for the file offset). */
    void finding(Rule rule, String message, long offset, long length) {
        Occurrence o = occurrences.get(rule);
        if (o != null) {
            o.count++;
            return;
        }
        long at = dataSize > 0 ? offset % dataSize : offset;
        // A cursor beyond the data area reads bytes of the area again (or none); it is no strict packet's start.
        long p = strictAt(offset);
        occurrences.put(rule, new Occurrence(Finding.of(rule, message).at(at).file(ring.dataFileOffset(at), length)
                .inPacket(p < 0 ? null : p).byModel(model)));
    }

    /**
     * The shared judgement of a read against the strict walk: stale bytes beyond the write index, or a descriptor
     * inside the stretch the strict walk parsed (its packets lie back to back from the start) where it has no
     * packet. Past the point where the strict walk stopped nobody knows where packets start, so no desync is
     * claimed there.
     */
    void judge(ModelRead r, Rule ghost, Rule desync) {
        if (r.beyondWriteIndex()) {
            if (fresh(ghost)) {
                finding(ghost, "reads stale bytes at " + hex(r.offset()) + " beyond the write index " + hex(write)
                        + " as a packet (type " + hex(r.type()) + ", len8 " + r.len8() + ")", r.offset(),
                        PacketDescriptor.SIZE);
            }
        } else if (desync != null && liveKnown && strictAt(r.offset()) < 0
                && Math.floorMod(r.offset() - start, dataSize) < coveredBytes && fresh(desync)) {
            finding(desync, "reads a descriptor at " + hex(r.offset()) + " inside a packet of the strict walk"
                    + " (type " + hex(r.type()) + ", offset8 " + r.offset8() + ", len8 " + r.len8() + ")", r.offset(),
                    PacketDescriptor.SIZE);
        }
    }

    ModelResult end(EndReason reason, long cursor, String detail) {
        visited = null;
        List<Finding> findings = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences.values()) {
            Finding f = o.first;
            String message = o.count == 1 ? f.message() : f.message() + " (first of " + o.count + " reads)";
            findings.add(f.withMessage(message));
        }
        return new ModelResult(model, pktBufferSize, reads, new ModelEnd(reason, cursor, reads.size(), detail),
                findings);
    }

    /** The end every model reaches on a cursor it read before, or at the step limit. */
    /**
     * The checks an iterator over the double mapping (linux-4.11, linux-5.14) makes before it reads a descriptor at
     * {@code cursor}: caught up, back at an offset it read (or out of steps), or the descriptor past the mapping.
     *
     * @return how the run ends there, or null when the descriptor can be read
     */
    ModelResult beforeMappedDescriptor(long cursor, Rule loop, Rule pastMapping) {
        long avail = available(cursor);
        if (avail < PacketDescriptor.SIZE) {
            return caughtUp(cursor, avail);
        }
        if (!firstVisit(cursor) || limitReached()) {
            return loop(cursor, loop);
        }
        long mapping = 2 * dataSize;
        // Subtracted, not added: a --read-index near 2^63 would overflow the sum and read on.
        if (cursor > mapping - PacketDescriptor.SIZE) {
            finding(pastMapping, "reads a descriptor at " + hex(cursor) + ", past the double mapping of "
                    + hex(mapping) + " bytes", cursor, PacketDescriptor.SIZE);
            return end(EndReason.FAULT, cursor, "descriptor at " + hex(cursor) + " lies past the double mapping");
        }
        return null;
    }

    ModelResult loop(long cursor, Rule rule) {
        if (limitReached()) {
            return end(EndReason.LOOP, cursor, "stopped at the step limit of " + limit + " reads without having caught"
                    + " up or repeated an offset");
        }
        finding(rule, "comes back to " + hex(cursor) + " after " + reads.size() + " reads and would spin forever",
                cursor, PacketDescriptor.SIZE);
        return end(EndReason.LOOP, cursor, "back at " + hex(cursor) + ", already read: the reader spins forever");
    }

    ModelResult caughtUp(long cursor, long available) {
        return end(EndReason.CAUGHT_UP, cursor, available + " bytes available, fewer than a 16-byte descriptor");
    }

    ModelResult noDataArea(long cursor) {
        return end(EndReason.CAUGHT_UP, cursor, view == null ? "no data area: nothing to read"
                : "a data area of " + dataSize + " bytes cannot hold a 16-byte descriptor: nothing to read");
    }
}
