package ringtool.core.source;

import static ringtool.core.rules.Finding.hex;

import java.util.List;
import java.util.function.Supplier;
import ringtool.core.bytes.ByteCount;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/**
 * Cuts an input into rings by the layout given; {@link LayoutDetector} decides the layout when {@code auto} asks it
 * to, and frames through the same methods.
 */
public final class Framer {

    /** A ring needs its header and at least one page of data. */
    static final long MIN_DATA = RingHeader.HOST_PAGE_SIZE;

    private Framer() {
    }

    public static FramedInput frame(ByteSource src, FramingOptions options) throws InputException {
        long size = src.size();
        long header = options.headerSize();
        // Subtracted, not added: a header size near 2^63 would wrap the sum below the file size.
        if (header > size - MIN_DATA) {
            throw new InputException("too small: " + size + " bytes, a ring needs at least "
                    + Long.toUnsignedString(header + MIN_DATA) + " (a " + header
                    + "-byte header and one 4096-byte page of data)");
        }
        Long data = options.dataSize();
        if (data != null && data > size - header) {
            // Every sum of sizes below stays under 2^63 once both are known to fit the file.
            throw new InputException("a data area of " + data + " bytes does not fit the file (" + size
                    + " bytes) after a " + header + "-byte header");
        }
        return switch (options.layout()) {
            case SINGLE -> single(size, options, null);
            case UIO_PAIR -> uioPair(size, options, null);
            case DOUBLE_MAPPED -> doubleMapped(src, options, null);
            case AUTO -> LayoutDetector.detect(src, options);
        };
    }

    static FramedInput single(long size, FramingOptions options, String decision) throws InputException {
        long header = options.headerSize();
        long data = options.dataSize() != null ? options.dataSize() : size - header;
        requireFits(header + data, size, () -> "a " + data + "-byte data area after a " + header + "-byte header");
        return new FramedInput(Layout.SINGLE, decision, List.of(new FramedRing("ring", 0, header, data)), List.of());
    }

    static FramedInput uioPair(long size, FramingOptions options, String decision) throws InputException {
        long header = options.headerSize();
        if (options.dataSize() == null && size % 2 != 0) {
            throw new InputException("uio-pair needs two equal halves, but the file has an odd size (" + size
                    + " bytes)");
        }
        long half = options.dataSize() != null ? header + options.dataSize() : size / 2;
        if (half < header) {
            throw new InputException("uio-pair: each half (" + half + " bytes) is smaller than a " + header
                    + "-byte header");
        }
        requireFits(2 * half, size, () -> "two rings of " + half + " bytes");
        return new FramedInput(Layout.UIO_PAIR, decision, List.of(
                new FramedRing("outbound", 0, header, half - header),
                new FramedRing("inbound", half, header, half - header)), List.of());
    }

    private static FramedInput doubleMapped(ByteSource src, FramingOptions options, String decision)
            throws InputException {
        long size = src.size();
        long header = options.headerSize();
        if (options.dataSize() == null && (size - header) % 2 != 0) {
            throw new InputException("double-mapped needs the data area twice after the header, but "
                    + (size - header) + " bytes after the header do not split in two");
        }
        long data = options.dataSize() != null ? options.dataSize() : (size - header) / 2;
        requireFits(header + 2 * data, size, () -> "a header and two " + data + "-byte copies of the data area");
        return doubleMapped(decision, header, data, src.countDiffering(header, header + data, data));
    }

    /** @param copies the bytes in which the second copy of the data area differs from the first */
    static FramedInput doubleMapped(String decision, long header, long data, ByteCount copies) {
        List<Finding> findings = copies.count() == 0 ? List.of() : List.of(mismatch(copies, header + data));
        return new FramedInput(Layout.DOUBLE_MAPPED, decision,
                List.of(new FramedRing("ring", 0, header, data)), findings);
    }

    /** The first difference between the two copies, with how many bytes differ in all. */
    private static Finding mismatch(ByteCount c, long second) {
        long firstDiff = c.first();
        return Finding.mismatch(Rules.DUMP_DOUBLE_MAP_MISMATCH,
                "second copy of the data area at data offset " + hex(firstDiff),
                "the same bytes as the first copy", c.count() + " differing byte" + (c.count() == 1 ? "" : "s")
                        + ", the first at " + hex(firstDiff) + " (file offset " + hex(second + firstDiff) + ")")
                        .at(firstDiff).file(second + firstDiff, c.last() - firstDiff + 1);
    }

    /** @param needs what needs the bytes, worded only when they are not there */
    private static void requireFits(long needed, long size, Supplier<String> needs) throws InputException {
        if (needed > size) {
            String what = needs.get();
            throw new InputException(what + " need" + (what.startsWith("a ") ? "s " : " ") + needed
                    + " bytes, the file has " + size);
        }
    }
}
