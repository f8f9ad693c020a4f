package ringtool.core.walk;

import static ringtool.core.rules.Finding.hex64;
import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingMath;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;

/**
 * The strict walk: from the start cursor to the write index, one packet at a time, every rule of
 * {@code docs/rules.md} §3 checked, nothing clamped and nothing guessed. A descriptor that breaks a length or
 * offset rule ends the walk there, because after it nobody knows where the next packet starts.
 *
 * <p>The walk is lazy (one {@link WalkStep} per {@link Iterator#next()}) and can be repeated: each
 * {@link #iterator()} starts again from the cursor, so a writer can stream packets in one pass and findings in
 * another without holding either in memory. Every step consumes at least {@link PacketDescriptor#MIN_FOOTPRINT}
 * bytes of the bytes available, so a walk has at most {@code data_size / 24} steps.
 *
 * <p>A short walk (at most {@link #MEMO_BYTES} to read) is kept after its first complete pass and replayed: the
 * writers, the summary and the fuzz harness each take a pass, and a small ring is the common case. What it keeps
 * is bounded by those bytes (every packet, range and PFN is at least 8 of them), so a ring of any size costs at
 * most that much memory; a longer walk stays lazy and is redone on every pass.
 */
public final class StrictWalk implements Iterable<WalkStep> {

    /**
     * The rules whose finding ends the walk: too few bytes before the write index for a packet, or a descriptor whose
     * lengths leave the next packet's start unknown ({@code step} and {@code descriptorBreaks} below raise them).
     */
    public static final Set<Rule> STOPPING_RULES = Set.of(Rules.RING_AVAILABLE_TOO_SMALL, Rules.PKT_LEN8_TOO_SMALL,
            Rules.PKT_LEN8_EXCEEDS_AVAILABLE, Rules.PKT_OFFSET8_TOO_SMALL, Rules.PKT_OFFSET8_BEYOND_LEN8);


    /** 64 KiB: at most 2,730 steps. */
    static final long MEMO_BYTES = 64 * 1024;

    private final RingSnapshot ring;
    private final long start;
    private final long available;
    /** Every step of the first complete pass of a short walk; immutable once published. */
    private volatile List<WalkStep> memo;

    /**
     * @param start the cursor: the header's read index, or the guest's private one. A walk starts only when the
     *              start and the write index both lie inside the data area; otherwise it is empty.
     */
    public StrictWalk(RingSnapshot ring, long start) {
        this.ring = ring;
        this.start = start;
        long write = ring.header().writeIndex();
        boolean walkable = ring.data() != null && ring.indexInRange(start) && ring.indexInRange(write);
        this.available = walkable ? RingMath.bytesToRead(start, write, ring.dataSize()) : 0;
    }

    public long start() {
        return start;
    }

    /** Bytes from the start cursor to the write index, or 0 when the ring cannot be walked. */
    public long available() {
        return available;
    }

    @Override
    public Iterator<WalkStep> iterator() {
        List<WalkStep> steps = memo;
        return steps != null ? steps.iterator() : new Cursor();
    }

    private final class Cursor implements Iterator<WalkStep> {
        private final RingView view = ring.data();
        private long cursor = start;
        private long remaining = available;
        private long index;
        private boolean done = available == 0;
        private final List<WalkStep> taken = available <= MEMO_BYTES ? new ArrayList<>() : null;
        /** The findings about the packet being read. */
        private final List<Finding> found = new ArrayList<>();

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public WalkStep next() {
            if (done) {
                throw new NoSuchElementException();
            }
            WalkStep step = step();
            if (taken != null) {
                taken.add(step);
                if (done) {
                    memo = List.copyOf(taken);
                }
            }
            return step;
        }

