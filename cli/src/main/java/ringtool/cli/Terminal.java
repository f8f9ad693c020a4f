package ringtool.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output is a terminal, for grep's buffering rule (docs/contract.md, JSONL). */
final class Terminal {

    private Terminal() {
    }

    /**
     * Linux names the terminal behind fd 1 in {@code /proc/self/fd/1}; elsewhere, or when that link cannot be
     * read, {@link System#console()} answers (on JDK 17 it exists only when stdin and stdout are terminals).
     */
    static boolean stdout() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
