package ringtool.core.walk;

import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;

/**
 * One packet of the strict walk, with a descriptor that passed the length and offset rules.
 *
 * @param index         position in the walk, from 0 at the start cursor
 * @param offset        data-area offset of the descriptor
 * @param fileOffset    input-file offset of the descriptor
 * @param payloadLength the payload without the writer's zero padding: the ring does not record the exact
 *                      length, so up to 7 trailing zero bytes of the last 8-byte unit count as padding
 * @param trailer       the u64 after the packet
 * @param wraps         the packet or its trailer crosses the end of the data area
 * @param extension     the extended header and ranges of types 7 and 9, else null
 */
public record Packet(long index, long offset, long fileOffset, PacketDescriptor descriptor, long payloadLength,
                     long trailer, boolean wraps, PacketExtension extension) {

    public String typeName() {
        return PacketType.name(descriptor.type());
    }

    public long payloadOffset() {
        return descriptor.payloadOffset();
    }

    /** {@code hv_pkt_datalen}: what a Linux driver is handed, padding included. */
    public long paddedPayloadLength() {
        return descriptor.paddedPayloadLength();
    }

    /** Data-area offset of the trailer (modulo the data size). */
    public long trailerOffset(long dataSize) {
        return (offset + descriptor.lengthBytes()) % dataSize;
    }
}