        private WalkStep step() {
            long at = cursor;
            if (remaining < PacketDescriptor.MIN_FOOTPRINT) {
                done = true;
                return new WalkStep.Stop(List.of(Finding.mismatch(Rules.RING_AVAILABLE_TOO_SMALL,
                        "bytes from the cursor " + hex(at) + " to the write index " + hex(ring.header().writeIndex()),
                        "0 or at least 24", Long.toString(remaining))
                        .at(at).file(ring.dataFileOffset(at), remaining).inPacket(index)));
            }
            PacketDescriptor d = PacketDescriptor.parse(view, at);
            Finding broken = descriptorBreaks(d, at);
            if (broken != null) {
                done = true;
                return new WalkStep.Stop(List.of(broken));
            }
            Packet packet = packet(d, at, found);
            // Most packets have no finding: they share the empty list instead of copying one each.
            List<Finding> findings = found.isEmpty() ? List.of() : List.copyOf(found);
            found.clear();
            cursor = view.advance(at, d.footprint());
            remaining -= d.footprint();
            index++;
            done = remaining == 0;
            return new WalkStep.PacketStep(packet, findings);
        }

        /** The rules whose breach leaves the next packet's start unknown, in the order they are judged. */
        private Finding descriptorBreaks(PacketDescriptor d, long at) {
            int minOffset8 = d.minOffset8();
            if (d.len8() < PacketDescriptor.MIN_LEN8) {
                return descriptorFinding(Rules.PKT_LEN8_TOO_SMALL, "len8" + of(at), ">= " + PacketDescriptor.MIN_LEN8,
                        Integer.toString(d.len8()), at);
            }
            if (d.footprint() > remaining) {
                return descriptorFinding(Rules.PKT_LEN8_EXCEEDS_AVAILABLE, "len8" + of(at),
                        "len8 * 8 + 8 <= " + remaining + " (the bytes left to the write index)",
                        d.len8() + " (" + d.footprint() + " bytes with the trailer)", at);
            }
            if (d.offset8() < minOffset8) {
                String why = PacketType.hasExtendedHeader(d.type())
                        ? " (type " + d.type() + " carries an 8-byte extended header)" : "";
                return descriptorFinding(Rules.PKT_OFFSET8_TOO_SMALL, "offset8" + of(at), ">= " + minOffset8 + why,
                        Integer.toString(d.offset8()), at);
            }
            if (d.offset8() > d.len8()) {
                return descriptorFinding(Rules.PKT_OFFSET8_BEYOND_LEN8, "offset8" + of(at), "<= len8 " + d.len8(),
                        Integer.toString(d.offset8()), at);
            }
            return null;
        }

        private Finding descriptorFinding(Rule rule, String subject, String expected,
                                          String actual, long at) {
            return Finding.mismatch(rule, subject, expected, actual)
                    .at(at).file(ring.dataFileOffset(at), (long) PacketDescriptor.SIZE).inPacket(index);
        }

        private Packet packet(PacketDescriptor d, long at, List<Finding> findings) {
            if (!d.typeKnown()) {
                findings.add(descriptorFinding(Rules.PKT_TYPE_UNKNOWN, "type" + of(at), "0x1 to 0xd", hex(d.type()), at));
            }
            if (!d.flagsKnown()) {
                findings.add(descriptorFinding(Rules.PKT_FLAGS_UNKNOWN, "flags" + of(at), "0x0 or 0x1", hex(d.flags()), at));
            }
            PacketExtension extension = switch (d.type()) {
                case PacketType.DATA_USING_XFER_PAGES -> transferPages(d, at, findings);
                case PacketType.DATA_USING_GPA_DIRECT -> gpaDirect(d, at, findings);
                default -> null;
            };
            long trailerAt = view.advance(at, d.lengthBytes());
            long trailer = view.u64(trailerAt);
            checkTrailer(trailer, at, trailerAt, findings);
            boolean wraps = at + d.footprint() > ring.dataSize();
            return new Packet(index, at, ring.dataFileOffset(at), d, d.payloadLength(view, at), trailer, wraps,
                    extension);
        }

        private void checkTrailer(long trailer, long at, long trailerAt, List<Finding> findings) {
            long expected = PacketDescriptor.expectedTrailer(at);
            if (trailer == expected) {
                return;
            }
            Long fileOffset = ring.dataFileOffset(trailerAt);
            Long length = (long) PacketDescriptor.TRAILER_SIZE;
            if (trailer == 0) {
                findings.add(Finding.mismatch(Rules.PKT_TRAILER_ZERO, "trailer at " + hex(trailerAt), hex64(expected),
                        hex64(trailer)).at(trailerAt).file(fileOffset, length).inPacket(index));
            } else {
                findings.add(Finding.mismatch(Rules.PKT_TRAILER_MISMATCH, "trailer at " + hex(trailerAt),
                        hex64(expected), hex64(trailer)).at(trailerAt).file(fileOffset, length).inPacket(index));
            }
        }

