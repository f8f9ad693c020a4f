package ringtool.core.report;

import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/**
 * Counts over a ring, an input or a whole run.
 *
 * @param worst the first rule of the highest severity met, or null when there was no finding
 */
public record Summary(long packets, long errors, long warnings, long notes, Rule worst) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0, null);

    public Summary add(Finding f) {
        Rule w = worst == null || f.severity().compareTo(worst.severity()) > 0 ? f.rule() : worst;
        return switch (f.severity()) {
            case ERROR -> new Summary(packets, errors + 1, warnings, notes, w);
            case WARNING -> new Summary(packets, errors, warnings + 1, notes, w);
            case NOTE -> new Summary(packets, errors, warnings, notes + 1, w);
        };
    }

    public Summary plus(Summary o) {
        Rule w = worst == null || (o.worst != null && o.worst.severity().compareTo(worst.severity()) > 0)
                ? o.worst : worst;
        return new Summary(packets + o.packets, errors + o.errors, warnings + o.warnings, notes + o.notes, w);
    }

    public Summary withPackets(long count) {
        return new Summary(count, errors, warnings, notes, worst);
    }

    public long findings() {
        return errors + warnings + notes;
    }

    /** The highest severity met, or null. */
    public Severity worstSeverity() {
        return worst == null ? null : worst.severity();
    }

    public long count(Severity s) {
        return switch (s) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case NOTE -> notes;
        };
    }
}
