package ringtool.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, as the launcher would, capturing stdout, stderr and the exit code. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = RingtoolCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
