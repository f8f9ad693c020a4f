package ringtool.core.format;

import ringtool.core.bytes.ByteCount;
import ringtool.core.bytes.ByteSource;

/**
 * The ring's control page, {@code struct hv_ring_buffer}, shared by guest and host.
 *
 * <pre>
 * 0x000 +---------------+---------------+----------------+-----------------+
 *       | write_index   | read_index    | interrupt_mask | pending_send_sz |   u32 each
 * 0x010 +---------------+---------------+----------------+-----------------+
 *       | reserved1: 12 x u32                                              |
 * 0x040 +---------------+--------------------------------------------------+
 *       | feature_bits  | reserved2, to the end of the host's 4096 bytes    |
 * 0x1000+---------------+--------------------------------------------------+
 *       | (64 KiB-page guests: the rest of the guest page, not the host's)  |
 * hdr   +------------------------------------------------------------------+
 *       | data area: packets, indices are byte offsets into it              |
 * </pre>
 *
 * Indices are offsets into the data area, never into the file. Only the first {@link #HOST_PAGE_SIZE} bytes
 * are the host's, whatever the guest page size.
 */
public record RingHeader(long writeIndex, long readIndex, long interruptMask, long pendingSendSize, long featureBits) {

    public static final int WRITE_INDEX_OFFSET = 0;
    public static final int READ_INDEX_OFFSET = WRITE_INDEX_OFFSET + Integer.BYTES;
    public static final int INTERRUPT_MASK_OFFSET = READ_INDEX_OFFSET + Integer.BYTES;
    public static final int PENDING_SEND_SIZE_OFFSET = INTERRUPT_MASK_OFFSET + Integer.BYTES;
    public static final int RESERVED1_OFFSET = PENDING_SEND_SIZE_OFFSET + Integer.BYTES;
    public static final int RESERVED1_SIZE = 12 * Integer.BYTES;
    public static final int FEATURE_BITS_OFFSET = RESERVED1_OFFSET + RESERVED1_SIZE;
    public static final int RESERVED2_OFFSET = FEATURE_BITS_OFFSET + Integer.BYTES;
    /** The host's part of the header page, and the granule of data-area sizes. */
    public static final int HOST_PAGE_SIZE = 4096;
    public static final int RESERVED2_SIZE = HOST_PAGE_SIZE - RESERVED2_OFFSET;

    /** {@code feat_pending_send_sz}, the only feature bit defined. */
    public static final long FEATURE_PENDING_SEND_SIZE = 1;

    public static RingHeader parse(ByteSource src, long at) {
        Bounds.require(src, at, RESERVED2_OFFSET, "ring header");
        return new RingHeader(
                src.u32(at + WRITE_INDEX_OFFSET),
                src.u32(at + READ_INDEX_OFFSET),
                src.u32(at + INTERRUPT_MASK_OFFSET),
                src.u32(at + PENDING_SEND_SIZE_OFFSET),
                src.u32(at + FEATURE_BITS_OFFSET));
    }

    /**
     * Where in {@code src} the first non-zero reserved byte of the header page at {@code at} lies (the bytes around
     * {@code feature_bits}, up to the end of the 4096-byte page), or -1 when all are zero.
     */
    public static long firstNonZeroReserved(ByteSource src, long at) {
        long nonZero = src.firstNonZero(at + RESERVED1_OFFSET, RESERVED1_SIZE);
        if (nonZero >= 0) {
            return at + RESERVED1_OFFSET + nonZero;
        }
        nonZero = src.firstNonZero(at + RESERVED2_OFFSET, RESERVED2_SIZE);
        return nonZero < 0 ? -1 : at + RESERVED2_OFFSET + nonZero;
    }

    /** The non-zero reserved bytes of the header page at {@code at}, at offsets counted from the header's start. */
    public static ByteCount countNonZeroReserved(ByteSource src, long at) {
        ByteCount before = src.countNonZero(at + RESERVED1_OFFSET, RESERVED1_SIZE);
        ByteCount after = src.countNonZero(at + RESERVED2_OFFSET, RESERVED2_SIZE);
        if (after.count() == 0) {
            return before.count() == 0 ? before
                    : new ByteCount(before.count(), RESERVED1_OFFSET + before.first(),
                            RESERVED1_OFFSET + before.last());
        }
        long first = before.count() > 0 ? RESERVED1_OFFSET + before.first() : RESERVED2_OFFSET + after.first();
        return new ByteCount(before.count() + after.count(), first, RESERVED2_OFFSET + after.last());
    }

    /** A data area of whole host pages, at least one ({@code ring.size.invalid} otherwise). */
    public static boolean validDataSize(long dataSize) {
        return dataSize > 0 && dataSize % HOST_PAGE_SIZE == 0;
    }

    /** An index (read, write, or a walk's start) inside a data area of {@code dataSize} bytes. */
    public static boolean indexInside(long index, long dataSize) {
        return index >= 0 && index < dataSize;
    }

    /** An index on the ring's 8-byte unit. */
    public static boolean indexAligned(long index) {
        return index % PacketDescriptor.ALIGNMENT == 0;
    }

    /** Both indices inside a data area of {@code dataSize} bytes. */
    public boolean indicesInside(long dataSize) {
        return indexInside(writeIndex, dataSize) && indexInside(readIndex, dataSize);
    }

    public boolean indicesAligned() {
        return indexAligned(writeIndex) && indexAligned(readIndex);
    }

    /** {@code interrupt_mask} 0 or 1 ({@code ring.interrupt_mask.invalid} otherwise). */
    public boolean interruptMaskValid() {
        return interruptMask <= 1;
    }

    /** No feature bit but {@link #FEATURE_PENDING_SEND_SIZE} ({@code ring.feature_bits.unknown} otherwise). */
    public boolean featureBitsKnown() {
        return (featureBits & ~FEATURE_PENDING_SEND_SIZE) == 0;
    }

    /** {@code pending_send_sz} no larger than the data area ({@code ring.pending_send_size.invalid} otherwise). */
    public boolean pendingSendSizeValid(long dataSize) {
        return pendingSendSize <= dataSize;
    }

    /** {@code hv_get_bytes_to_read} for a data area of {@code dataSize} bytes, in the kernel's u32 arithmetic. */
    public long bytesToRead(long dataSize) {
        return RingMath.bytesToRead(readIndex, writeIndex, dataSize);
    }

    /** {@code hv_get_bytes_to_write}, in the kernel's u32 arithmetic. */
    public long bytesToWrite(long dataSize) {
        return RingMath.bytesToWrite(readIndex, writeIndex, dataSize);
    }
}
