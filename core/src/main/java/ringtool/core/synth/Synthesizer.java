package ringtool.core.synth;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.format.RingMath;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.source.Layout;

/**
 * Writes a {@link DumpDescription} as the bytes of a dump. Packets are laid out as {@code hv_ringbuffer_write}
 * does (docs/ring-format.md §7): descriptor with {@code offset8 = (16 + extended header) / 8} and
 * {@code len8 = ALIGN(offset8 * 8 + payload, 8) / 8}, payload, zero padding, trailer {@code start << 32}, every
 * write wrapping at the end of the data area; the write index ends past the last trailer. Damage and patches are
 * applied afterwards, so a description without them yields a ring without findings.
 */
public final class Synthesizer {

    /** A bound that keeps a typo in a size from writing gigabytes (a dump in memory, in tests, is at most this). */
    public static final long MAX_FILE_SIZE = 256L << 20;
    private static final long U16 = 0xFFFF;

    private Synthesizer() {
    }

    /** The dump in memory: for tests and small dumps; {@link #write(DumpDescription, RingWriter.Target)} else. */
    public static byte[] write(DumpDescription d) throws SynthException {
        byte[] out = new byte[(int) size(d)];
        write(d, (at, bytes, from, length) -> System.arraycopy(bytes, from, out, (int) at, length));
        return out;
    }

    /** The size of the dump {@code d} describes, checked against {@link #MAX_FILE_SIZE}. */
    public static long size(DumpDescription d) throws SynthException {
        Layout layout = layout(d.layout());
        List<RingDescription> rings = elements(d.rings(), "rings");
        return fileSize(layout, headerSize(d), rings.stream().mapToLong(RingDescription::dataSize).toArray(),
                d.secondCopyPatches() != null && !d.secondCopyPatches().isEmpty());
    }

    /**
     * Writes the dump to {@code out} at file offsets below {@link #size}; {@code out} starts as zeros (a new array
     * or file), and a ring's bytes go to it as they are laid out, none held here.
     */
    public static void write(DumpDescription d, RingWriter.Target out) throws SynthException {
        size(d);
        List<RingDescription> rings = d.rings();
        Streamed dump = new Streamed(d.layout(), d.headerSize(), rings.get(0).dataSize(), total -> out);
        for (RingDescription ring : rings) {
            dump.startRing(ring.dataSize(), ring.start());
            for (PacketDescription p : elements(ring.packets(), dump.ring.name + ": packets")) {
                dump.packet(p);
            }
            dump.endRing(ring.header(), ring.headerPatches(), ring.patches());
        }
        dump.end(d.secondCopyPatches());
    }

    /**
     * A dump written as its description is read, a packet at a time, for a description too big to hold: the layout,
     * header size and first data size open it, then each ring's start, packets and what follows them. Whatever is
     * wrong throws; {@link #write(DumpDescription)} of the same description names the first problem as always.
     */
    public static final class Streamed {
        private final Layout layout;
        private final long headerSize;
        private final long dataSize;
        private final int expected;
        private final RingWriter.Target out;
        private int rings;
        private DescribedRing ring;

        /** @param open opens where the dump goes, given its size; it starts as zeros */
        public Streamed(String layoutId, Long headerSize, long dataSize, LongFunction<RingWriter.Target> open)
                throws SynthException {
            this.layout = layout(layoutId);
            this.headerSize = headerSize == null ? RingHeader.HOST_PAGE_SIZE : headerSize;
            this.dataSize = dataSize;
            this.expected = layout == Layout.UIO_PAIR ? 2 : 1;
            long[] sizes = new long[expected];
            Arrays.fill(sizes, dataSize);
            this.out = open.apply(fileSize(layout, this.headerSize, sizes, false));
        }

