package ringtool.core.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.history.History;
import ringtool.core.history.HistoryWalk;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingView;

/**
 * The inverse of {@link Synthesizer}: describes a dump as the packets its strict walk finds, the header fields that
 * differ from what the Linux writer leaves, and byte patches for everything else (stale bytes, reserved fields,
 * whatever the walk stopped at), so that synthesizing the description gives back the same bytes.
 *
 * <p>The description is handed to a {@link DescriptionSink} as it is found, and the ring it describes is rebuilt
 * through the same {@link Synthesizer} code a packet at a time, compared with the dump as it is written rather than
 * kept ({@link Rebuilt}): memory stays the same for a ring of any size.
 */
public final class Describer {

    /** Differences closer than this are one patch: fewer, longer lines in the description. */
    private static final int PATCH_GAP = 16;

    private Describer() {
    }

    /** A small dump's description, in memory; checked to rebuild the dump. */
    public static DumpDescription describe(byte[] dump, FramingOptions framing) throws SynthException {
        Collected collected = new Collected();
        try {
            describe(ByteSource.of(dump), framing, collected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DumpDescription result = collected.result;
        if (!Arrays.equals(Synthesizer.write(result), dump)) {
            throw new IllegalStateException("the description does not rebuild the dump");
        }
        return result;
    }

    /** Hands the description of {@code dump} to {@code sink}, once the dump is known to be describable. */
    public static void describe(ByteSource dump, FramingOptions framing, DescriptionSink sink)
            throws SynthException, IOException {
        InputReport report = new Inspector(framing, null).inspect("dump", dump);
        if (report.error() != null) {
            throw new SynthException(report.error());
        }
        List<RingReport> rings = report.rings();
        long headerSize = rings.get(0).headerSize();
        String layout = report.layout();
        long total = Synthesizer.fileSize(Synthesizer.layout(layout), headerSize,
                rings.stream().mapToLong(RingReport::dataSize).toArray(), false);
        if (total != dump.size()) {
            throw new SynthException("cannot describe a dump of " + dump.size() + " bytes as " + layout
                    + " rings (they take " + total + ")");
        }
        sink.begin(layout, headerSize == RingHeader.HOST_PAGE_SIZE ? null : headerSize);
        for (int i = 0; i < rings.size(); i++) {
            ring(rings.get(i), Synthesizer.ringName(Synthesizer.layout(layout), i), dump, sink);
        }
        if ("double-mapped".equals(layout)) {
            RingReport ring = rings.get(0);
            long first = ring.fileOffset() + ring.headerSize();
            long ds = ring.dataSize();
            patches(DescriptionSink.Patches.SECOND_COPY, ds, from -> {
                long at = dump.mismatch(first + from, first + ds + from, ds - from);
                return at < 0 ? ds : from + at;
            }, dump, first + ds, sink);
        }
        sink.end();
    }

    private static void ring(RingReport ring, String name, ByteSource dump, DescriptionSink sink)
            throws SynthException, IOException {
        long ds = ring.dataSize();
        RingHeader h = ring.header();
        long start = ring.start();
        boolean walkable = ds % PacketDescriptor.ALIGNMENT == 0 && RingHeader.indexInside(start, ds)
                && RingHeader.indexAligned(start);
        long cursor = walkable ? start : 0;
        long first = cursor;
        long pending = 0;
        History history = null;
        if (walkable) {
            // Counted first, as the header's write index is written before the packets.
            long used = 0;
            for (Packet p : ring.packets()) {
                PacketDescriptor d = p.descriptor();
                if (p.offset() != cursor || used + d.footprint() > ds - PacketDescriptor.ALIGNMENT) {
                    break;
                }
                used += d.footprint();
                cursor = (cursor + d.footprint()) % ds;
                pending++;
            }
            // Packets already read lie behind the read index: the walk back of --history finds them.
            history = HistoryWalk.walk(ring.snapshot(), start);
            first = history.stop().offset();
        }
        long readIndex = walkable ? start : 0;
        HeaderFields fields = new HeaderFields(
                h.writeIndex() == cursor ? null : h.writeIndex(),
                h.readIndex() == readIndex ? null : h.readIndex(),
                h.interruptMask() == 0 ? null : h.interruptMask(),
                h.pendingSendSize() == 0 ? null : h.pendingSendSize(),
                h.featureBits() == RingHeader.FEATURE_PENDING_SEND_SIZE ? null : h.featureBits());
        HeaderFields header = fields.equals(HeaderFields.DEFAULTS) ? null : fields;
        Long firstOffset = first != 0 ? first : null;
        sink.ring(ds, firstOffset, header);
        int hs = (int) ring.headerSize();
        Rebuilt rebuilt = new Rebuilt(dump, ring.fileOffset(), hs, ds);
        Synthesizer.DescribedRing draft = new Synthesizer.DescribedRing(name, new RingWriter(rebuilt, hs, ds), hs);
        draft.start(firstOffset);
        if (walkable) {
            RingView view = ring.snapshot().data();
            for (Packet p : history.packets()) {
                PacketDescriptor d = p.descriptor();
                emit(packet(d, read(view, p.offset(), d), p.payloadLength(), null, "consumed"), draft, sink);
            }
            long n = 0;
            for (Packet p : ring.packets()) {
                if (n++ == pending) {
                    break;
                }
                PacketDescriptor d = p.descriptor();
                Damage damage = p.trailer() == PacketDescriptor.expectedTrailer(p.offset()) ? null
                        : new Damage(null, null, null, null, p.trailer(), null);
                emit(packet(d, read(view, p.offset(), d), p.payloadLength(), damage, null), draft, sink);
            }
        }
        draft.finish(header, null, null);
        long base = ring.fileOffset();
        patches(DescriptionSink.Patches.HEADER, hs, rebuilt::nextHeaderDifference, dump, base, sink);
        rebuilt.sort();
        patches(DescriptionSink.Patches.DATA, ds, rebuilt::nextDataDifference, dump, base + hs, sink);
        sink.endRing();
    }

    private static void emit(PacketDescription p, Synthesizer.DescribedRing draft, DescriptionSink sink)
            throws SynthException, IOException {
        draft.add(p);
        sink.packet(p);
    }

    /** The first offset at or after {@code from} where the dump and the rebuilt bytes differ, or the length. */
    private interface Differences {
        long next(long from);
    }

    /**
     * Patches of the dump's bytes wherever they differ from the rebuilt ones in {@code [0, length)}, in ascending
     * order; differences fewer than {@link #PATCH_GAP} bytes apart are one patch.
     */
    private static void patches(DescriptionSink.Patches list, long length, Differences differences, ByteSource dump,
                                long fileOffset, DescriptionSink sink) throws IOException {
        long i = differences.next(0);
        while (i < length) {
            long start = i;
            long last = i;
            long next;
            while ((next = last + 1 < length ? differences.next(last + 1) : length) < length
                    && next - last <= PATCH_GAP) {
                last = next;
            }
            sink.patch(list, start, dump, fileOffset + start, (int) (last + 1 - start));
            i = next;
        }
    }

    private static PacketDescription packet(PacketDescriptor d, byte[] bytes, long payloadLength, Damage damage,
                                            String state) {
        int payloadAt = (int) d.payloadOffset();
        byte[] ext = Arrays.copyOfRange(bytes, PacketDescriptor.SIZE, payloadAt);
        byte[] payload = Arrays.copyOfRange(bytes, payloadAt, payloadAt + (int) payloadLength);
        TransferPages xfer = d.type() == PacketType.DATA_USING_XFER_PAGES ? transferPages(bytes, ext.length) : null;
        GpaDirect gpa = d.type() == PacketType.DATA_USING_GPA_DIRECT ? gpaDirect(bytes, ext.length) : null;
        String rawExt = xfer == null && gpa == null && ext.length > 0 ? HexFormat.of().formatHex(ext) : null;
        boolean counting = payload.length > 0;
        for (int i = 0; i < payload.length && counting; i++) {
            counting = payload[i] == (byte) i;
        }
        return new PacketDescription(d.type(), d.flags() == 0 ? null : d.flags(), d.transactionId(),
                counting ? null : HexFormat.of().formatHex(payload), counting ? new Fill(payload.length, null) : null,
                xfer, gpa, rawExt, state, damage);
    }

    /** The structured form, or null when it would not rebuild these exact bytes. */
    private static TransferPages transferPages(byte[] bytes, int extLength) {
        int fixed = TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE;
        if (extLength < fixed || (extLength - fixed) % TransferPageRange.SIZE != 0) {
            return null;
        }
        ByteSource p = ByteSource.of(bytes);
        TransferPageHeader h = TransferPageHeader.parse(p, 0);
        int count = (extLength - fixed) / TransferPageRange.SIZE;
        if (h.reserved() != 0 || h.rangeCount() != count) {
            return null;
        }
        List<TransferPages.Range> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TransferPageRange r = TransferPageRange.parse(p, TransferPageHeader.RANGES_OFFSET
                    + (long) i * TransferPageRange.SIZE);
            ranges.add(new TransferPages.Range(r.byteCount(), r.byteOffset()));
        }
        return new TransferPages(h.pagesetId(), h.senderOwnsSet() == 0 ? null : h.senderOwnsSet(), ranges);
    }

    private static GpaDirect gpaDirect(byte[] bytes, int extLength) {
        int end = PacketDescriptor.SIZE + extLength;
        if (extLength < GpaDirectHeader.RANGES_OFFSET - PacketDescriptor.SIZE) {
            return null;
        }
        ByteSource p = ByteSource.of(bytes);
        GpaDirectHeader h = GpaDirectHeader.parse(p, 0);
        if (h.reserved() != 0) {
            return null;
        }
        List<GpaDirect.Range> ranges = new ArrayList<>();
        long at = GpaDirectHeader.RANGES_OFFSET;
        for (long i = 0; i < h.rangeCount(); i++) {
            if (at + GpaRange.PFN_ARRAY_OFFSET > end) {
                return null;
            }
            GpaRange r = GpaRange.parse(p, at, end - at);
            if (!r.complete()) {
                return null;
            }
            ranges.add(new GpaDirect.Range(r.byteCount(), r.byteOffset(), r.pfns()));
            at += r.size();
        }
        return at == end ? new GpaDirect(ranges) : null;
    }

    /** The packet's bytes, across the end of the data area if it wraps. */
    private static byte[] read(RingView view, long offset, PacketDescriptor d) {
        byte[] out = new byte[(int) d.lengthBytes()];
        view.copy(offset, out, 0, out.length);
        return out;
    }

    /**
     * The ring a draft description rebuilds, compared with the dump as it is written instead of held: the header's
     * fields (the draft writes nothing else of the header), the runs of the data area written and, among them, the
     * runs that differ from the dump. The draft writes each data byte once (its packets fit the data area), so a
     * comparison made when a byte is written stays true. Bytes never written are zero.
     */
    private static final class Rebuilt implements RingWriter.Target {
        private final ByteSource dump;
        private final long base;
        private final int headerSize;
        private final long dataSize;
        private final byte[] header = new byte[RingHeader.RESERVED2_OFFSET];
        private final Runs written = new Runs();
        private final Runs differing = new Runs();
        /** The dump's bytes under one write: at most a packet (len8 is a u16) or a trailer. */
        private byte[] scratch = new byte[PacketDescriptor.SIZE];

        Rebuilt(ByteSource dump, long base, int headerSize, long dataSize) {
            this.dump = dump;
            this.base = base;
            this.headerSize = headerSize;
            this.dataSize = dataSize;
        }

        @Override
        public void write(long at, byte[] bytes, int from, int length) {
            if (at < headerSize) {
                if (at + length > header.length) {
                    throw new IllegalStateException("the draft writes header bytes past its fields, at " + at);
                }
                System.arraycopy(bytes, from, header, (int) at, length);
                return;
            }
            long data = at - headerSize;
            written.add(data, data + length);
            if (scratch.length < length) {
                scratch = new byte[length];
            }
            dump.copy(base + at, scratch, 0, length);
            int i = 0;
            while (i < length) {
                int m = Arrays.mismatch(bytes, from + i, from + length, scratch, i, length);
                if (m < 0) {
                    break;
                }
                int end = i + m;
                while (end < length && bytes[from + end] != scratch[end]) {
                    end++;
                }
                differing.add(data + i + m, data + end);
                i = end;
            }
        }

        void sort() {
            written.sort();
            differing.sort();
        }

        long nextHeaderDifference(long from) {
            long x = from;
            for (; x < header.length && x < headerSize; x++) {
                if (dump.u8(base + x) != (header[(int) x] & 0xFF)) {
                    return x;
                }
            }
            if (x >= headerSize) {
                return headerSize;
            }
            long at = dump.firstNonZero(base + x, headerSize - x);
            return at < 0 ? headerSize : x + at;
        }

        long nextDataDifference(long from) {
            long x = from;
            while (x < dataSize) {
                int w = written.firstEndingAfter(x);
                if (w >= 0 && written.start(w) <= x) {
                    int d = differing.firstEndingAfter(x);
                    if (d >= 0 && differing.start(d) < written.end(w)) {
                        return Math.max(x, differing.start(d));
                    }
                    x = written.end(w);
                    continue;
                }
                long gapEnd = w >= 0 ? written.start(w) : dataSize;
                long at = dump.firstNonZero(base + headerSize + x, gapEnd - x);
                if (at >= 0) {
                    return x + at;
                }
                x = gapEnd;
            }
            return dataSize;
        }
    }

    /** Runs {@code [start, end)} of data offsets, one joined to the last when it follows it. */
    private static final class Runs {
        private long[] bounds = new long[8];
        private int count;

        void add(long start, long end) {
            if (count > 0 && bounds[2 * count - 1] == start) {
                bounds[2 * count - 1] = end;
                return;
            }
            if (2 * count == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * count] = start;
            bounds[2 * count + 1] = end;
            count++;
        }

        /** In ascending order: the runs never overlap, as each byte is written once. */
        void sort() {
            long[][] runs = new long[count][];
            for (int i = 0; i < count; i++) {
                runs[i] = new long[] {bounds[2 * i], bounds[2 * i + 1]};
            }
            Arrays.sort(runs, (a, b) -> Long.compare(a[0], b[0]));
            for (int i = 0; i < count; i++) {
                bounds[2 * i] = runs[i][0];
                bounds[2 * i + 1] = runs[i][1];
            }
        }

        long start(int i) {
            return bounds[2 * i];
        }

        long end(int i) {
            return bounds[2 * i + 1];
        }

        /** The first run that ends after {@code x}, or -1. */
        int firstEndingAfter(long x) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end(mid) <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < count ? lo : -1;
        }
    }

