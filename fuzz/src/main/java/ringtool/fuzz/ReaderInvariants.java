package ringtool.fuzz;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingMath;
import ringtool.core.history.History;
import ringtool.core.model.Linux411Model;
import ringtool.core.model.Linux514Model;
import ringtool.core.model.ModelRead;
import ringtool.core.model.ModelResult;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.core.walk.WalkStep;

/**
 * The reader's promises about any input, checked on its report: the strict walk, the reader models and the
 * history walk stay bounded and inside the data area, in ring order, and every finding points inside the input.
 */
final class ReaderInvariants {

    private ReaderInvariants() {
    }

    /** Every promise, over the report of an input of {@code fileSize} bytes. */
    static void check(InputReport report, long fileSize) {
        if (report.error() != null && !report.rings().isEmpty()) {
            throw new InvariantViolation("a report with an error also has " + report.rings().size() + " ring(s)");
        }
        for (Finding f : report.findings()) {
            checkFileRange(f, fileSize);
        }
        for (RingReport ring : report.rings()) {
            checkRing(ring, fileSize);
            checkModels(ring, fileSize);
            checkHistory(ring);
        }
    }

    /**
     * The walk's promises: it ends within {@code data_size / 24} steps (plus the step that reports why it stopped),
     * packets come in ring order, each starting where the previous one's trailer ended, none beyond the bytes
     * between the start and the write index, and every offset lies inside the data area.
     */
    static void checkRing(RingReport ring, long fileSize) {
        long dataSize = ring.dataSize();
        long dataStart = ring.fileOffset() + ring.headerSize();
        if (dataSize < 0 || dataStart + dataSize > fileSize) {
            throw new InvariantViolation("ring " + ring.name() + " frames " + dataSize + " data bytes at " + dataStart
                    + " in a " + fileSize + "-byte input");
        }
        long write = ring.header().writeIndex();
        long start = ring.start();
        boolean walkable = dataSize > 0 && start >= 0 && start < dataSize && write < dataSize;
        long available = walkable ? RingMath.bytesToRead(start, write, dataSize) : 0;
        long maxSteps = dataSize / PacketDescriptor.MIN_FOOTPRINT + 1;
        long steps = 0;
        long index = 0;
        long next = start;
        long consumed = 0;
        for (Finding f : ring.headerFindings()) {
            checkFinding(f, ring, fileSize);
        }
        for (WalkStep step : ring.steps()) {
            if (++steps > maxSteps) {
                throw new InvariantViolation("walk of " + ring.name() + " did not end within " + maxSteps
                        + " steps (data_size " + dataSize + " / 24, plus the final step)");
            }
            Packet p = step instanceof WalkStep.PacketStep read ? read.packet() : null;
            if (p != null) {
                if (p.index() != index) {
                    throw new InvariantViolation("packet numbered " + p.index() + " where " + index + " was due");
                }
                if (p.offset() != next) {
                    throw new InvariantViolation("packet " + index + " at " + p.offset() + ", but the previous one"
                            + " ended at " + next + " (out of ring order or overlapping)");
                }
                checkPlace("packet " + index, p, dataStart, dataSize);
                long footprint = p.descriptor().footprint();
                consumed += footprint;
                if (consumed > available) {
                    throw new InvariantViolation("packets take " + consumed + " bytes, but only " + available
                            + " lie between the start " + start + " and the write index " + write);
                }
                if (p.payloadLength() < 0 || p.payloadLength() > p.paddedPayloadLength()) {
                    throw new InvariantViolation("packet " + index + " payload length " + p.payloadLength()
                            + " outside 0.." + p.paddedPayloadLength());
                }
                next = (p.offset() + footprint) % dataSize;
                index++;
            }
            for (Finding f : step.findings()) {
                checkFinding(f, ring, fileSize);
            }
        }
        if (walkable && consumed == available && available > 0 && next != write) {
            throw new InvariantViolation("walk consumed every byte to the write index " + write + " but ended at "
                    + next);
        }
    }

