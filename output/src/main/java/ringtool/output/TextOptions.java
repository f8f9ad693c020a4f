package ringtool.output;

/**
 * What the text format shows beyond the packet lines.
 *
 * @param verbose     a field tree under each packet ({@code -V})
 * @param hex         an offset / hex / ASCII dump of each packet ({@code -x})
 * @param maxPackets  packets shown per ring ({@code -c}); findings and counts still cover all of them
 */
public record TextOptions(boolean verbose, boolean hex, long maxPackets) {

    public static final TextOptions DEFAULT = new TextOptions(false, false, Long.MAX_VALUE);
}
