package ringtool.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cl = RingtoolCommand.commandLine();
        // Picocli's default stdout flushes on every println; a ring of a million packets wants a buffer.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        cl.setOut(out);
        int code = cl.execute(args);
        out.flush();
        System.exit(code);
    }
}
