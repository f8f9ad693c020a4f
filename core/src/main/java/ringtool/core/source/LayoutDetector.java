package ringtool.core.source;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import ringtool.core.bytes.ByteCount;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;

/** {@code --layout auto}: which layout explains a file, and why, in one line the report carries. */
final class LayoutDetector {

    private LayoutDetector() {
    }

    /**
     * Tries, in this order, uio-pair, double-mapped and single, first with a 64 KiB header when the bytes after the
     * host's 4096 are zero as on a 64 KiB-page guest, then with the given header size. The first layout whose
     * evidence holds wins; each one rejected leaves its reason, and when all are rejected the reasons become the
     * framing error.
     *
     * <p>The evidence: a pair needs a header at 0 whose indices fit half the file and a second control page at the
     * half (page-aligned); a double-mapped dump needs the data area to appear twice, not all zeros (an unused
     * single ring of data 2n has two equal zero halves too, and is taken as single); a single ring needs indices
     * inside the rest of the file.
     */
    static FramedInput detect(ByteSource src, FramingOptions options) throws InputException {
        Rejections rejected = new Rejections();
        if (!options.headerSizeFixed() && options.headerSize() == FramingOptions.DEFAULT_HEADER_SIZE) {
            String gap = largeHeaderGap(src, 0);
            if (gap == null && !packetsBehindSmallHeader(src)) {
                FramingOptions large = options.withHeaderSize(FramingOptions.LARGE_HEADER_SIZE);
                FramedInput f = tryLayouts(src, large, rejected, true);
                if (f != null) {
                    return f;
                }
            }
        }
        FramedInput f = tryLayouts(src, options, rejected, false);
        if (f != null) {
            return f;
        }
        throw new InputException("no layout explains the file (" + src.size() + " bytes): "
                + rejected.join() + "; --layout single inspects it as one ring anyway");
    }

