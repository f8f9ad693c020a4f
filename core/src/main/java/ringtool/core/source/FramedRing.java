package ringtool.core.source;

/**
 * Where one ring lies in an input.
 *
 * @param name       {@code ring}, {@code outbound} or {@code inbound}
 * @param fileOffset offset of its header
 * @param headerSize bytes of header before the data area
 * @param dataSize   bytes of the data area (may be 0: a finding, not a framing failure)
 */
public record FramedRing(String name, long fileOffset, long headerSize, long dataSize) {
}
