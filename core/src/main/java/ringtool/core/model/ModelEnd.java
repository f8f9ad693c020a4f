package ringtool.core.model;

/**
 * @param cursor the reader's cursor when it stopped
 * @param reads  packets handed over before the end
 */
public record ModelEnd(EndReason reason, long cursor, long reads, String detail) {
}
