package ringtool.core.rules;

import java.util.Objects;

/**
 * One thing wrong (or worth a note) in an input.
 *
 * @param offset     offset in the data area, or null for header fields and input-level findings
 * @param fileOffset offset in the input file of the first byte concerned, or null when no byte is
 * @param length     bytes concerned from {@code fileOffset}, or null
 * @param packet     index of the packet concerned (as the walk numbers them), or null
 * @param expected   what a well-formed ring holds there, or null when the rule states it
 * @param actual     what the input holds, or null
 * @param model      the reader model that produced the finding, or null for the strict walk
 */
public record Finding(Rule rule, String message, Long offset, Long fileOffset, Long length, Long packet,
                      String expected, String actual, String model) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return rule.severity();
    }

    /**
     * A finding whose message has the shape {@code <subject>: expected <e>, got <a>}; where it points is added with
     * {@link #at}, {@link #file} and {@link #inPacket}.
     */
    public static Finding mismatch(Rule rule, String subject, String expected, String actual) {
        return new Finding(rule, subject + ": expected " + expected + ", got " + actual, null, null, null, null,
                expected, actual, null);
    }

    /** A finding with a free-form message and nowhere to point yet. */
    public static Finding of(Rule rule, String message) {
        return new Finding(rule, message, null, null, null, null, null, null, null);
    }

    /** The same finding at a data-area offset (null: a header field or the input as a whole). */
    public Finding at(Long dataOffset) {
        return new Finding(rule, message, dataOffset, fileOffset, length, packet, expected, actual, model);
    }

    /** The same finding pointing at {@code length} bytes of the input file from {@code fileOffset}. */
    public Finding file(Long fileOffset, Long length) {
        return new Finding(rule, message, offset, fileOffset, length, packet, expected, actual, model);
    }

    /** The same finding about the packet the walk numbered {@code index}. */
    public Finding inPacket(Long index) {
        return new Finding(rule, message, offset, fileOffset, length, index, expected, actual, model);
    }

    /** The same finding as reported by the reader model {@code model}. */
    public Finding byModel(String model) {
        return new Finding(rule, message, offset, fileOffset, length, packet, expected, actual, model);
    }

    /** The same finding with another message (a count of repeats appended, say). */
    public Finding withMessage(String message) {
        return new Finding(rule, message, offset, fileOffset, length, packet, expected, actual, model);
    }

    /** Hex as the messages print offsets and values: {@code 0x1f00c}. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** A u64 as 16 hex digits: {@code 0x0000000800000000}. */
    public static String hex64(long value) {
        String digits = Long.toHexString(value);
        return "0x" + "0".repeat(16 - digits.length()) + digits;
    }
}
