package ringtool.core.report;

/**
 * What {@code ringtool carve} knows of a ring it found in a memory image: the contract's carve fields.
 *
 * @param physicalAddress of the ring's header page
 * @param pair            shared by the two rings of one channel
 * @param confidence      0..1 that this is a live ring with this data size
 * @param evidence        one line: why this ring, why this size
 */
public record CarveInfo(long physicalAddress, int pair, double confidence, String evidence) {
}
