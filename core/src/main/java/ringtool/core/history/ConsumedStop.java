package ringtool.core.history;

/**
 * Where and why the walk back through trailers stopped.
 *
 * @param offset the start of the oldest packet recovered, or the read index when none was
 */
public record ConsumedStop(long offset, String reason) {
}
