package ringtool.core.walk;

import java.util.List;
import ringtool.core.rules.Finding;

/**
 * What one step of a walk produced: a packet, the findings about it, or (at the end) findings alone.
 *
 * @param packet null when the step found no packet it could report (the walk ends there)
 */
public record WalkStep(Packet packet, List<Finding> findings) {

    public WalkStep {
        findings = List.copyOf(findings);
    }
}
