package ringtool.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One black-box run of the command line, as a user's shell sees it: exit code, stdout, stderr. */
record CliRun(int exit, String out, String err) {

    /** A run on the whole command line, every command's model built. */
    static CliRun of(String... args) {
        return run(RingtoolCommand.commandLine(), args);
    }

    /** A run as {@link Main} makes it: only what {@code args} needs is built. */
    static CliRun asMain(String... args) {
        return run(RingtoolCommand.commandLine(args), args);
    }

    private static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
