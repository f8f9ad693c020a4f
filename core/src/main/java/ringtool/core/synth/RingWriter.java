package ringtool.core.synth;

import java.util.Arrays;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;

/**
 * Lays out one ring's bytes as the Linux writer ({@code hv_ringbuffer_write}) leaves them, and lets any field be
 * written over afterwards to plant damage. The one writer of ring bytes: {@link Synthesizer} and the test,
 * fuzzing and benchmark rings all go through it.
 *
 * <pre>
 * ring at base:   | header (headerSize bytes)                    | data area (dataSize bytes)          |
 *                   write_index, read_index, ..., feature_bits = 1
 *
 * one packet at data offset S (every write wraps at the end of the data area):
 *   S + 0              descriptor: type, offset8 = (16 + extended header) / 8, len8, flags, transaction_id
 *   S + 16             extended header (a multiple of 8 bytes)
 *   S + offset8 * 8    payload, then zero padding to len8 * 8 = ALIGN(offset8 * 8 + payload, 8)
 *   S + len8 * 8       trailer: S &lt;&lt; 32
 *   S + len8 * 8 + 8   the next packet, and the write index
 * </pre>
 *
 * The header starts as {@code hv_ringbuffer_init} leaves it: both indices 0, {@code feature_bits} 1.
 */
public final class RingWriter {

    private static final byte[] NONE = new byte[0];

    /**
     * Where a ring's bytes go, at offsets from the start of its header: an array, a file, or a comparison with a
     * dump ({@link Describer}). A byte written twice takes the second value, as in an array.
     */
    public interface Target {
        void write(long at, byte[] bytes, int from, int length);
    }

    private final byte[] out;
    private final Target target;
    private final byte[] scratch = new byte[Long.BYTES];
    private final int base;
    private final int headerSize;
    private final long dataSize;
    private long cursor;
    private long lastPacket;

    /** A ring of its own behind a 4096-byte header. */
    public RingWriter(int dataSize) {
        this(RingHeader.HOST_PAGE_SIZE, dataSize);
    }

    /** A ring of its own. */
    public RingWriter(int headerSize, int dataSize) {
        this(new byte[headerSize + dataSize], 0, headerSize, dataSize);
    }

    /** A ring written in place: its header at {@code out[base]}, its data area right after the header. */
    public RingWriter(byte[] out, int base, int headerSize, long dataSize) {
        if (dataSize <= 0 || base < 0 || headerSize < RingHeader.RESERVED2_OFFSET
                || base + headerSize + dataSize > out.length) {
            throw new IllegalArgumentException("a ring of " + headerSize + " + " + dataSize + " bytes at " + base
                    + " does not fit " + out.length + " bytes");
        }
        this.out = out;
        this.target = (at, bytes, from, length) -> System.arraycopy(bytes, from, out, base + (int) at, length);
        this.base = base;
        this.headerSize = headerSize;
        this.dataSize = dataSize;
        featureBits(RingHeader.FEATURE_PENDING_SEND_SIZE);
    }

    /**
     * A ring whose bytes go to {@code target} as they are written, none kept here: the target starts as zeros
     * (a new file, or what a rebuilt ring is compared with), so nothing is written for the bytes left zero.
     */
    public RingWriter(Target target, int headerSize, long dataSize) {
        if (dataSize <= 0 || headerSize < RingHeader.RESERVED2_OFFSET) {
            throw new IllegalArgumentException("a ring of " + headerSize + " + " + dataSize + " bytes");
        }
        this.out = null;
        this.target = target;
        this.base = 0;
        this.headerSize = headerSize;
        this.dataSize = dataSize;
        featureBits(RingHeader.FEATURE_PENDING_SEND_SIZE);
    }

