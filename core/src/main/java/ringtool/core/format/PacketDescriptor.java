package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/**
 * {@code struct vmpacket_descriptor}: the 16 bytes that start every packet.
 *
 * <pre>
 * +0          +2          +4          +6          +8                    +16
 * | type u16  | offset8   | len8      | flags     | transaction_id u64  |
 * </pre>
 *
 * {@code offset8} and {@code len8} count 8-byte units from the start of the descriptor. {@code len8} covers the
 * descriptor, any extended header, the payload and its padding, but not the 8-byte {@link #TRAILER_SIZE trailer}
 * that follows every packet: a packet takes {@code len8 * 8 + 8} bytes of the ring.
 */
public record PacketDescriptor(int type, int offset8, int len8, int flags, long transactionId) {

    public static final int TYPE_OFFSET = 0;
    public static final int OFFSET8_OFFSET = TYPE_OFFSET + Short.BYTES;
    public static final int LEN8_OFFSET = OFFSET8_OFFSET + Short.BYTES;
    public static final int FLAGS_OFFSET = LEN8_OFFSET + Short.BYTES;
    public static final int TRANSACTION_ID_OFFSET = FLAGS_OFFSET + Short.BYTES;
    public static final int SIZE = TRANSACTION_ID_OFFSET + Long.BYTES;

    /** The u64 after each packet: {@code (u64) start_offset << 32} as Linux and Hyper-V write it. */
    public static final int TRAILER_SIZE = Long.BYTES;
    /** The ring's unit: indices, lengths and packet starts are multiples of it. */
    public static final int ALIGNMENT = 8;
    /** The smallest footprint of a packet on the ring: a bare descriptor and its trailer. */
    public static final int MIN_FOOTPRINT = SIZE + TRAILER_SIZE;
    /** {@code VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED}, the only flag defined. */
    public static final int FLAG_COMPLETION_REQUESTED = 1;

    public static PacketDescriptor parse(ByteSource src, long at) {
        Bounds.require(src, at, SIZE, "packet descriptor");
        return new PacketDescriptor(
                src.u16(at + TYPE_OFFSET),
                src.u16(at + OFFSET8_OFFSET),
                src.u16(at + LEN8_OFFSET),
                src.u16(at + FLAGS_OFFSET),
                src.u64(at + TRANSACTION_ID_OFFSET));
    }

    public long lengthBytes() {
        return (long) len8 * ALIGNMENT;
    }

    public long payloadOffset() {
        return (long) offset8 * ALIGNMENT;
    }

    /** {@code hv_pkt_datalen}: the payload with its padding; negative when offset8 lies beyond len8. */
    public long paddedPayloadLength() {
        return lengthBytes() - payloadOffset();
    }

    /** Bytes of ring the packet takes: itself and its trailer. */
    public long footprint() {
        return lengthBytes() + TRAILER_SIZE;
    }

    /** The trailer a Linux or Hyper-V writer leaves after a packet that starts at {@code start}. */
    public static long expectedTrailer(long start) {
        return start << 32;
    }
}
