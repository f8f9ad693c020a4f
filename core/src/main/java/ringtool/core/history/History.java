package ringtool.core.history;

import java.util.List;
import ringtool.core.walk.Packet;

/**
 * Packets the reader has already consumed, recovered backwards from the read index.
 *
 * @param packets oldest first, indexed -n .. -1 (-1 ends at the read index)
 */
public record History(List<Packet> packets, ConsumedStop stop) {

    public History {
        // The walk's own list reads the packets from the ring as they are asked for; copying it would hold them.
        packets = packets instanceof ConsumedPackets ? packets : List.copyOf(packets);
    }
}
