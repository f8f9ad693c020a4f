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
    /** The smallest {@code len8}: a packet is at least its descriptor. */
    public static final int MIN_LEN8 = SIZE / ALIGNMENT;
    /** What types 7 and 9 carry between the descriptor and their ranges; {@code offset8} must leave room for it. */
    public static final int EXTENDED_HEADER_SIZE = Long.BYTES;

    public static PacketDescriptor parse(ByteSource src, long at) {
        Bounds.require(src, at, SIZE, "packet descriptor");
        // The four u16 fields fill the first eight bytes: one little-endian read, split at their offsets (the walk
        // reads a descriptor per packet, and a read through the ring's view costs more than the split).
        long head = src.u64(at + TYPE_OFFSET);
        return new PacketDescriptor(
                u16(head, TYPE_OFFSET),
                u16(head, OFFSET8_OFFSET),
                u16(head, LEN8_OFFSET),
                u16(head, FLAGS_OFFSET),
                src.u64(at + TRANSACTION_ID_OFFSET));
    }

    /** The u16 at {@code offset} of the descriptor's first eight bytes, read as one little-endian u64. */
    private static int u16(long head, int offset) {
        return (int) (head >>> (Byte.SIZE * (offset - TYPE_OFFSET))) & 0xFFFF;
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

    /** The smallest {@code offset8} of this type: past the descriptor, and past the extended header of 7 and 9. */
    public int minOffset8() {
        return (SIZE + (PacketType.hasExtendedHeader(type) ? EXTENDED_HEADER_SIZE : 0)) / ALIGNMENT;
    }

    /** A type of the enum other than 0 ({@code pkt.type.unknown} otherwise). */
    public boolean typeKnown() {
        return PacketType.isKnown(type);
    }

    /** No flag but {@link #FLAG_COMPLETION_REQUESTED} ({@code pkt.flags.unknown} otherwise). */
    public boolean flagsKnown() {
        return (flags & ~FLAG_COMPLETION_REQUESTED) == 0;
    }

    /**
     * {@code MIN_LEN8 <= len8} and {@code minOffset8() <= offset8 <= len8}: the lengths place the payload inside the
     * packet. The strict walk reports each breach as its own rule; these are the ones that end it.
     */
    public boolean lengthsValid() {
        return len8 >= MIN_LEN8 && offset8 >= minOffset8() && offset8 <= len8;
    }

    /**
     * Whether a writer could have sent this descriptor: known type and flags, valid lengths. Readers that cannot lean
     * on the write index (the walk back through trailers, the carver's evidence) take a packet only when this holds.
     */
    public boolean plausible() {
        return typeKnown() && flagsKnown() && lengthsValid();
    }

    /** Why {@link #plausible()} fails, in one phrase, or null when it holds. */
    public String implausibility() {
        if (!typeKnown()) {
            return "type 0x" + Integer.toHexString(type) + " is not a packet type";
        }
        if (!flagsKnown()) {
            return "flags 0x" + Integer.toHexString(flags) + " are not plausible";
        }
        if (!lengthsValid()) {
            return "offset8 " + offset8 + " does not lie in [" + minOffset8() + ", len8 " + len8 + "]";
        }
        return null;
    }

    /**
     * The payload without the writer's zero padding. The ring does not record the exact length: writers pad the
     * payload with zeros to the next 8 bytes, so up to 7 trailing zero bytes count as padding, never more. The
     * packet's last 8 bytes are read as one little-endian u64, whose leading zero bytes are its last ones.
     *
     * @param src holds the packet at {@code at} (a data area's view, for packets across its end); the lengths must be
     *            {@link #lengthsValid() valid}, so that those 8 bytes lie inside the packet
     */
    public long payloadLength(ByteSource src, long at) {
        long padded = paddedPayloadLength();
        long lastAt = at + lengthBytes() - Long.BYTES;
        Bounds.require(src, lastAt, Long.BYTES, "end of packet");
        long zeros = Math.min(Long.numberOfLeadingZeros(src.u64(lastAt)) >>> 3, ALIGNMENT - 1);
        return padded - Math.min(zeros, padded);
    }

    /** The trailer a Linux or Hyper-V writer leaves after a packet that starts at {@code start}. */
    public static long expectedTrailer(long start) {
        return start << 32;
    }

    /** The packet start a trailer records: its high 32 bits. */
    public static long trailerStart(long trailer) {
        return trailer >>> 32;
    }

    /** Whether a trailer has the shape writers leave: its low 32 bits zero (a zero trailer included). */
    public static boolean trailerShaped(long trailer) {
        return (trailer & RingMath.U32_MAX) == 0;
    }
}
