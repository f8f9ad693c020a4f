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
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.walk.Packet;

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
            described.add(ring(dump, ring));
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

    private static RingDescription ring(byte[] dump, RingReport ring) {
        long ds = ring.dataSize();
        RingHeader h = ring.header();
        long start = ring.start();
        boolean walkable = ds > 0 && ds % PacketDescriptor.ALIGNMENT == 0 && start < ds
                && start % PacketDescriptor.ALIGNMENT == 0;
        List<PacketDescription> packets = new ArrayList<>();
        long cursor = walkable ? start : 0;
        long first = cursor;
        if (walkable) {
            int data = (int) (ring.fileOffset() + ring.headerSize());
            List<PacketDescription> pending = new ArrayList<>();
            long used = 0;
            for (Packet p : ring.packets()) {
                PacketDescriptor d = p.descriptor();
                if (p.offset() != cursor || d.offset8() < 2 || d.offset8() > d.len8()
                        || used + d.footprint() > ds - PacketDescriptor.ALIGNMENT) {
                    break;
                }
                byte[] bytes = read(dump, data, ds, p.offset(), (int) d.lengthBytes());
                long expectedTrailer = PacketDescriptor.expectedTrailer(p.offset());
                Damage damage = p.trailer() == expectedTrailer ? null
                        : new Damage(null, null, null, null, p.trailer(), null);
                pending.add(packet(d, bytes, p.payloadLength(), damage, null));
                used += d.footprint();
                cursor = (cursor + d.footprint()) % ds;
            }
            // Packets already read lie behind the read index, each trailer holding its start (Linux and Hyper-V
            // write it; QEMU does not): follow them back as long as they chain exactly and fit the ring once.
            long back = start;
            while (true) {
                long trailer = u64(read(dump, data, ds, Math.floorMod(back - PacketDescriptor.TRAILER_SIZE, ds),
                        PacketDescriptor.TRAILER_SIZE), 0);
                long prev = trailer >>> 32;
                if ((trailer & 0xFFFF_FFFFL) != 0 || prev >= ds || prev % PacketDescriptor.ALIGNMENT != 0) {
                    break;
                }
                byte[] head = read(dump, data, ds, prev, PacketDescriptor.SIZE);
                PacketDescriptor d = new PacketDescriptor((int) u16(head, PacketDescriptor.TYPE_OFFSET),
                        (int) u16(head, PacketDescriptor.OFFSET8_OFFSET), (int) u16(head, PacketDescriptor.LEN8_OFFSET),
                        (int) u16(head, PacketDescriptor.FLAGS_OFFSET), u64(head, PacketDescriptor.TRANSACTION_ID_OFFSET));
                long footprint = Math.floorMod(back - prev, ds);
                if (footprint == 0 || d.footprint() != footprint || d.offset8() < 2 || d.offset8() > d.len8()
                        || used + footprint > ds) {
                    break;
                }
                byte[] bytes = read(dump, data, ds, prev, (int) d.lengthBytes());
                int end = bytes.length;
                while (end > d.payloadOffset() && end > bytes.length - PacketDescriptor.ALIGNMENT + 1
                        && bytes[end - 1] == 0) {
                    end--;
                }
                packets.add(0, packet(d, bytes, end - d.payloadOffset(), null, "consumed"));
                used += footprint;
                back = prev;
            }
            first = back;
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
    private static TransferPages transferPages(byte[] p, int extLength) {
        int fixed = TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE;
        if (extLength < fixed || (extLength - fixed) % TransferPageRange.SIZE != 0
                || p[TransferPageHeader.RESERVED_OFFSET] != 0) {
            return null;
        }
        int count = (extLength - fixed) / TransferPageRange.SIZE;
        if (u32(p, TransferPageHeader.RANGE_COUNT_OFFSET) != count) {
            return null;
        }
        List<TransferPages.Range> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = TransferPageHeader.RANGES_OFFSET + i * TransferPageRange.SIZE;
            ranges.add(new TransferPages.Range(u32(p, at + TransferPageRange.BYTE_COUNT_OFFSET),
                    u32(p, at + TransferPageRange.BYTE_OFFSET_OFFSET)));
        }
        int owns = p[TransferPageHeader.SENDER_OWNS_OFFSET] & 0xFF;
        return new TransferPages((int) u16(p, TransferPageHeader.PAGESET_ID_OFFSET), owns == 0 ? null : owns, ranges);
    }

    private static GpaDirect gpaDirect(byte[] p, int extLength) {
        int end = PacketDescriptor.SIZE + extLength;
        if (extLength < GpaDirectHeader.RANGES_OFFSET - PacketDescriptor.SIZE
                || u32(p, GpaDirectHeader.RESERVED_OFFSET) != 0) {
            return null;
        }
        long count = u32(p, GpaDirectHeader.RANGE_COUNT_OFFSET);
        List<GpaDirect.Range> ranges = new ArrayList<>();
        int at = GpaDirectHeader.RANGES_OFFSET;
        for (long i = 0; i < count; i++) {
            if (at + GpaRange.PFN_ARRAY_OFFSET > end) {
                return null;
            }
            long byteCount = u32(p, at + GpaRange.BYTE_COUNT_OFFSET);
            long byteOffset = u32(p, at + GpaRange.BYTE_OFFSET_OFFSET);
            long pages = (byteOffset + byteCount + GpaRange.HV_PAGE_SIZE - 1) / GpaRange.HV_PAGE_SIZE;
            at += GpaRange.PFN_ARRAY_OFFSET;
            if (pages > (end - at) / GpaRange.PFN_SIZE) {
                return null;
            }
            List<Long> pfns = new ArrayList<>();
            for (long k = 0; k < pages; k++) {
                pfns.add(u64(p, at));
                at += GpaRange.PFN_SIZE;
            }
            ranges.add(new GpaDirect.Range(byteCount, byteOffset, pfns));
        }
        return at == end ? new GpaDirect(ranges) : null;
    }

    private static byte[] read(byte[] dump, int data, long ds, long offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = dump[data + (int) ((offset + i) % ds)];
        }
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

    private static long u16(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