        public void startRing(long ringDataSize, Long start) throws SynthException {
            if (rings == expected || ringDataSize != dataSize) {
                throw new SynthException("ring " + rings + " does not fit layout " + layout.id());
            }
            long base = rings * (headerSize + dataSize);
            // The guest's double mapping: every write to the data area lands in its second copy too.
            RingWriter.Target target = layout == Layout.DOUBLE_MAPPED
                    ? (at, bytes, from, length) -> {
                        out.write(at, bytes, from, length);
                        if (at >= headerSize) {
                            out.write(at + dataSize, bytes, from, length);
                        }
                    }
                    : (at, bytes, from, length) -> out.write(base + at, bytes, from, length);
            ring = new DescribedRing(ringName(layout, rings), new RingWriter(target, (int) headerSize, dataSize),
                    (int) headerSize);
            ring.start(start);
        }

        public void packet(PacketDescription p) throws SynthException {
            if (p == null) {
                throw new SynthException(ring.name + ": packets: a packet is null");
            }
            ring.add(p);
        }

        public void endRing(HeaderFields header, List<Patch> headerPatches, List<Patch> patches)
                throws SynthException {
            ring.finish(header, headerPatches, patches);
            rings++;
        }

        public void end(List<Patch> secondCopyPatches) throws SynthException {
            if (rings != expected) {
                throw new SynthException("layout " + layout.id() + " takes " + expected + " ring(s), got " + rings);
            }
            if (secondCopyPatches == null) {
                return;
            }
            if (!secondCopyPatches.isEmpty() && layout != Layout.DOUBLE_MAPPED) {
                throw new SynthException("second_copy_patches needs layout double-mapped");
            }
            for (Patch p : elements(secondCopyPatches, "second_copy_patches")) {
                byte[] bytes = hex(p.hex(), "second_copy_patches");
                if (p.offset() < 0 || p.offset() > dataSize - bytes.length) {
                    throw new SynthException("second_copy_patches: " + bytes.length + " bytes at " + p.offset()
                            + " do not fit a data area of " + dataSize);
                }
                out.write(headerSize + dataSize + p.offset(), bytes, 0, bytes.length);
            }
        }
    }

    private static long headerSize(DumpDescription d) {
        return d.headerSize() == null ? RingHeader.HOST_PAGE_SIZE : d.headerSize();
    }

    /**
     * The size of the dump these rings make, checked: a header size of whole pages, as many rings as the layout
     * takes, one data size for both rings of a pair, at most {@link #MAX_FILE_SIZE} bytes in all.
     */
    static long fileSize(Layout layout, long headerSize, long[] dataSizes, boolean secondCopyPatches)
            throws SynthException {
        if (headerSize < RingHeader.HOST_PAGE_SIZE || headerSize % RingHeader.HOST_PAGE_SIZE != 0) {
            throw new SynthException("header_size must be a multiple of 4096, got " + headerSize);
        }
        int expected = layout == Layout.UIO_PAIR ? 2 : 1;
        if (dataSizes.length != expected) {
            throw new SynthException("layout " + layout.id() + " takes " + expected + " ring(s), got "
                    + dataSizes.length);
        }
        if (layout == Layout.UIO_PAIR && dataSizes[0] != dataSizes[1]) {
            throw new SynthException("uio-pair: both rings need the same data_size, got " + dataSizes[0]
                    + " and " + dataSizes[1]);
        }
        if (secondCopyPatches && layout != Layout.DOUBLE_MAPPED) {
            throw new SynthException("second_copy_patches needs layout double-mapped");
        }
        long dataSize = dataSizes[0];
        if (dataSize <= 0 || dataSize % PacketDescriptor.ALIGNMENT != 0) {
            throw new SynthException("data_size must be a positive multiple of 8, got " + dataSize);
        }
        if (headerSize > MAX_FILE_SIZE) {
            // Before any sum, like data_size below: a header near 2^63 would wrap the sum to a small file.
            throw new SynthException("header_size " + headerSize + " is more than the limit of " + MAX_FILE_SIZE
                    + " bytes for a dump");
        }
        if (dataSize > Long.MAX_VALUE / 4) {
            // Before any sum: header plus a data size near 2^63 wraps to a small file.
            throw new SynthException("data_size " + dataSize + " is more than the limit of " + MAX_FILE_SIZE
                    + " bytes for a dump");
        }
        long ringBytes = headerSize + dataSize;
        long total = layout == Layout.UIO_PAIR ? 2 * ringBytes
                : layout == Layout.DOUBLE_MAPPED ? ringBytes + dataSize : ringBytes;
        if (total > MAX_FILE_SIZE) {
            throw new SynthException("the dump would be " + total + " bytes, more than the limit of " + MAX_FILE_SIZE);
        }
        return total;
    }

