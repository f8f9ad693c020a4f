package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/**
 * The extended header of a type 9 packet ({@code struct vmdata_gpa_direct} after its descriptor), followed by
 * {@code range_count} variable-length {@link GpaRange}s up to the payload.
 *
 * <pre>
 * +16            +20               +24
 * | reserved u32 | range_count u32 | gpa_range[] ...
 * </pre>
 */
public record GpaDirectHeader(long reserved, long rangeCount) {

    public static final int RESERVED_OFFSET = PacketDescriptor.SIZE;
    public static final int RANGE_COUNT_OFFSET = RESERVED_OFFSET + Integer.BYTES;
    public static final int RANGES_OFFSET = RANGE_COUNT_OFFSET + Integer.BYTES;

    public static GpaDirectHeader parse(ByteSource src, long packet) {
        Bounds.require(src, packet + RESERVED_OFFSET, RANGES_OFFSET - RESERVED_OFFSET, "GPA-direct header");
        return new GpaDirectHeader(src.u32(packet + RESERVED_OFFSET), src.u32(packet + RANGE_COUNT_OFFSET));
    }
}
