package ringtool.cli;

import ringtool.core.rules.Severity;

/** {@code --fail-on}: the lowest severity that makes the exit code 1. */
enum FailOn {
    error(Severity.ERROR), warning(Severity.WARNING), note(Severity.NOTE), never(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The threshold, or null for never. */
    Severity threshold() {
        return threshold;
    }
}
