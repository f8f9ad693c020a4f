package ringtool.fuzz;

import java.util.EnumSet;
import java.util.Set;
import ringtool.core.bytes.ByteSource;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.InputReport;
import ringtool.core.rules.Severity;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/**
 * What every fuzz target does with its bytes: inspect them through the CLI's own front door, check the reader's
 * invariants ({@link ReaderInvariants}), run the chosen writers on the report ({@link WriterChecks}), and re-encode
 * a clean report's fields ({@link ModelEncoder}). Anything thrown from here is a finding: the inspector turns the
 * one declared failure (an input that cannot be processed) into an error report, so no other exception may escape.
 */
public final class Harness {

    /** The field tree and hex dump cover every text path; four packets keep the dump cheap. */
    static final TextOptions TEXT = new TextOptions(true, true, 4);
    static final String SOURCE = "fuzz-input";

    private Harness() {
    }

    /**
     * Loads and initialises every class the harness reaches (Jackson's above all) before libFuzzer's per-input
     * timeout starts counting: on a busy machine the first input would otherwise take longer than the timeout.
     */
    public static void warmUp() {
        SeedCorpus.Dump ring = new SeedCorpus.Dump(4096).startAt(4096 - 24);
        ring.inband(new byte[20], 1).transferPages(2).gpaDirect(1);
        run(Inspector.defaults(), ring.bytes(), EnumSet.allOf(Format.class), TEXT);
        run(Inspector.defaults(), new byte[16], EnumSet.allOf(Format.class), TextOptions.DEFAULT);
    }

    /** Every writer, the text writer with its field tree and hex dump. */
    public static InputReport run(Inspector inspector, byte[] input) {
        return run(inspector, input, EnumSet.allOf(Format.class), TEXT);
    }

    /**
     * @param formats the writers to run on the report
     * @param text    the text writer's options: the field tree and hex dump are costly, so targets choose them
     */
    public static InputReport run(Inspector inspector, byte[] input, Set<Format> formats, TextOptions text) {
        InputReport report = inspector.inspect(SOURCE, ByteSource.of(input));
        ReaderInvariants.check(report, input.length);
        WriterChecks.check(report, formats, text);
        if (report.error() == null && report.summary().count(Severity.ERROR) == 0) {
            ModelEncoder.verify(report, input);
        }
        return report;
    }
}