    static String ringName(Layout layout, int index) {
        return layout == Layout.UIO_PAIR ? (index == 0 ? "outbound" : "inbound") : "ring";
    }

    /** The list's elements, none of them null (JSON's {@code [null]}); an empty list for none. */
    static <T> List<T> elements(List<T> list, String field) throws SynthException {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new SynthException(field + "[" + i + "] is null");
            }
        }
        return list;
    }

    static Layout layout(String id) throws SynthException {
        String value = id == null ? "single" : id;
        for (Layout l : Layout.values()) {
            if (l != Layout.AUTO && l.id().equals(value)) {
                return l;
            }
        }
        throw new SynthException("layout must be single, uio-pair or double-mapped, got '" + value + "'");
    }

    static byte[] hex(String text, String field) throws SynthException {
        String clean = text == null ? "" : text.replaceAll("[\\s:]", "");
        try {
            return HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException e) {
            for (int i = 0; i < clean.length(); i++) {
                if (Character.digit(clean.charAt(i), 16) < 0) {
                    throw new SynthException(field + ": '" + clean.charAt(i) + "' at " + i + " is not a hex digit: '"
                            + abbreviate(clean) + "'");
                }
            }
            throw new SynthException(field + ": an odd number of hex digits (" + clean.length() + "), two make a byte: '"
                    + abbreviate(clean) + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Lays out one described ring through a {@link RingWriter}, a packet at a time: {@link #start}, {@link #add}
     * each packet in writing order, {@link #finish}.
     */
    static final class DescribedRing {
        final String name;
        private final RingWriter writer;
        private final int headerSize;
        private final long dataSize;
        private long cursor;
        private long written;
        private Long readIndex;
        private Long writeIndex;
        private int phase;
        private int index;
        private boolean anyPending;

        DescribedRing(String name, RingWriter writer, int headerSize) {
            this.name = name;
            this.writer = writer;
            this.headerSize = headerSize;
            this.dataSize = writer.dataSize();
        }

        void start(Long first) throws SynthException {
            long start = first == null ? 0 : first;
            if (start < 0 || start >= dataSize || start % PacketDescriptor.ALIGNMENT != 0) {
                throw fail("start must be a multiple of 8 below data_size " + dataSize + ", got " + start);
            }
            writer.startAt(start);
            cursor = start;
        }

        void add(PacketDescription p) throws SynthException {
            int i = index++;
            int state = state(p.state(), i);
            if (state < phase) {
                throw fail("packet " + i + ": " + p.state() + " packets must come before the "
                        + (phase == 1 ? "pending" : "unpublished") + " ones");
            }
            if (state >= 1 && readIndex == null) {
                readIndex = cursor;
            }
            if (state == 2 && writeIndex == null) {
                writeIndex = cursor;
            }
            anyPending |= state == 1;
            phase = state;
            byte[] packet = encode(p, i);
            long footprint = packet.length + PacketDescriptor.TRAILER_SIZE;
            written += footprint;
            if (written > dataSize) {
                throw fail("packet " + i + ": the packets need more than the " + dataSize
                        + " bytes of the data area");
            }
            long trailer = p.damage() != null && p.damage().trailer() != null
                    ? p.damage().trailer() : PacketDescriptor.expectedTrailer(cursor);
            writer.raw(packet, trailer);
            cursor = writer.cursor();
        }

        /** Where the next packet goes. */
        long cursor() {
            return cursor;
        }

        void finish(HeaderFields header, List<Patch> headerPatches, List<Patch> patches) throws SynthException {
            HeaderFields h = header == null ? HeaderFields.DEFAULTS : header;
            if (readIndex == null) {
                readIndex = cursor;
            }
            if (writeIndex == null) {
                writeIndex = cursor;
            }
            long pending = Math.floorMod(writeIndex - readIndex, dataSize);
            if (pending == 0 && anyPending) {
                pending = dataSize;
            }
            if (pending > dataSize - PacketDescriptor.ALIGNMENT) {
                // hv_ringbuffer_write refuses a packet that would leave less than 8 bytes free: read == write
                // must keep meaning empty.
                throw fail("the pending packets take " + pending + " bytes; a writer leaves at least 8 of the "
                        + dataSize + " free");
            }
            putHeaderU32(RingHeader.WRITE_INDEX_OFFSET, h.writeIndex() == null ? writeIndex : h.writeIndex(),
                    "write_index");
            putHeaderU32(RingHeader.READ_INDEX_OFFSET, h.readIndex() == null ? readIndex : h.readIndex(),
                    "read_index");
            putHeaderU32(RingHeader.INTERRUPT_MASK_OFFSET, orElse(h.interruptMask(), 0), "interrupt_mask");
            putHeaderU32(RingHeader.PENDING_SEND_SIZE_OFFSET, orElse(h.pendingSendSize(), 0),
                    "pending_send_size");
            putHeaderU32(RingHeader.FEATURE_BITS_OFFSET,
                    orElse(h.featureBits(), RingHeader.FEATURE_PENDING_SEND_SIZE), "feature_bits");
            if (headerPatches != null) {
                for (Patch patch : elements(headerPatches, name + ": header_patches")) {
                    byte[] bytes = hex(patch.hex(), name + ": header_patches");
                    if (patch.offset() < 0 || patch.offset() > headerSize - bytes.length) {
                        throw fail("header_patches: " + bytes.length + " bytes at " + patch.offset()
                                + " do not fit a header of " + headerSize);
                    }
                    writer.headerBytes((int) patch.offset(), bytes);
                }
            }
            if (patches != null) {
                for (Patch patch : elements(patches, name + ": patches")) {
                    byte[] bytes = hex(patch.hex(), name + ": patches");
                    if (patch.offset() < 0 || patch.offset() >= dataSize || bytes.length > dataSize) {
                        throw fail("patches: " + bytes.length + " bytes at " + patch.offset()
                                + " do not fit a data area of " + dataSize);
                    }
                    writer.put(patch.offset(), bytes);
                }
            }
        }

        private static long orElse(Long value, long otherwise) {
            return value == null ? otherwise : value;
        }

        private static int state(String state, int index) {
            if (state == null || state.equals("pending")) {
                return 1;
            }
            return switch (state) {
                case "consumed" -> 0;
                case "unpublished" -> 2;
                default -> -1;
            };
        }

        private byte[] encode(PacketDescription p, int i) throws SynthException {
            String what = "packet " + i;
            if (state(p.state(), i) < 0) {
                throw fail(what + ": state must be consumed, pending or unpublished, got '" + p.state() + "'");
            }
            checkRange(what, "type", p.type(), U16);
            int flags = p.flags() == null ? 0 : p.flags();
            checkRange(what, "flags", flags, U16);
            byte[] ext = extendedHeader(p, what);
            byte[] payload = payload(p, what);
            int offset = PacketDescriptor.SIZE + ext.length;
            long total = align(offset + (long) payload.length);
            if (total / PacketDescriptor.ALIGNMENT > U16) {
                throw fail(what + ": " + total + " bytes do not fit len8 (at most 65535 x 8)");
            }
            byte[] packet = RingWriter.encode(p.type(), flags, p.transactionId() == null ? 0 : p.transactionId(),
                    ext, payload);
            Damage d = p.damage();
            if (d != null) {
                damage(packet, what, "type", d.type(), PacketDescriptor.TYPE_OFFSET);
                damage(packet, what, "offset8", d.offset8(), PacketDescriptor.OFFSET8_OFFSET);
                damage(packet, what, "len8", d.len8(), PacketDescriptor.LEN8_OFFSET);
                damage(packet, what, "flags", d.flags(), PacketDescriptor.FLAGS_OFFSET);
                if (d.rangeCount() != null) {
                    checkRange(what, "damage.range_count", d.rangeCount(), RingMath.U32_MAX);
                    if (packet.length < TransferPageHeader.RANGE_COUNT_OFFSET + Integer.BYTES) {
                        throw fail(what + ": damage.range_count needs an extended header");
                    }
                    // Types 7 and 9 keep range_cnt at the same offset (+20).
                    RingWriter.le(packet, TransferPageHeader.RANGE_COUNT_OFFSET, d.rangeCount(), 4);
                }
            }
            return packet;
        }

        /** Writes a damaged u16 of the descriptor over what the writer put there, when one is given. */
        private void damage(byte[] packet, String what, String field, Integer value, int offset)
                throws SynthException {
            if (value != null) {
                checkRange(what, "damage." + field, value, U16);
                RingWriter.le(packet, offset, value, Short.BYTES);
            }
        }

        private byte[] extendedHeader(PacketDescription p, String what) throws SynthException {
            int given = (p.transferPages() != null ? 1 : 0) + (p.gpaDirect() != null ? 1 : 0)
                    + (p.extendedHeader() != null ? 1 : 0);
            if (given > 1) {
                throw fail(what + ": give at most one of transfer_pages, gpa_direct and extended_header");
            }
            if (p.extendedHeader() != null) {
                byte[] raw = hex(p.extendedHeader(), name + ": " + what + ": extended_header");
                if (raw.length % PacketDescriptor.ALIGNMENT != 0) {
                    throw fail(what + ": extended_header must be a multiple of 8 bytes, got " + raw.length);
                }
                return raw;
            }
            if (p.transferPages() != null) {
                TransferPages t = p.transferPages();
                List<TransferPages.Range> ranges = elements(t.ranges(), name + ": " + what
                        + ": transfer_pages.ranges");
                int size = TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE
                        + ranges.size() * TransferPageRange.SIZE;
                byte[] ext = new byte[size];
                int rel = -PacketDescriptor.SIZE;
                checkRange(what, "transfer_pages.pageset_id", t.pagesetId(), U16);
                RingWriter.le(ext, rel + TransferPageHeader.PAGESET_ID_OFFSET, t.pagesetId(), 2);
                int owns = t.senderOwns() == null ? 0 : t.senderOwns();
                checkRange(what, "transfer_pages.sender_owns", owns, 0xFF);
                ext[rel + TransferPageHeader.SENDER_OWNS_OFFSET] = (byte) owns;
                RingWriter.le(ext, rel + TransferPageHeader.RANGE_COUNT_OFFSET, ranges.size(), 4);
                int at = rel + TransferPageHeader.RANGES_OFFSET;
                for (TransferPages.Range r : ranges) {
                    checkRange(what, "transfer_pages byte_count", r.byteCount(), RingMath.U32_MAX);
                    checkRange(what, "transfer_pages byte_offset", r.byteOffset(), RingMath.U32_MAX);
                    RingWriter.le(ext, at + TransferPageRange.BYTE_COUNT_OFFSET, r.byteCount(), 4);
                    RingWriter.le(ext, at + TransferPageRange.BYTE_OFFSET_OFFSET, r.byteOffset(), 4);
                    at += TransferPageRange.SIZE;
                }
                return ext;
            }
            if (p.gpaDirect() != null) {
                List<GpaDirect.Range> ranges = elements(p.gpaDirect().ranges(), name + ": " + what
                        + ": gpa_direct.ranges");
                for (GpaDirect.Range r : ranges) {
                    elements(r.pfns(), name + ": " + what + ": gpa_direct pfns");
                }
                int rel = -PacketDescriptor.SIZE;
                long size = GpaDirectHeader.RANGES_OFFSET - PacketDescriptor.SIZE;
                for (GpaDirect.Range r : ranges) {
                    size += GpaRange.PFN_ARRAY_OFFSET + (long) (r.pfns() == null ? 0 : r.pfns().size())
                            * GpaRange.PFN_SIZE;
                }
                if (size > U16 * PacketDescriptor.ALIGNMENT) {
                    throw fail(what + ": gpa_direct ranges take " + size + " bytes, more than a packet holds");
                }
                byte[] ext = new byte[(int) align(size)];
                RingWriter.le(ext, rel + GpaDirectHeader.RANGE_COUNT_OFFSET, ranges.size(), 4);
                int at = rel + GpaDirectHeader.RANGES_OFFSET;
                for (GpaDirect.Range r : ranges) {
                    checkRange(what, "gpa_direct byte_count", r.byteCount(), RingMath.U32_MAX);
                    checkRange(what, "gpa_direct byte_offset", r.byteOffset(), RingMath.U32_MAX);
                    RingWriter.le(ext, at + GpaRange.BYTE_COUNT_OFFSET, r.byteCount(), 4);
                    RingWriter.le(ext, at + GpaRange.BYTE_OFFSET_OFFSET, r.byteOffset(), 4);
                    at += GpaRange.PFN_ARRAY_OFFSET;
                    for (long pfn : r.pfns() == null ? List.<Long>of() : r.pfns()) {
                        RingWriter.le(ext, at, pfn, 8);
                        at += GpaRange.PFN_SIZE;
                    }
                }
                return ext;
            }
            if (p.type() == PacketType.DATA_USING_XFER_PAGES || p.type() == PacketType.DATA_USING_GPA_DIRECT) {
                throw fail(what + ": type " + p.type() + " needs transfer_pages, gpa_direct or extended_header");
            }
            return new byte[0];
        }

        private byte[] payload(PacketDescription p, String what) throws SynthException {
            if (p.payload() != null && p.fill() != null) {
                throw fail(what + ": give payload or fill, not both");
            }
            if (p.fill() != null) {
                long length = p.fill().length();
                if (length < 0 || length > U16 * PacketDescriptor.ALIGNMENT) {
                    throw fail(what + ": fill.length must be 0.." + U16 * PacketDescriptor.ALIGNMENT + ", got "
                            + length);
                }
                byte[] pattern = p.fill().pattern() == null ? null
                        : hex(p.fill().pattern(), name + ": " + what + ": fill.pattern");
                if (pattern != null && pattern.length == 0) {
                    throw fail(what + ": fill.pattern is empty");
                }
                byte[] out = new byte[(int) length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = pattern == null ? (byte) i : pattern[i % pattern.length];
                }
                return out;
            }
            return hex(p.payload(), name + ": " + what + ": payload");
        }

        private void checkRange(String what, String field, long value, long max) throws SynthException {
            if (value < 0 || value > max) {
                throw fail(what + ": " + field + " must be 0.." + max + ", got " + value);
            }
        }

        private void putHeaderU32(int field, long value, String what) throws SynthException {
            checkRange("header", what, value, RingMath.U32_MAX);
            writer.headerU32(field, value);
        }

        private SynthException fail(String message) {
            return new SynthException(name + ": " + message);
        }
    }

    private static long align(long n) {
        return (n + PacketDescriptor.ALIGNMENT - 1) / PacketDescriptor.ALIGNMENT * PacketDescriptor.ALIGNMENT;
    }
}
