package ringtool.core.source;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/** Cuts an input into rings by layout, and decides the layout when asked to. */
public final class Framer {

    /** A ring needs its header and at least one page of data. */
    static final long MIN_DATA = RingHeader.HOST_PAGE_SIZE;
    private static final int COMPARE_CHUNK = 64 * 1024;

    private Framer() {
    }

    public static FramedInput frame(ByteSource src, FramingOptions options) throws FramingException {
        long size = src.size();
        long header = options.headerSize();
        if (size < header + MIN_DATA) {
            throw new FramingException("too small: " + size + " bytes, a ring needs at least " + (header + MIN_DATA)
                    + " (a " + header + "-byte header and one 4096-byte page of data)");
        }
        return switch (options.layout()) {
            case SINGLE -> single(size, options, null);
            case UIO_PAIR -> uioPair(size, options, null);
            case DOUBLE_MAPPED -> doubleMapped(src, options, null);
            case AUTO -> auto(src, options);
        };
    }

    private static FramedInput auto(ByteSource src, FramingOptions options) throws FramingException {
        long size = src.size();
        long header = options.headerSize();
        long half = size / 2;
        if (options.dataSize() == null && size % 2 == 0 && half >= header + MIN_DATA
                && plausibleHeader(src, 0, half - header) && plausibleHeader(src, half, half - header)) {
            return uioPair(size, options, "two ring headers, at 0 and at " + half + " (half of " + size
                    + " bytes), each with indices inside a " + (half - header) + "-byte data area");
        }
        long data = options.dataSize() != null ? options.dataSize() : size - header;
        return single(size, options, "one ring fills the file (" + size + " bytes: a " + header
                + "-byte header and " + data + " bytes of data)");
    }

    /**
     * A header as Linux initialises and maintains it: indices aligned and inside the data area, feature bits 1,
     * interrupt mask 0 or 1, reserved words zero. Used only to decide a layout, never to judge a ring.
     */
    static boolean plausibleHeader(ByteSource src, long at, long dataSize) {
        if (!src.canRead(at, RingHeader.HOST_PAGE_SIZE) || dataSize <= 0) {
            return false;
        }
        RingHeader h = RingHeader.parse(src, at);
        boolean indices = h.writeIndex() < dataSize && h.readIndex() < dataSize
                && h.writeIndex() % PacketDescriptor.ALIGNMENT == 0 && h.readIndex() % PacketDescriptor.ALIGNMENT == 0;
        // Linux sets feature bit 0 on both rings of a channel; a zero page inside a data area has it clear.
        if (!indices || h.featureBits() != RingHeader.FEATURE_PENDING_SEND_SIZE || h.interruptMask() > 1) {
            return false;
        }
        for (int i = RingHeader.RESERVED1_OFFSET; i < RingHeader.FEATURE_BITS_OFFSET; i += Integer.BYTES) {
            if (src.u32(at + i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static FramedInput single(long size, FramingOptions options, String decision) throws FramingException {
        long header = options.headerSize();
        long data = options.dataSize() != null ? options.dataSize() : size - header;
        requireFits(header + data, size, "a " + data + "-byte data area after a " + header + "-byte header");
        return new FramedInput(Layout.SINGLE, decision, List.of(new FramedRing("ring", 0, header, data)), List.of());
    }

    private static FramedInput uioPair(long size, FramingOptions options, String decision) throws FramingException {
        long header = options.headerSize();
        if (options.dataSize() == null && size % 2 != 0) {
            throw new FramingException("uio-pair needs two equal halves, but the file has an odd size (" + size
                    + " bytes)");
        }
        long half = options.dataSize() != null ? header + options.dataSize() : size / 2;
        if (half < header) {
            throw new FramingException("uio-pair: each half (" + half + " bytes) is smaller than a " + header
                    + "-byte header");
        }
        requireFits(2 * half, size, "two rings of " + half + " bytes");
        return new FramedInput(Layout.UIO_PAIR, decision, List.of(
                new FramedRing("outbound", 0, header, half - header),
                new FramedRing("inbound", half, header, half - header)), List.of());
    }

    private static FramedInput doubleMapped(ByteSource src, FramingOptions options, String decision)
            throws FramingException {
        long size = src.size();
        long header = options.headerSize();
        if (options.dataSize() == null && (size - header) % 2 != 0) {
            throw new FramingException("double-mapped needs the data area twice after the header, but "
                    + (size - header) + " bytes after the header do not split in two");
        }
        long data = options.dataSize() != null ? options.dataSize() : (size - header) / 2;
        requireFits(header + 2 * data, size, "a header and two " + data + "-byte copies of the data area");
        List<Finding> findings = new ArrayList<>();
        compareCopies(src, header, header + data, data).ifPresent(findings::add);
        return new FramedInput(Layout.DOUBLE_MAPPED, decision,
                List.of(new FramedRing("ring", 0, header, data)), findings);
    }

    /** The first difference between the two copies, with how many bytes differ in all. */
    private static java.util.Optional<Finding> compareCopies(ByteSource src, long first, long second, long length) {
        byte[] a = new byte[(int) Math.min(COMPARE_CHUNK, length)];
        byte[] b = new byte[a.length];
        long firstDiff = -1;
        long lastDiff = -1;
        long differing = 0;
        for (long done = 0; done < length; done += a.length) {
            int n = (int) Math.min(a.length, length - done);
            src.copy(first + done, a, 0, n);
            src.copy(second + done, b, 0, n);
            int from = 0;
            while (true) {
                int m = Arrays.mismatch(a, from, n, b, from, n);
                if (m < 0) {
                    break;
                }
                long at = done + from + m;
                if (firstDiff < 0) {
                    firstDiff = at;
                }
                lastDiff = at;
                differing++;
                from += m + 1;
                if (from >= n) {
                    break;
                }
            }
        }
        if (firstDiff < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Finding.mismatch(Rules.DUMP_DOUBLE_MAP_MISMATCH,
                "second copy of the data area at data offset " + hex(firstDiff),
                "the same bytes as the first copy", differing + " differing byte" + (differing == 1 ? "" : "s")
                        + ", the first at " + hex(firstDiff) + " (file offset " + hex(second + firstDiff) + ")",
                firstDiff, second + firstDiff, lastDiff - firstDiff + 1, null));
    }

    private static void requireFits(long needed, long size, String what) throws FramingException {
        if (needed > size) {
            throw new FramingException(what + " need" + (what.startsWith("a ") ? "s " : " ") + needed
                    + " bytes, the file has " + size);
        }
    }
}
