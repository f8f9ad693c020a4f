package ringtool.core.walk;

import java.util.List;
import ringtool.core.rules.Finding;

/** What one step of a walk produced: a packet and the findings about it, or the findings that end the walk. */
public sealed interface WalkStep {

    List<Finding> findings();

    /** A packet read, with what is wrong with it (its trailer, its extended header, its type or flags). */
    record PacketStep(Packet packet, List<Finding> findings) implements WalkStep {
        public PacketStep {
            findings = List.copyOf(findings);
        }
    }

    /**
     * The last step of a walk that ends before the write index: too few bytes left, or a descriptor whose lengths
     * leave the next packet's start unknown. A walk that reaches the write index has none.
     */
    record Stop(List<Finding> findings) implements WalkStep {
        public Stop {
            findings = List.copyOf(findings);
        }
    }
}
