package ringtool.core.synth;

import java.util.ArrayList;
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
 */
public final class Describer {

    /** Differences closer than this are one patch: fewer, longer lines in the description. */
    private static final int PATCH_GAP = 16;

    private Describer() {
    }

    public static DumpDescription describe(byte[] dump, FramingOptions framing) throws SynthException {
        InputReport report = new Inspector(framing, null).inspect("dump", ByteSource.of(dump));
        if (report.error() != null) {
            throw new SynthException(report.error());
        }
        List<RingReport> rings = report.rings();
        long headerSize = rings.get(0).headerSize();
        List<RingDescription> described = new ArrayList<>();
        for (RingReport ring : rings) {
            described.add(ring(ring));
        }
        String layout = report.layout();
        DumpDescription draft = new DumpDescription(null, layout,
                headerSize == RingHeader.HOST_PAGE_SIZE ? null : headerSize, described, null);
        byte[] rebuilt = Synthesizer.write(draft);
        if (rebuilt.length != dump.length) {
            throw new SynthException("cannot describe a dump of " + dump.length + " bytes as " + layout
                    + " rings (they take " + rebuilt.length + ")");
        }
        List<RingDescription> patched = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            RingReport ring = rings.get(i);
            RingDescription r = described.get(i);
            int base = (int) ring.fileOffset();
            int hs = (int) ring.headerSize();
            int ds = (int) ring.dataSize();
            patched.add(new RingDescription(r.dataSize(), r.start(), r.header(), r.packets(),
                    diff(dump, rebuilt, base, hs), diff(dump, rebuilt, base + hs, ds)));
        }
        List<Patch> second = null;
        if ("double-mapped".equals(layout)) {
            RingReport ring = rings.get(0);
            int first = (int) (ring.fileOffset() + ring.headerSize());
            int ds = (int) ring.dataSize();
            byte[] expected = Arrays.copyOfRange(dump, 0, first + 2 * ds);
            System.arraycopy(dump, first, expected, first + ds, ds);
            second = diff(dump, expected, first + ds, ds);
        }
        DumpDescription result = new DumpDescription(null, layout, draft.headerSize(), patched,
                second == null || second.isEmpty() ? null : second);
        if (!Arrays.equals(Synthesizer.write(result), dump)) {
            throw new IllegalStateException("the description does not rebuild the dump");
        }
        return result;
    }

    private static RingDescription ring(RingReport ring) {
        long ds = ring.dataSize();
        RingHeader h = ring.header();
        long start = ring.start();
        boolean walkable = ds % PacketDescriptor.ALIGNMENT == 0 && RingHeader.indexInside(start, ds)
                && RingHeader.indexAligned(start);
        List<PacketDescription> packets = new ArrayList<>();
        long cursor = walkable ? start : 0;
        long first = cursor;
        if (walkable) {
            RingView view = ring.snapshot().data();
            List<PacketDescription> pending = new ArrayList<>();
            long used = 0;
            for (Packet p : ring.packets()) {
                PacketDescriptor d = p.descriptor();
                if (p.offset() != cursor || used + d.footprint() > ds - PacketDescriptor.ALIGNMENT) {
                    break;
                }
                byte[] bytes = read(view, p.offset(), d);
                long expectedTrailer = PacketDescriptor.expectedTrailer(p.offset());
                Damage damage = p.trailer() == expectedTrailer ? null
                        : new Damage(null, null, null, null, p.trailer(), null);
                pending.add(packet(d, bytes, p.payloadLength(), damage, null));
                used += d.footprint();
                cursor = (cursor + d.footprint()) % ds;
            }
            // Packets already read lie behind the read index: the walk back of --history finds them.
            History history = HistoryWalk.walk(ring.snapshot(), start);
            for (Packet p : history.packets()) {
                PacketDescriptor d = p.descriptor();
                byte[] bytes = read(view, p.offset(), d);
                packets.add(packet(d, bytes, p.payloadLength(), null, "consumed"));
            }
            first = history.stop().offset();
            packets.addAll(pending);
        }
        long readIndex = walkable ? start : 0;
        HeaderFields header = new HeaderFields(
                h.writeIndex() == cursor ? null : h.writeIndex(),
                h.readIndex() == readIndex ? null : h.readIndex(),
                h.interruptMask() == 0 ? null : h.interruptMask(),
                h.pendingSendSize() == 0 ? null : h.pendingSendSize(),
                h.featureBits() == RingHeader.FEATURE_PENDING_SEND_SIZE ? null : h.featureBits());
        return new RingDescription(ds, first != 0 ? first : null,
                header.equals(HeaderFields.DEFAULTS) ? null : header, packets, null, null);
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

    private static List<Patch> diff(byte[] want, byte[] have, int from, int length) {
        List<Patch> patches = new ArrayList<>();
        int i = 0;
        while (i < length) {
            if (want[from + i] == have[from + i]) {
                i++;
                continue;
            }
            int start = i;
            int last = i;
            while (i < length && i - last <= PATCH_GAP) {
                if (want[from + i] != have[from + i]) {
                    last = i;
                }
                i++;
            }
            patches.add(new Patch(start, HexFormat.of().formatHex(want, from + start, from + last + 1)));
            i = last + 1;
        }
        return patches.isEmpty() ? null : patches;
    }
}
