package ringtool.core.source;

import java.util.List;
import ringtool.core.rules.Finding;

/**
 * An input cut into rings.
 *
 * @param layout   the layout used (never {@link Layout#AUTO})
 * @param decision why that layout, in one line, when it was decided rather than given; else null
 * @param findings input-level findings made while framing (copies that differ, torn reads)
 */
public record FramedInput(Layout layout, String decision, List<FramedRing> rings, List<Finding> findings) {

    public FramedInput {
        rings = List.copyOf(rings);
        findings = List.copyOf(findings);
    }
}