    /** @param large whether the 64 KiB header was detected (then each ring must show the zero gap and some use) */
    private static FramedInput tryLayouts(ByteSource src, FramingOptions options, Rejections rejected,
                                          boolean large) throws InputException {
        long size = src.size();
        long h = options.headerSize();
        String prefix = h == FramingOptions.DEFAULT_HEADER_SIZE ? "" : h + "-byte header: ";
        String headerNote = large ? "; bytes 0x1000..0xffff of each header are zero, the rest of a 64 KiB guest page"
                + " (--header-size 4096 to override)" : "";

        long half = options.dataSize() != null ? h + options.dataSize() : size % 2 == 0 ? size / 2 : -1;
        if (half < 0) {
            rejected.add(() -> prefix + "not uio-pair: odd file size");
        } else if (half < h + Framer.MIN_DATA || 2 * half > size) {
            rejected.add(() -> prefix + "not uio-pair: halves of " + half
                    + " bytes cannot hold a header and a page of data");
        } else if (half % RingHeader.HOST_PAGE_SIZE != 0) {
            rejected.add(() -> prefix + "not uio-pair: the half (" + hex(half) + ") is not page-aligned");
        } else {
            String first = implausible(src, 0, half - h);
            String second = first != null ? null : controlPage(src, half);
            String gap = large && first == null && second == null ? largeHeaderGap(src, half) : null;
            if (first != null) {
                rejected.add(() -> prefix + "not uio-pair: " + first + " of a " + (half - h) + "-byte data area");
            } else if (second != null) {
                rejected.add(() -> prefix + "not uio-pair: no ring header at the half, " + hex(half) + " (" + second
                        + ")");
            } else if (gap != null) {
                rejected.add(() -> prefix + "not uio-pair: " + gap + " after the inbound header");
            } else if (large && unused(src, 0) && unused(src, half)) {
                rejected.add(() -> prefix + "not uio-pair: both rings unused (indices 0), nothing tells a 64 KiB header"
                        + " from 60 KiB of unwritten data");
            } else {
                return Framer.uioPair(size, options, "two ring headers, at 0 and at " + hex(half) + " (" + half
                        + " bytes each: a " + h + "-byte header and " + (half - h) + " bytes of data), indices inside"
                        + " the data areas" + headerNote);
            }
        }

        long d = options.dataSize() != null ? options.dataSize() : (size - h) % 2 == 0 ? (size - h) / 2 : -1;
        if (d < Framer.MIN_DATA || h + 2 * d > size || d % RingHeader.HOST_PAGE_SIZE != 0) {
            rejected.add(() -> prefix + "not double-mapped: the bytes after the header do not hold two copies of a data"
                    + " area of whole pages");
        } else {
            String first = implausible(src, 0, d);
            if (first != null) {
                rejected.add(() -> prefix + "not double-mapped: " + first + " of a " + d + "-byte data area");
            } else if (large && unused(src, 0)) {
                rejected.add(() -> prefix + "not double-mapped: an unused ring (indices 0)");
            } else {
                // Compared once: what is found here goes on to the double-mapped framing and its finding.
                Copies copies = Copies.compare(src, h, d, false);
                ByteCount diff = copies.differing();
                long differing = diff.count();
                if (!copies.complete()) {
                    // Worded only if every layout is rejected: counting to the end is the cost saved.
                    rejected.add(() -> {
                        Copies all = Copies.compare(src, h, d, true);
                        return prefix + "not double-mapped: the two halves after the header differ in "
                                + all.differing().count() + " of " + d + " bytes (" + all.nonZero()
                                + " non-zero in the first)";
                    });
                } else if (differing == 0 && copies.nonZero() == 0) {
                    rejected.add(() -> prefix + "not double-mapped: both halves of the " + (2 * d)
                            + " bytes after the header are zero (an unused ring; taken as single)");
                } else if (differing <= copies.nonZero() / TOLERATED_DIFFERENCE) {
                    String how = differing == 0 ? "byte for byte" : "except " + differing
                            + " differing byte" + (differing == 1 ? "" : "s") + " (see dump.double_map.mismatch)";
                    return Framer.doubleMapped("the " + d + "-byte data area appears twice after the " + h
                            + "-byte header, " + how + headerNote, h, d, diff);
                } else {
                    rejected.add(() -> prefix + "not double-mapped: the two halves after the header differ in "
                            + differing + " of " + d + " bytes (" + copies.nonZero() + " non-zero in the first)");
                }
            }
        }

        long data = options.dataSize() != null ? options.dataSize() : size - h;
        String first = implausible(src, 0, data);
        if (first != null && (large || data % RingHeader.HOST_PAGE_SIZE != 0)) {
            rejected.add(() -> prefix + "not single: " + first + " of a " + data + "-byte data area");
            return null;
        }
        if (first != null) {
            // A damaged header is what triage is about: a file of one header and whole pages is read as one ring,
            // and the header rules say what is wrong with it.
            return Framer.single(size, options, "no other layout explains the file, and one ring of a " + h
                    + "-byte header and " + data + " bytes of data fills it, although its header is not one Linux"
                    + " leaves (" + first + "); --layout chooses another");
        }
        if (large && unused(src, 0)) {
            rejected.add(() -> prefix + "not single: an unused ring (indices 0), nothing tells a 64 KiB header from 60"
                    + " KiB of unwritten data");
            return null;
        }
        String unalignedNote = data % RingHeader.HOST_PAGE_SIZE != 0
                ? "; the data area is not a multiple of 4096 (--data-size N forces one)" : "";
        return Framer.single(size, options, "one ring fills the file (" + size + " bytes: a " + h + "-byte header and "
                + data + " bytes of data), indices inside the data area" + headerNote + unalignedNote);
    }

    /**
     * Why each layout tried was rejected, in order, worded only when the reasons are shown: almost every input is
     * framed by a later layout, and its rejected ones' numbers and offsets would be formatted for nothing.
     */
    private static final class Rejections {
        private final List<Supplier<String>> reasons = new ArrayList<>();

