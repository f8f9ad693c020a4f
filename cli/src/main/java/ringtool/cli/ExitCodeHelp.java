package ringtool.cli;

import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Exit codes" section of the commands' help, each line written once: the codes every reading command shares
 * (0, 1, 2 and 4), and what code 3 means to each. Annotation values must be constants, hence strings, not a method.
 */
final class ExitCodeHelp {

    static final String HEADING = "%nExit codes:%n";
    static final String DONE = "0:done; no finding at or above --fail-on (default error)";
    static final String FINDINGS = "1:findings at or above --fail-on; all output was still written";
    static final String USAGE = "2:usage error (unknown option, missing argument)";
    static final String INPUT =
            "3:an input could not be processed (missing, unreadable, a directory, empty, too small, unrecognised)";
    static final String INTERNAL = "4:internal error (a bug): one line on stderr, the stack trace with --stacktrace";

    private ExitCodeHelp() {
    }

    /**
     * The section as the commands built with picocli's programmatic API add it (the top command and inspect), with
     * the heading of the examples that follow it in every command's help.
     */
    static UsageMessageSpec exitCodesThenExamples(UsageMessageSpec usage) {
        return usage.exitCodeListHeading(HEADING)
                .exitCodeList(UsageMessageSpec.keyValuesMap(DONE, FINDINGS, USAGE, INPUT, INTERNAL))
                .footerHeading("%nExamples:%n");
    }
}