    /**
     * The reader models' promises: each stops within {@code min(data_size / 4 + 2, 2^20)} reads, numbers its reads
     * from 0 and counts them in its end, reads inside the data area (linux-4.4, OpenVMM) or its double mapping (the
     * in-place iterators of linux-4.11 and linux-5.14), ties a read to a
     * strict packet only where that packet starts with that len8, and reports each rule at most once, under its
     * own name.
     */
    static void checkModels(RingReport ring, long fileSize) {
        if (!ring.hasModels()) {
            return;
        }
        long dataSize = ring.dataSize();
        long limit = Math.min(dataSize / 4 + 2, 1L << 20);
        Map<Long, Packet> strict = new HashMap<>();
        for (Packet p : ring.packets()) {
            strict.put(p.offset(), p);
        }
        for (ModelResult m : ring.modelResults()) {
            String who = "model " + m.model() + " on " + ring.name();
            boolean mapped = m.model().equals(Linux411Model.NAME) || m.model().equals(Linux514Model.NAME);
            List<ModelRead> reads = m.reads();
            if (reads.size() > limit) {
                throw new InvariantViolation(who + " made " + reads.size() + " reads, beyond its limit of " + limit);
            }
            if (m.end() == null || m.end().reads() != reads.size()) {
                throw new InvariantViolation(who + " ends with " + (m.end() == null ? "no end" : m.end().reads()
                        + " reads counted") + " after " + reads.size() + " reads");
            }
            for (int i = 0; i < reads.size(); i++) {
                ModelRead r = reads.get(i);
                if (r.step() != i) {
                    throw new InvariantViolation(who + " numbers read " + i + " as " + r.step());
                }
                // The others read modulo the data size: a descriptor may straddle its end but not start past it.
                boolean outside = mapped ? r.offset() + PacketDescriptor.SIZE > 2 * dataSize : r.offset() >= dataSize;
                if (r.offset() < 0 || outside) {
                    throw new InvariantViolation(who + " reads a descriptor at " + r.offset() + ", outside the "
                            + (mapped ? "double mapping of a " : "") + dataSize + "-byte data area");
                }
                if (r.bytes() != (long) r.len8() * PacketDescriptor.ALIGNMENT) {
                    throw new InvariantViolation(who + " read " + i + " counts " + r.bytes() + " bytes for len8 "
                            + r.len8());
                }
                Packet p = r.strictPacket() == null ? null : strict.get(r.offset());
                if (r.strictPacket() != null && (p == null || p.index() != r.strictPacket()
                        || p.descriptor().len8() != r.len8())) {
                    throw new InvariantViolation(who + " ties read " + i + " at " + r.offset() + " to strict packet "
                            + r.strictPacket() + ", which does not start there with len8 " + r.len8());
                }
            }
            Set<String> rules = new HashSet<>();
            for (Finding f : m.findings()) {
                if (!m.model().equals(f.model())) {
                    throw new InvariantViolation(who + " reports " + f.rule().id() + " under model " + f.model());
                }
                if (!rules.add(f.rule().id())) {
                    throw new InvariantViolation(who + " reports " + f.rule().id() + " more than once");
                }
                checkFinding(f, ring, fileSize);
            }
        }
    }