    /**
     * A packet as Linux sends it, the trailer left out: descriptor, extended header, payload, zero padding to 8.
     *
     * @throws IllegalArgumentException when the extended header is not a multiple of 8 or the packet does not fit
     *                                  len8; {@link Synthesizer} checks both first to say which field is wrong
     */
    public static byte[] encode(int type, int flags, long transactionId, byte[] extendedHeader, byte[] payload) {
        if (extendedHeader.length % PacketDescriptor.ALIGNMENT != 0) {
            throw new IllegalArgumentException("an extended header of " + extendedHeader.length + " bytes");
        }
        int offset8 = offset8(extendedHeader.length);
        int len8 = len8(offset8, payload.length);
        if (len8 > 0xFFFF) {
            throw new IllegalArgumentException("a packet of " + len8 + " x 8 bytes does not fit len8");
        }
        byte[] packet = new byte[len8 * PacketDescriptor.ALIGNMENT];
        le(packet, PacketDescriptor.TYPE_OFFSET, type, Short.BYTES);
        le(packet, PacketDescriptor.OFFSET8_OFFSET, offset8, Short.BYTES);
        le(packet, PacketDescriptor.LEN8_OFFSET, len8, Short.BYTES);
        le(packet, PacketDescriptor.FLAGS_OFFSET, flags, Short.BYTES);
        le(packet, PacketDescriptor.TRANSACTION_ID_OFFSET, transactionId, Long.BYTES);
        System.arraycopy(extendedHeader, 0, packet, PacketDescriptor.SIZE, extendedHeader.length);
        System.arraycopy(payload, 0, packet, offset8 * PacketDescriptor.ALIGNMENT, payload.length);
        return packet;
    }

    /** The {@code offset8} of a packet with this many bytes of extended header (rounded up to 8). */
    public static int offset8(long extendedHeaderLength) {
        return (int) ((PacketDescriptor.SIZE + extendedHeaderLength + PacketDescriptor.ALIGNMENT - 1)
                / PacketDescriptor.ALIGNMENT);
    }

    /** The {@code len8} of a packet whose payload starts at {@code offset8} and takes this many bytes. */
    public static int len8(int offset8, long payloadLength) {
        return (int) (offset8 + (payloadLength + PacketDescriptor.ALIGNMENT - 1) / PacketDescriptor.ALIGNMENT);
    }

    /** Both indices at {@code offset}: an empty ring whose next packet goes there. */
    public RingWriter startAt(long offset) {
        cursor = offset;
        readIndex(offset);
        return writeIndex(offset);
    }

    /** An in-band packet (type 6) with this payload. */
    public RingWriter inband(long transactionId, byte... payload) {
        return packet(PacketType.DATA_INBAND, 0, transactionId, NONE, payload);
    }

    /** A packet laid out as Linux sends it ({@link #encode}), at the cursor, with its trailer. */
    public RingWriter packet(int type, int flags, long transactionId, byte[] extendedHeader, byte[] payload) {
        return raw(encode(type, flags, transactionId, extendedHeader, payload), PacketDescriptor.expectedTrailer(cursor));
    }

    /** Any bytes as one packet at the cursor, followed by the given trailer; cursor and write index move past it. */
    public RingWriter raw(byte[] packet, long trailer) {
        put(cursor, packet);
        lastPacket = cursor;
        cursor = trailer(cursor, packet.length, trailer);
        return writeIndex(cursor);
    }

    /**
     * Writes the trailer that ends a packet of {@code packetLength} bytes (its len8 * 8) at {@code start}.
     *
     * @return where the next packet starts
     */
    public long trailer(long start, long packetLength, long value) {
        long at = start + packetLength;
        put(at, value, PacketDescriptor.TRAILER_SIZE);
        return Math.floorMod(at + PacketDescriptor.TRAILER_SIZE, dataSize);
    }

