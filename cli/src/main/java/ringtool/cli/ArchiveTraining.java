package ringtool.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The launcher's training run for its class-data archive (AppCDS on JDK 17, the AOT cache on JDK 25+), not a
 * command: {@code java -cp ringtool.jar ringtool.cli.ArchiveTraining SAMPLES_DIR}. An archive holds the classes
 * its training run loaded (on JDK 25 also their linked lambdas and profiles), and a later run loads those from it
 * instead of reading and verifying them from the jar. One JVM therefore runs the usual command lines through
 * {@link Main#run}, output discarded: each format of inspect over rings with packets of every protocol, a summary,
 * the field tree and hex dump, the reader models and the history, checks, help, the version and the errors.
 */
public final class ArchiveTraining {

    /** Command lines; an argument starting with {@code @} names a file of the samples directory. */
    static final String[][] RUNS = {
        {"inspect", "@wrapped-packet.bin"},
        {"inspect", "@balloon-hot-add-info.bin", "@ic-kvp.bin", "@netvsc-busy.bin", "@storvsc-io.bin"},
        {"inspect", "--format", "json", "@balloon-uio-pair.bin", "@bad-trailer-mismatch.bin"},
        {"inspect", "--format", "jsonl", "@balloon-up-down.bin", "@bad-len8-zero.bin"},
        {"inspect", "--format", "sarif", "@bad-ic-kvp.bin"},
        {"inspect", "-V", "-x", "-c", "4", "@balloon-hot-add-info.bin"},
        {"inspect", "--model", "all", "--history", "--read-index", "0", "@balloon-uio-pair.bin"},
        {"inspect", "-r", "--summary", "@"},
        {"inspect", "@no-such-file.bin"},
        {"inspect", "--no-such-option"},
        {"checks"},
        {"checks", "--format", "json"},
        {"--help"},
        {"inspect", "--help"},
        {"--version"},
    };

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        String samples = args.length > 0 ? args[0] : "samples";
        // The runs' diagnostics (some on purpose) are not the launcher's to show.
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        for (String[] run : RUNS) {
            String[] line = run.clone();
            for (int i = 0; i < line.length; i++) {
                if (line[i].startsWith("@")) {
                    line[i] = Path.of(samples, line[i].substring(1)).toString();
                }
            }
            Main.run(line, OutputStream.nullOutputStream());
        }
        // As Main ends: on JDK 21+ System.exit looks up a logger for Runtime.exit, some thirty classes.
        System.exit(0);
    }
}