        void add(Supplier<String> reason) {
            reasons.add(reason);
        }

        String join() {
            return String.join("; ", reasons.stream().map(Supplier::get).toList());
        }
    }

    /**
     * Copies that differ in more than 1/16 of the first copy's non-zero bytes are not one data area mapped twice
     * (a single ring with packets in its first half and zeros in its second differs in all of them).
     */
    private static final long TOLERATED_DIFFERENCE = 16;

    /** The first block {@link Copies#compare} counts; each next one is twice as long, up to {@link #MAX_BLOCK}. */
    private static final long FIRST_BLOCK = 256;
    private static final long MAX_BLOCK = 1 << 16;

    /**
     * The second copy of a data area against the first: the bytes that differ, and the non-zero bytes of the first.
     *
     * @param complete whether both counts cover the whole area; false when the count stopped at the first block
     *                 after which the differences already pass the tolerance whatever the rest holds
     */
    record Copies(ByteCount differing, long nonZero, boolean complete) {

        /**
         * Counts block by block, so that the common case, a single ring with packets in its first half and zeros
         * in its second, is rejected after its first kilobytes instead of after two passes over the whole area.
         *
         * @param toTheEnd count the whole area even when the answer is known early (for the reason's numbers)
         */
        static Copies compare(ByteSource src, long header, long data, boolean toTheEnd) {
            long count = 0;
            long first = -1;
            long last = -1;
            long nonZero = 0;
            long block = FIRST_BLOCK;
            for (long done = 0; done < data; ) {
                long n = Math.min(block, data - done);
                ByteCount diff = src.countDiffering(header + done, header + data + done, n);
                if (diff.count() > 0) {
                    count += diff.count();
                    first = first < 0 ? done + diff.first() : first;
                    last = done + diff.last();
                }
                nonZero += src.countNonZero(header + done, n).count();
                done += n;
                block = Math.min(2 * block, MAX_BLOCK);
                // The rest can add at most its length to the non-zero bytes, and no fewer differences.
                if (!toTheEnd && done < data && count > (nonZero + data - done) / TOLERATED_DIFFERENCE) {
                    return new Copies(new ByteCount(count, first, last), nonZero, false);
                }
            }
            return new Copies(new ByteCount(count, first, last), nonZero, true);
        }
    }

    /**
     * Why the header at {@code at} is not one Linux could have left for a data area of {@code dataSize} bytes, or
     * null when it could: indices aligned and inside, interrupt mask and feature bits 0 or 1, reserved words zero.
     */
    static String implausible(ByteSource src, long at, long dataSize) {
        if (!src.canRead(at, RingHeader.HOST_PAGE_SIZE) || dataSize <= 0) {
            return "no room for a header at " + hex(at);
        }
        RingHeader h = RingHeader.parse(src, at);
        if (!RingHeader.indexInside(h.writeIndex(), dataSize)) {
            return "write_index " + hex(h.writeIndex()) + " lies outside";
        }
        if (!RingHeader.indexInside(h.readIndex(), dataSize)) {
            return "read_index " + hex(h.readIndex()) + " lies outside";
        }
        if (!h.indicesAligned()) {
            return "indices " + hex(h.writeIndex()) + "/" + hex(h.readIndex()) + " are not 8-aligned, in the header"
                    + " at " + hex(at);
        }
        if (!h.interruptMaskValid() || !h.featureBitsKnown()) {
            return "interrupt_mask " + hex(h.interruptMask()) + " / feature_bits " + hex(h.featureBits())
                    + " are not 0 or 1, in the header at " + hex(at);
        }
        long nonZero = src.firstNonZero(at + RingHeader.RESERVED1_OFFSET, RingHeader.RESERVED1_SIZE);
        if (nonZero >= 0) {
            long word = at + RingHeader.RESERVED1_OFFSET + nonZero / Integer.BYTES * Integer.BYTES;
            return "reserved word at " + hex(word) + " is not zero";
        }
        return null;
    }

