package ringtool.core.synth;

/**
 * Descriptor, extended-header and trailer fields written over a packet after it is laid out; the ring cursor still
 * advances by the bytes actually written, as a writer whose fields lie would leave them. Null fields stay.
 *
 * @param rangeCount the {@code range_cnt} of a type 7 or 9 packet
 */
public record Damage(Integer type, Integer offset8, Integer len8, Integer flags, Long trailer, Long rangeCount) {
}
