package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/**
 * The extended header of a type 7 packet ({@code struct vmtransfer_page_packet_header} after its descriptor),
 * followed by {@code range_count} {@link TransferPageRange}s up to the payload.
 *
 * <pre>
 * +16               +18               +19        +20               +24
 * | pageset_id u16  | sender_owns u8  | rsvd u8  | range_count u32 | ranges[] (8 bytes each)
 * </pre>
 */
public record TransferPageHeader(int pagesetId, int senderOwnsSet, int reserved, long rangeCount) {

    public static final int PAGESET_ID_OFFSET = PacketDescriptor.SIZE;
    public static final int SENDER_OWNS_OFFSET = PAGESET_ID_OFFSET + Short.BYTES;
    public static final int RESERVED_OFFSET = SENDER_OWNS_OFFSET + Byte.BYTES;
    public static final int RANGE_COUNT_OFFSET = RESERVED_OFFSET + Byte.BYTES;
    public static final int RANGES_OFFSET = RANGE_COUNT_OFFSET + Integer.BYTES;

    /** Parses the header of the packet whose descriptor starts at {@code packet}. */
    public static TransferPageHeader parse(ByteSource src, long packet) {
        Bounds.require(src, packet + PAGESET_ID_OFFSET, RANGES_OFFSET - PAGESET_ID_OFFSET, "transfer-page header");
        return new TransferPageHeader(
                src.u16(packet + PAGESET_ID_OFFSET),
                src.u8(packet + SENDER_OWNS_OFFSET),
                src.u8(packet + RESERVED_OFFSET),
                src.u32(packet + RANGE_COUNT_OFFSET));
    }
}