    /**
     * The history walk's promises: at most {@code data_size / 24} consumed packets, numbered -n..-1, back to back in
     * ring order and ending exactly at the start cursor, all inside the data area and clear of the live bytes, and
     * a reason why it stopped.
     */
    static void checkHistory(RingReport ring) {
        if (!ring.hasHistory()) {
            return;
        }
        History h = ring.consumed();
        if (h == null || h.stop() == null || h.stop().reason() == null || h.stop().reason().isEmpty()) {
            throw new InvariantViolation("history of " + ring.name() + " has no reason why it stopped");
        }
        List<Packet> packets = h.packets();
        if (packets.isEmpty()) {
            return;
        }
        long dataSize = ring.dataSize();
        long n = packets.size();
        if (n > dataSize / PacketDescriptor.MIN_FOOTPRINT) {
            throw new InvariantViolation("history of " + ring.name() + " recovers " + n + " packets from a "
                    + dataSize + "-byte data area (at most data_size / 24)");
        }
        long dataStart = ring.fileOffset() + ring.headerSize();
        long footprints = 0;
        for (int i = 0; i < n; i++) {
            Packet p = packets.get(i);
            String what = "consumed packet " + p.index();
            if (p.index() != i - n) {
                throw new InvariantViolation(what + " where " + (i - n) + " was due");
            }
            checkPlace(what, p, dataStart, dataSize);
            if (p.offset() % PacketDescriptor.ALIGNMENT != 0) {
                throw new InvariantViolation(what + " at data offset " + p.offset() + ", not 8-aligned");
            }
            long footprint = p.descriptor().footprint();
            footprints += footprint;
            long end = (p.offset() + footprint) % dataSize;
            long due = i + 1 < n ? packets.get(i + 1).offset() : ring.start();
            if (end != due) {
                throw new InvariantViolation(what + " ends at " + end + ", not at " + due
                        + (i + 1 < n ? ", where the next consumed packet starts" : ", the start cursor"));
            }
        }
        long live = RingMath.bytesToRead(ring.start(), ring.header().writeIndex(), dataSize);
        if (footprints > dataSize - live) {
            throw new InvariantViolation("history of " + ring.name() + " takes " + footprints + " bytes, but only "
                    + (dataSize - live) + " lie outside the live data");
        }
    }

    private static void checkFinding(Finding f, RingReport ring, long fileSize) {
        checkFileRange(f, fileSize);
        if (f.offset() != null) {
            checkOffset("finding " + f.rule().id(), f.offset(), ring.dataSize());
            long expected = ring.fileOffset() + ring.headerSize() + f.offset();
            if (f.fileOffset() != null && f.fileOffset() != expected) {
                throw new InvariantViolation("finding " + f.rule().id() + " at data offset " + f.offset()
                        + " names file offset " + f.fileOffset() + ", expected " + expected);
            }
        }
    }

    private static void checkFileRange(Finding f, long fileSize) {
        if (f.fileOffset() != null && (f.fileOffset() < 0 || f.fileOffset() >= fileSize)) {
            throw new InvariantViolation("finding " + f.rule().id() + " points at file offset " + f.fileOffset()
                    + " outside the " + fileSize + "-byte input");
        }
        if (f.length() != null && f.length() < 0) {
            throw new InvariantViolation("finding " + f.rule().id() + " has a negative length " + f.length());
        }
        if (f.packet() != null && f.packet() < 0) {
            throw new InvariantViolation("finding " + f.rule().id() + " names packet " + f.packet());
        }
    }

    /**
     * Where a packet, live or consumed, says it lies: inside the data area, at the data area's start plus its offset
     * in the file, and {@code wraps} exactly when it or its trailer crosses the end.
     */
    private static void checkPlace(String what, Packet p, long dataStart, long dataSize) {
        checkOffset(what, p.offset(), dataSize);
        if (p.fileOffset() != dataStart + p.offset()) {
            throw new InvariantViolation(what + " file offset " + p.fileOffset() + " is not data start " + dataStart
                    + " + offset " + p.offset());
        }
        boolean wraps = p.offset() + p.descriptor().footprint() > dataSize;
        if (p.wraps() != wraps) {
            throw new InvariantViolation(what + " wraps=" + p.wraps() + ", expected " + wraps);
        }
    }

    private static void checkOffset(String what, long offset, long dataSize) {
        if (offset < 0 || offset >= dataSize) {
            throw new InvariantViolation(what + " at data offset " + offset + " outside a " + dataSize
                    + "-byte data area");
        }
    }

}
