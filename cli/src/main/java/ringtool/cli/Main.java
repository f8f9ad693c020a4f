package ringtool.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import ringtool.core.report.ExitCode;
import ringtool.output.Utf8Output;

/** The entry point: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new FileOutputStream(FileDescriptor.out));
        // Exit 0 by returning, which shuts the JVM down as System.exit does (every thread of ours is a daemon):
        // on JDK 21+ System.exit first looks up a logger for Runtime.exit, a service look-up on the class path
        // that costs a short run milliseconds.
        if (code != ExitCode.OK) {
            System.exit(code);
        }
    }

    /** One command line, its results written to {@code stdout}; the exit code. */
    static int run(String[] args, OutputStream stdout) {
        CommandLine cl = RingtoolCommand.commandLine(args);
        // Picocli's default stdout flushes on every println; a ring of a million packets wants a buffer.
        PrintWriter out = Utf8Output.of(stdout, 1 << 16);
        cl.setOut(out);
        try {
            int code = cl.execute(args);
            out.flush();
            return code;
        } catch (Throwable e) {
            // The commands report their own failures; this is for one that escapes them (an error in picocli
            // itself, or while flushing): still one line and exit 4.
            out.flush();
            System.err.println("ringtool: internal error: " + e);
            return ExitCode.INTERNAL;
        }
    }
}
