package ringtool.core.source;

import ringtool.core.format.RingHeader;

/**
 * How to frame an input.
 *
 * @param headerSize      the guest page size: 4096, or 65536 for 64 KiB-page guests
 * @param dataSize        a forced data-area size, or null to derive it from the file size
 * @param headerSizeFixed whether the user gave the header size; when not, {@code auto} may detect a 64 KiB header
 */
public record FramingOptions(Layout layout, long headerSize, Long dataSize, boolean headerSizeFixed) {

    public static final long DEFAULT_HEADER_SIZE = RingHeader.HOST_PAGE_SIZE;
    /** The header page of an arm64 guest with 64 KiB pages; only its first 4096 bytes are the host's. */
    public static final long LARGE_HEADER_SIZE = 64 * 1024;

    public FramingOptions {
        if (headerSize < RingHeader.HOST_PAGE_SIZE || headerSize % RingHeader.HOST_PAGE_SIZE != 0) {
            throw new IllegalArgumentException("header size must be a multiple of 4096, got " + headerSize);
        }
        if (dataSize != null && dataSize < 0) {
            throw new IllegalArgumentException("data size must not be negative, got " + dataSize);
        }
    }

    /** A header size other than the default counts as given. */
    public FramingOptions(Layout layout, long headerSize, Long dataSize) {
        this(layout, headerSize, dataSize, headerSize != DEFAULT_HEADER_SIZE);
    }

    public static FramingOptions defaults() {
        return new FramingOptions(Layout.AUTO, DEFAULT_HEADER_SIZE, null, false);
    }

    FramingOptions withHeaderSize(long size) {
        return new FramingOptions(layout, size, dataSize, true);
    }
}
