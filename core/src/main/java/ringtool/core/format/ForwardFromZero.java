package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/**
 * The walk forward from offset 0 to the read index: on a ring that has not wrapped since its channel opened, the
 * packets consumed so far lie back to back from 0, and the walk must land exactly on the read index.
 *
 * <pre>
 *   0 | packet 0 | trailer | packet 1 | trailer | ... | read_index
 * </pre>
 *
 * It is the only way to find consumed packets on rings whose writer leaves trailers zero (QEMU's host side), where
 * {@link TrailerChain} has nothing to follow (docs/ring-format.md §6.3). Every packet must be
 * {@link PacketDescriptor#plausible plausible}, fit before the read index, and end in a trailer that is zero or
 * the one Linux writes; one that does not, or a walk that overshoots the read index, proves nothing and counts as
 * none. At most {@code readIndex / 24} steps.
 */
public final class ForwardFromZero {

    private ForwardFromZero() {
    }

    /**
     * How many packets lie back to back from 0 to exactly {@code readIndex}, or 0 when they do not.
     *
     * @param data the data area, from offset 0 (a walk below the read index never wraps)
     */
    public static long count(ByteSource data, long readIndex) {
        if (readIndex <= 0 || readIndex > data.size()) {
            return 0;
        }
        long cursor = 0;
        long count = 0;
        while (cursor + PacketDescriptor.MIN_FOOTPRINT <= readIndex) {
            PacketDescriptor d = PacketDescriptor.parse(data, cursor);
            if (!d.plausible() || cursor + d.footprint() > readIndex) {
                return 0;
            }
            long trailer = data.u64(cursor + d.lengthBytes());
            if (trailer != 0 && trailer != PacketDescriptor.expectedTrailer(cursor)) {
                return 0;
            }
            cursor += d.footprint();
            count++;
        }
        return cursor == readIndex ? count : 0;
    }
}
