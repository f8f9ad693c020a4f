package ringtool.core.report;

import ringtool.core.rules.Severity;

/** The exit codes of docs/contract.md §2; with several inputs the highest wins. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;
    public static final int INTERNAL = 4;

    private ExitCode() {
    }

    /**
     * @param failOn the lowest severity that fails, or null for {@code --fail-on never}
     */
    public static int forFindings(Severity worst, Severity failOn) {
        return worst != null && failOn != null && worst.atLeast(failOn) ? FINDINGS : OK;
    }
}
