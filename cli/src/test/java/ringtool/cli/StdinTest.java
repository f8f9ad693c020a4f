package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump piped in: {@code -}, {@code /dev/stdin}, a FIFO; read to its end, bounded, and said plainly otherwise. */
class StdinTest {

    private static final Path SAMPLE = DocsTest.ROOT.resolve("samples/balloon-uio-pair.bin");

    @TempDir
    Path tmp;

    /** The CLI in a JVM of its own, its stdin a pipe fed with {@code stdin}, as a shell's {@code cat x |} does. */
    static CliRun piped(byte[] stdin, String... args) throws Exception {
        Process p = process(stdin, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(p.waitFor(), out, err);
    }

    /** As {@link #piped}, for binary stdout: the bytes written there. */
    static byte[] pipedBytes(byte[] stdin, String... args) throws Exception {
        Process p = process(stdin, args);
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("", err);
        return out;
    }

    private static Process process(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // The reader stopped early; what it said is the test's subject.
            }
        });
        feeder.start();
        return p;
    }

    private static String expected(String source) {
        return CliRun.of("inspect", "-c", "1", SAMPLE.toString()).out().replace(SAMPLE.toString(), source);
    }

    @Test
    void dashReadsTheDumpFromAPipe() throws Exception {
        CliRun r = piped(Files.readAllBytes(SAMPLE), "inspect", "-c", "1", "-");
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        assertEquals(expected("-"), r.out());
    }

    @Test
    void devStdinReadsTheDumpFromAPipe() throws Exception {
        CliRun r = piped(Files.readAllBytes(SAMPLE), "inspect", "-c", "1", "/dev/stdin");
        assertEquals("", r.err());
        assertEquals(expected("/dev/stdin"), r.out());
    }

    @Test
    void anEmptyPipeIsAnEmptyStream() throws Exception {
        CliRun r = piped(new byte[0], "inspect", "-");
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: -: empty stream\n", r.err());
    }

    @Test
    void aFifoIsReadToItsEnd() throws Exception {
        Path fifo = tmp.resolve("ring.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, Files.readAllBytes(SAMPLE));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CliRun r = CliRun.of("inspect", "-c", "1", fifo.toString());
        writer.join();
        assertEquals("", r.err());
        assertEquals(expected(fifo.toString()), r.out());
    }

    @Test
    void stdinCannotBeBothTheListAndADump() {
        CliRun r = CliRun.of("inspect", "--files-from", "-", "-");
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: stdin cannot hold both the --files-from list and a dump ('-')\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void aDeviceAndAProcFileSayWhatTheyAre() {
        CliRun r = CliRun.of("inspect", "/dev/zero", "/proc/self/status");
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: /dev/zero: is a character device, not a ring dump (of devices, only"
                + " /dev/uioN is read, as a live ring)\nringtool inspect: /proc/self/status: is a /proc file (text the"
                + " kernel writes when it is read), not a ring dump\n", r.err());
    }
}
