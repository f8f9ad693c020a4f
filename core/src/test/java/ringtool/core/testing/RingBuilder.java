package ringtool.core.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;

/**
 * Builds ring dumps in tests the way the Linux writer ({@code hv_ringbuffer_write}) lays them out: descriptor,
 * payload, zero padding to 8, trailer {@code start << 32}, write index advanced past the trailer; every write
 * wraps modulo the data size. Fields can be overridden afterwards to plant damage.
 */
public final class RingBuilder {

    private final int headerSize;
    private final int dataSize;
    private final ByteBuffer header;
    private final byte[] data;
    private long cursor;

    public RingBuilder(int dataSize) {
        this(RingHeader.HOST_PAGE_SIZE, dataSize);
    }

    public RingBuilder(int headerSize, int dataSize) {
        this.headerSize = headerSize;
        this.dataSize = dataSize;
        this.header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        this.data = new byte[dataSize];
        header.putInt(RingHeader.FEATURE_BITS_OFFSET, 1);
    }

    /** Both indices at {@code offset}: an empty ring whose next packet goes there. */
    public RingBuilder startAt(long offset) {
        cursor = offset;
        readIndex(offset);
        writeIndex(offset);
        return this;
    }

    /** An in-band packet (type 6) with this payload. */
    public RingBuilder inband(long transactionId, byte... payload) {
        return packet(6, 0, transactionId, new byte[0], payload);
    }

    /** A packet as Linux sends it: offset8 = (16 + extended header) / 8, len8 = padded total / 8. */
    public RingBuilder packet(int type, int flags, long transactionId, byte[] extendedHeader, byte[] payload) {
        int offset = PacketDescriptor.SIZE + extendedHeader.length;
        int total = (offset + payload.length + 7) / 8 * 8;
        ByteBuffer p = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        p.putShort((short) type).putShort((short) (offset / 8)).putShort((short) (total / 8)).putShort((short) flags)
                .putLong(transactionId).put(extendedHeader).put(payload);
        return raw(p.array(), PacketDescriptor.expectedTrailer(cursor));
    }

    /** Any bytes as one packet, followed by the given trailer; the write index moves past it. */
    public RingBuilder raw(byte[] packet, long trailer) {
        put(cursor, packet);
        long trailerAt = (cursor + packet.length) % dataSize;
        put(trailerAt, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(trailer).array());
        cursor = (trailerAt + 8) % dataSize;
        writeIndex(cursor);
        return this;
    }

    /** Writes bytes into the data area at an offset, wrapping. */
    public RingBuilder put(long offset, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            data[(int) ((offset + i) % dataSize)] = bytes[i];
        }
        return this;
    }

    public RingBuilder putU16(long offset, int value) {
        return put(offset, new byte[] {(byte) value, (byte) (value >>> 8)});
    }

    public RingBuilder putU32(long offset, long value) {
        return put(offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
    }

    public RingBuilder putU64(long offset, long value) {
        return put(offset, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    public RingBuilder writeIndex(long value) {
        return headerU32(RingHeader.WRITE_INDEX_OFFSET, value);
    }

    public RingBuilder readIndex(long value) {
        return headerU32(RingHeader.READ_INDEX_OFFSET, value);
    }

    public RingBuilder interruptMask(long value) {
        return headerU32(RingHeader.INTERRUPT_MASK_OFFSET, value);
    }

    public RingBuilder pendingSendSize(long value) {
        return headerU32(RingHeader.PENDING_SEND_SIZE_OFFSET, value);
    }

    public RingBuilder featureBits(long value) {
        return headerU32(RingHeader.FEATURE_BITS_OFFSET, value);
    }

    public RingBuilder headerU32(int offset, long value) {
        header.putInt(offset, (int) value);
        return this;
    }

    public RingBuilder headerByte(int offset, int value) {
        header.put(offset, (byte) value);
        return this;
    }

    /** Where the next packet would start. */
    public long cursor() {
        return cursor;
    }

    public byte[] build() {
        byte[] out = new byte[headerSize + dataSize];
        System.arraycopy(header.array(), 0, out, 0, headerSize);
        System.arraycopy(data, 0, out, headerSize, dataSize);
        return out;
    }

    /** The ring followed by its data area again: the guest's double-mapped view. */
    public byte[] buildDoubleMapped() {
        byte[] single = build();
        byte[] out = new byte[single.length + dataSize];
        System.arraycopy(single, 0, out, 0, single.length);
        System.arraycopy(data, 0, out, single.length, dataSize);
        return out;
    }

    /** Two rings, outbound first, as the uio / sysfs {@code ring} file maps them. */
    public static byte[] pair(RingBuilder outbound, RingBuilder inbound) {
        byte[] a = outbound.build();
        byte[] b = inbound.build();
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