    /** Writes a descriptor's fields at a data offset as given, whatever they say. */
    public RingWriter descriptor(long at, int type, int offset8, int len8, int flags, long transactionId) {
        put(at + PacketDescriptor.TYPE_OFFSET, type, Short.BYTES);
        put(at + PacketDescriptor.OFFSET8_OFFSET, offset8, Short.BYTES);
        put(at + PacketDescriptor.LEN8_OFFSET, len8, Short.BYTES);
        put(at + PacketDescriptor.FLAGS_OFFSET, flags, Short.BYTES);
        return put(at + PacketDescriptor.TRANSACTION_ID_OFFSET, transactionId, Long.BYTES);
    }

    /** Writes bytes into the data area at an offset, wrapping at its end (more than once, if they are longer). */
    public RingWriter put(long offset, byte[] bytes) {
        return put(offset, bytes, bytes.length);
    }

    private RingWriter put(long offset, byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            long at = Math.floorMod(offset + i, dataSize);
            int n = (int) Math.min(length - i, dataSize - at);
            target.write(headerSize + at, bytes, i, n);
            i += n;
        }
        return this;
    }

    /** Writes the low {@code width} bytes of {@code value}, little-endian, into the data area, wrapping. */
    public RingWriter put(long offset, long value, int width) {
        le(scratch, 0, value, width);
        return put(offset, scratch, width);
    }

    public RingWriter putU16(long offset, int value) {
        return put(offset, value, Short.BYTES);
    }

    public RingWriter putU32(long offset, long value) {
        return put(offset, value, Integer.BYTES);
    }

    public RingWriter putU64(long offset, long value) {
        return put(offset, value, Long.BYTES);
    }

    public RingWriter writeIndex(long value) {
        return headerU32(RingHeader.WRITE_INDEX_OFFSET, value);
    }

    public RingWriter readIndex(long value) {
        return headerU32(RingHeader.READ_INDEX_OFFSET, value);
    }

    public RingWriter interruptMask(long value) {
        return headerU32(RingHeader.INTERRUPT_MASK_OFFSET, value);
    }

    public RingWriter pendingSendSize(long value) {
        return headerU32(RingHeader.PENDING_SEND_SIZE_OFFSET, value);
    }

    public RingWriter featureBits(long value) {
        return headerU32(RingHeader.FEATURE_BITS_OFFSET, value);
    }

    /** Writes the low 32 bits of {@code value} at an offset into the header. */
    public RingWriter headerU32(int offset, long value) {
        le(scratch, 0, value, Integer.BYTES);
        target.write(offset, scratch, 0, Integer.BYTES);
        return this;
    }

    public RingWriter headerByte(int offset, int value) {
        scratch[0] = (byte) value;
        target.write(offset, scratch, 0, 1);
        return this;
    }

    public RingWriter headerBytes(int offset, byte[] bytes) {
        target.write(offset, bytes, 0, bytes.length);
        return this;
    }

    public long dataSize() {
        return dataSize;
    }

    /** Where the next packet goes. */
    public long cursor() {
        return cursor;
    }

    /** Where the last packet written starts. */
    public long lastPacket() {
        return lastPacket;
    }

    /** A copy of the ring: header, then data area (of a ring written into an array). */
    public byte[] build() {
        return Arrays.copyOfRange(array(), base, base + headerSize + (int) dataSize);
    }

    /** A copy of the header alone. */
    public byte[] buildHeader() {
        return Arrays.copyOfRange(array(), base, base + headerSize);
    }

    private byte[] array() {
        if (out == null) {
            throw new IllegalStateException("the ring went to a target, not an array");
        }
        return out;
    }

    /** The ring followed by its data area again: the guest's double-mapped view. */
    public byte[] buildDoubleMapped() {
        byte[] out = Arrays.copyOf(build(), headerSize + 2 * (int) dataSize);
        System.arraycopy(out, headerSize, out, headerSize + (int) dataSize, (int) dataSize);
        return out;
    }

    /** Two rings, outbound first, as the uio / sysfs {@code ring} file maps them. */
    public static byte[] pair(RingWriter outbound, RingWriter inbound) {
        byte[] a = outbound.build();
        byte[] b = inbound.build();
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void le(byte[] b, int at, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
