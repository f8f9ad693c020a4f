package ringtool.core.model;

/**
 * One packet a reader hands its driver, with the fields as the driver receives them (after any clamping).
 *
 * @param offset            the reader's cursor when it read this descriptor (at or beyond the data size only for
 *                          linux-4.11, whose cursor can be left there)
 * @param bytes             {@code len8 * 8} as the reader sees it
 * @param strictPacket      index of the strict walk's packet at this offset with this len8, or null
 * @param beyondWriteIndex  the descriptor lies outside {@code [read_index, write_index)}: stale bytes
 */
public record ModelRead(long step, long offset, int type, int flags, long transactionId, int offset8, int len8,
                        long bytes, Long strictPacket, boolean beyondWriteIndex) {
}