    /** The description as records, for a dump small enough to hold. */
    private static final class Collected implements DescriptionSink {
        private String layout;
        private Long headerSize;
        private final List<RingDescription> rings = new ArrayList<>();
        private long dataSize;
        private Long start;
        private HeaderFields header;
        private List<PacketDescription> packets;
        private final EnumMap<Patches, List<Patch>> patches = new EnumMap<>(Patches.class);
        DumpDescription result;

        @Override
        public void begin(String layout, Long headerSize) {
            this.layout = layout;
            this.headerSize = headerSize;
        }

        @Override
        public void ring(long dataSize, Long start, HeaderFields header) {
            this.dataSize = dataSize;
            this.start = start;
            this.header = header;
            this.packets = new ArrayList<>();
        }

        @Override
        public void packet(PacketDescription packet) {
            packets.add(packet);
        }

        @Override
        public void patch(Patches list, long offset, ByteSource dump, long fileOffset, int length) {
            byte[] bytes = new byte[length];
            dump.copy(fileOffset, bytes, 0, length);
            patches.computeIfAbsent(list, l -> new ArrayList<>()).add(new Patch(offset, HexFormat.of().formatHex(bytes)));
        }

        @Override
        public void endRing() {
            rings.add(new RingDescription(dataSize, start, header, packets, patches.remove(Patches.HEADER),
                    patches.remove(Patches.DATA)));
        }

        @Override
        public void end() {
            result = new DumpDescription(null, layout, headerSize, rings, patches.remove(Patches.SECOND_COPY));
        }
    }
}
