package ringtool.core.report;

import java.util.List;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Severity;

/**
 * Everything about one input: its rings, its own findings (framing, copies that differ), or the reason it could
 * not be processed.
 *
 * @param layout   the layout used, or the one asked for when framing failed
 * @param decision why {@code auto} chose the layout, or null
 * @param error    one line saying why the input could not be processed, or null
 * @param container the memory-image container a carve read ({@code elf}, {@code kdump-compressed}, ...), or null
 *                 for ring dumps
 */
public record InputReport(String source, String layout, String decision, List<RingReport> rings,
                          List<Finding> findings, String error, String container) {

    public InputReport {
        rings = List.copyOf(rings);
        findings = List.copyOf(findings);
    }

    public InputReport(String source, String layout, String decision, List<RingReport> rings,
                       List<Finding> findings, String error) {
        this(source, layout, decision, rings, findings, error, null);
    }

    public static InputReport failed(String source, String layout, String error) {
        return new InputReport(source, layout, null, List.of(), List.of(), error);
    }

    public Summary summary() {
        Summary s = Summary.EMPTY;
        for (Finding f : findings) {
            s = s.add(f);
        }
        for (RingReport r : rings) {
            s = s.plus(r.summary());
        }
        return s;
    }

    /** @param failOn the lowest failing severity, or null for never */
    public int exitCode(Severity failOn) {
        return error != null ? ExitCode.INPUT : ExitCode.forFindings(summary().worstSeverity(), failOn);
    }
}
