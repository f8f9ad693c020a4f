package ringtool.core.synth;

/**
 * A payload of {@code length} bytes: {@code pattern} (hex) repeated, or when it is null the bytes 0, 1, 2, ...
 * modulo 256, so a misplaced read shows in a hex dump.
 */
public record Fill(long length, String pattern) {
}
