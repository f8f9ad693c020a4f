package ringtool.core.source;

import ringtool.core.format.RingHeader;

/**
 * How to frame an input.
 *
 * @param headerSize the guest page size: 4096, or 65536 for 64 KiB-page guests
 * @param dataSize   a forced data-area size, or null to derive it from the file size
 */
public record FramingOptions(Layout layout, long headerSize, Long dataSize) {

    public static final long DEFAULT_HEADER_SIZE = RingHeader.HOST_PAGE_SIZE;

    public FramingOptions {
        if (headerSize < RingHeader.HOST_PAGE_SIZE || headerSize % RingHeader.HOST_PAGE_SIZE != 0) {
            throw new IllegalArgumentException("header size must be a multiple of 4096, got " + headerSize);
        }
        if (dataSize != null && dataSize < 0) {
            throw new IllegalArgumentException("data size must not be negative, got " + dataSize);
        }
    }

    public static FramingOptions defaults() {
        return new FramingOptions(Layout.AUTO, DEFAULT_HEADER_SIZE, null);
    }
}