    /**
     * Why the page at {@code at} is not a ring's control page, or null when it is: flags 0 or 1, reserved bytes
     * zero, and not a blank page (Linux sets feature_bits 1 on both rings; a used ring has indices). Indices are not
     * judged, so that a pair with a damaged second ring is still a pair.
     */
    static String controlPage(ByteSource src, long at) {
        if (!src.canRead(at, RingHeader.HOST_PAGE_SIZE)) {
            return "no room for a header";
        }
        RingHeader h = RingHeader.parse(src, at);
        if (!h.interruptMaskValid() || !h.featureBitsKnown()) {
            return "interrupt_mask " + hex(h.interruptMask()) + ", feature_bits " + hex(h.featureBits());
        }
        if (h.featureBits() == 0 && h.writeIndex() == 0 && h.readIndex() == 0) {
            return "a blank page";
        }
        if (!h.indicesAligned()) {
            // A descriptor at the start of a data page reads as write_index = type | offset8 << 16: never aligned.
            return "indices " + hex(h.writeIndex()) + "/" + hex(h.readIndex()) + " are not 8-aligned";
        }
        long nonZero = RingHeader.firstNonZeroReserved(src, at);
        return nonZero < 0 ? null : "non-zero reserved byte at " + hex(nonZero);
    }

    /** Null when bytes 4096..65535 after {@code at} are zero, as the guest-only rest of a 64 KiB header page is. */
    private static String largeHeaderGap(ByteSource src, long at) {
        long large = FramingOptions.LARGE_HEADER_SIZE;
        if (!src.canRead(at, large + Framer.MIN_DATA)) {
            return "no room for a 64 KiB header";
        }
        long nonZero = src.firstNonZero(at + RingHeader.HOST_PAGE_SIZE, large - RingHeader.HOST_PAGE_SIZE);
        return nonZero < 0 ? null : "byte " + hex(at + RingHeader.HOST_PAGE_SIZE + nonZero) + " is not zero";
    }

    /**
     * Whether, read with a 4096-byte header, the ring at 0 shows a packet where its indices say one is: the trailer
     * just before the write index holding the start of a packet that ends there. Then the zeros after the host's
     * page are the start of a data area the writer has not reached, not the rest of a 64 KiB header page.
     */
    private static boolean packetsBehindSmallHeader(ByteSource src) {
        long size = src.size();
        long[] dataSizes = size % 2 == 0 ? new long[] {size - Framer.MIN_DATA, size / 2 - Framer.MIN_DATA}
                : new long[] {size - Framer.MIN_DATA};
        RingHeader h = RingHeader.parse(src, 0);
        for (long data : dataSizes) {
            long w = h.writeIndex();
            if (data <= 0 || w >= data || !RingHeader.indexAligned(w) || (w == 0 && h.readIndex() == 0)) {
                continue;
            }
            long base = RingHeader.HOST_PAGE_SIZE;
            // Aligned indices keep the trailer inside the area; a descriptor across the end is left unjudged.
            long trailer = src.u64(base + (w + data - PacketDescriptor.TRAILER_SIZE) % data);
            long start = PacketDescriptor.trailerStart(trailer);
            if (!PacketDescriptor.trailerShaped(trailer) || start + PacketDescriptor.SIZE > data
                    || !RingHeader.indexAligned(start)) {
                continue;
            }
            PacketDescriptor d = PacketDescriptor.parse(src, base + start);
            if (d.len8() >= PacketDescriptor.MIN_LEN8 && (start + d.footprint()) % data == w) {
                return true;
            }
        }
        return false;
    }

    private static boolean unused(ByteSource src, long at) {
        RingHeader h = RingHeader.parse(src, at);
        return h.writeIndex() == 0 && h.readIndex() == 0;
    }
}
