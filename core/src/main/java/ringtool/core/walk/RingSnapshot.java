package ringtool.core.walk;

import ringtool.core.bytes.ByteSource;
import ringtool.core.format.RingHeader;

/**
 * One framed ring: its header as read and its data area.
 *
 * @param name       {@code ring} for a single ring, {@code outbound} / {@code inbound} for a pair
 * @param fileOffset offset of the header in the input file
 * @param headerSize bytes from the header to the data area (the guest page size)
 * @param dataSize   bytes of the data area
 * @param data       the data area, or null when it is empty (then nothing can be walked)
 */
public record RingSnapshot(String name, long fileOffset, long headerSize, long dataSize, RingHeader header,
                           RingView data) {

    /**
     * The ring framed at {@code fileOffset} of {@code src}: its header parsed, its data area viewed modulo its size.
     * A data area that is empty, or that {@code src} does not hold (a carved ring with pages the image lacks), is
     * null: such a ring is reported but not walked.
     */
    public static RingSnapshot read(String name, ByteSource src, long fileOffset, long headerSize, long dataSize) {
        RingHeader header = RingHeader.parse(src, fileOffset);
        long dataAt = fileOffset + headerSize;
        RingView data = dataSize > 0 && src.canRead(dataAt, dataSize) ? new RingView(src, dataAt, dataSize) : null;
        return new RingSnapshot(name, fileOffset, headerSize, dataSize, header, data);
    }

    /** The input-file offset of a data-area offset. */
    public long dataFileOffset(long at) {
        return fileOffset + headerSize + at;
    }

    /** Whether an index read from the header (or given by the user) can start or end a walk. */
    public boolean indexInRange(long index) {
        return RingHeader.indexInside(index, dataSize);
    }
}
