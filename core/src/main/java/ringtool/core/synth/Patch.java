package ringtool.core.synth;

/** Raw bytes ({@code hex}) written at {@code offset}. */
public record Patch(long offset, String hex) {
}
