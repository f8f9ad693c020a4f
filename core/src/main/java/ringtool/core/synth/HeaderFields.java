package ringtool.core.synth;

/**
 * The u32 fields of the ring header. A null index is computed as the writer leaves it (read index at the first
 * pending packet, write index past the last pending trailer); a set one is written as given, in range or not.
 */
public record HeaderFields(Long writeIndex, Long readIndex, Long interruptMask, Long pendingSendSize,
                           Long featureBits) {

    public static final HeaderFields DEFAULTS = new HeaderFields(null, null, null, null, null);
}
