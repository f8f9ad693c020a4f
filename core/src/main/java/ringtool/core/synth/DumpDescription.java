package ringtool.core.synth;

import java.util.List;

/**
 * What {@code ringtool synth} writes: one file holding one or two rings.
 *
 * @param comment           what the dump shows, for people; not written into the dump
 * @param layout            {@code single}, {@code uio-pair} (outbound ring first, then inbound; both the same size)
 *                          or {@code double-mapped} (header, data, then the data again)
 * @param headerSize        bytes of header before each data area (the guest page size); null for 4096
 * @param rings             one ring, or two for {@code uio-pair}
 * @param secondCopyPatches {@code double-mapped} only: bytes that differ in the second copy of the data area
 */
public record DumpDescription(String comment, String layout, Long headerSize, List<RingDescription> rings,
                              List<Patch> secondCopyPatches) {
}
