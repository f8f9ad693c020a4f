package ringtool.core.synth;

import java.util.List;

/**
 * One ring: its size, where the writer's first packet goes, the packets in the order the writer wrote them, and
 * any header fields or bytes set on purpose.
 *
 * @param dataSize      bytes of the data area
 * @param start         data-area offset of the first packet; null for 0
 * @param header        header fields; a null field takes the value the Linux writer leaves there
 * @param packets       packets in writing order: {@code consumed} ones first, then {@code pending}, then
 *                      {@code unpublished}
 * @param headerPatches raw bytes written over the header last, offsets from the start of the header
 * @param patches       raw bytes written over the data area last, offsets into the data area (wrapping)
 */
public record RingDescription(long dataSize, Long start, HeaderFields header, List<PacketDescription> packets,
                              List<Patch> headerPatches, List<Patch> patches) {
}
