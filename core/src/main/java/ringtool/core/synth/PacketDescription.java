package ringtool.core.synth;

/**
 * One packet as a sender hands it to {@code hv_ringbuffer_write}. The payload is {@code payload} (hex) or
 * {@code fill}, never both; the extended header of types 7 and 9 is {@code transferPages}, {@code gpaDirect} or
 * raw {@code extendedHeader} hex, at most one of them.
 *
 * @param state  {@code pending} (default: between the read and write index), {@code consumed} (before the read
 *               index: the guest has read it) or {@code unpublished} (after the write index: stale bytes)
 * @param damage fields to overwrite after the packet is laid out; null for none
 */
public record PacketDescription(int type, Integer flags, Long transactionId, String payload, Fill fill,
                                TransferPages transferPages, GpaDirect gpaDirect, String extendedHeader,
                                String state, Damage damage) {
}