        private PacketExtension transferPages(PacketDescriptor d, long at, List<Finding> findings) {
            TransferPageHeader header = TransferPageHeader.parse(view, at);
            long room = d.payloadOffset() - TransferPageHeader.RANGES_OFFSET;
            long fit = room / TransferPageRange.SIZE;
            if (header.rangeCount() > fit) {
                long fieldAt = view.advance(at, TransferPageHeader.RANGE_COUNT_OFFSET);
                findings.add(Finding.mismatch(Rules.PKT_XFER_RANGE_COUNT_OVERFLOW,
                        "range_count of the transfer-page packet at " + hex(at),
                        "<= " + fit + " (24 + range_count * 8 <= offset8 * 8 = " + d.payloadOffset() + ")",
                        Long.toString(header.rangeCount()))
                                .at(fieldAt).file(ring.dataFileOffset(fieldAt), 4L).inPacket(index));
            }
            long count = Math.min(header.rangeCount(), fit);
            List<TransferPageRange> ranges = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                ranges.add(TransferPageRange.parse(view, at + TransferPageHeader.RANGES_OFFSET + i * TransferPageRange.SIZE));
            }
            return new PacketExtension.TransferPages(header, ranges);
        }

        private PacketExtension gpaDirect(PacketDescriptor d, long at, List<Finding> findings) {
            GpaDirectHeader header = GpaDirectHeader.parse(view, at);
            List<GpaRange> ranges = new ArrayList<>();
            if (header.rangeCount() == 0) {
                long fieldAt = view.advance(at, GpaDirectHeader.RANGE_COUNT_OFFSET);
                findings.add(Finding.mismatch(Rules.PKT_GPA_RANGE_COUNT_ZERO,
                        "range_count of the GPA-direct packet at " + hex(at), ">= 1", "0")
                        .at(fieldAt).file(ring.dataFileOffset(fieldAt), 4L).inPacket(index));
                return new PacketExtension.GpaDirect(header, ranges);
            }
            long pos = GpaDirectHeader.RANGES_OFFSET;
            long end = d.payloadOffset();
            for (long i = 0; i < header.rangeCount(); i++) {
                long rangeAt = view.advance(at, pos);
                if (end - pos < GpaRange.PFN_ARRAY_OFFSET) {
                    findings.add(gpaFinding("GPA range " + i + of(at), "a range header before the payload at +" + end,
                            (end - pos) + " bytes left", rangeAt, Math.max(0, end - pos)));
                    break;
                }
                GpaRange range = GpaRange.parse(view, at + pos, end - pos);
                String problem = null;
                String expected = null;
                if (range.byteCount() == 0) {
                    expected = "byte_count > 0";
                    problem = "0";
                } else if (range.byteOffset() > GpaRange.MAX_BYTE_OFFSET) {
                    expected = "byte_offset <= 0xfff";
                    problem = hex(range.byteOffset());
                } else if (!range.complete()) {
                    expected = range.pagesSpanned() + " PFNs (the pages it spans)";
                    problem = range.pfns().size() + " before the payload";
                }
                if (problem != null) {
                    findings.add(gpaFinding("GPA range " + i + of(at), expected, problem, rangeAt, range.size()));
                    break;
                }
                ranges.add(range);
                pos += range.size();
            }
            return new PacketExtension.GpaDirect(header, ranges);
        }

        /** Built only when a finding is made: the walk of a healthy ring builds no strings. */
        private static String of(long at) {
            return " of the packet at " + hex(at);
        }

        private Finding gpaFinding(String subject, String expected, String actual, long rangeAt, long length) {
            return Finding.mismatch(Rules.PKT_GPA_RANGE_INVALID, subject, expected, actual)
                    .at(rangeAt).file(ring.dataFileOffset(rangeAt), length == 0 ? null : length).inPacket(index);
        }
    }
}
