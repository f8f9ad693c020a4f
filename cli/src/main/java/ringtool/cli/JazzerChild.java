package ringtool.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ringtool.fuzz.Target;

/**
 * One Jazzer child JVM ({@code Jazzer.main} ends its JVM, so each target runs in its own): its output goes to a log
 * file while the last status line is kept for progress. Stopped with SIGINT: SIGTERM makes libFuzzer write a
 * bogus crash file.
 */
final class JazzerChild {

    static final String MAIN = "com.code_intelligence.jazzer.Jazzer";
    /**
     * C2 inlines less than its defaults (hot callees up to 325 bytes of bytecode, compiled ones up to 2,500 bytes of
     * code). Jazzer's instrumentation makes every method several times longer, so with the defaults C2 compiled
     * methods of 20 KB of inlined bytecode for seconds each, and again whenever new coverage reached a branch they had
     * never taken: the compiler used as much CPU as the fuzzing in a 45 s run, and two jobs fought over it. With these
     * limits the layout target ran twice the execs per CPU second in 45 s runs, and the warmed-up harness was no
     * slower per input (fuzz/README.md, Throughput).
     */
    static final List<String> INLINING = List.of("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500");
    /**
     * Left uninstrumented: synth's RingWriter builds the layout targets' rings (the input generator, not code under
     * test: its edges and comparisons would only steer the fuzzer towards recipes the reader cannot tell apart), and
     * the writers' loops over every character they write, which Jazzer turned into a traced comparison or more per
     * character: the text writers' control-character escaper took half of the layout target's time, the JSON byte
     * encoder (our stand-in for Jackson's generator, which is not instrumented either) 40% of a JSONL input's, and
     * the SVG element writer's escaping and numbers a quarter of the raw target's. What they write is still checked:
     * every JSON, JSONL and SARIF document is parsed back, every SVG and HTML picture too (fuzz/README.md).
     * ClusterFuzzLite's launchers (.clusterfuzzlite/build.sh) pass the same excludes and inlining: FuzzCommandTest
     * holds them equal.
     */
    static final String INSTRUMENTATION_EXCLUDES = "ringtool.core.synth.**:ringtool.output.ControlEscapes"
            + ":ringtool.output.JsonBytes:ringtool.output.picture.Svg";
    /** libFuzzer's exit codes under Jazzer: a crash or Java exception, a slow input, RSS overrun, SIGINT. */
    static final int CRASH = 77;
    static final int TIMEOUT = 70;
    static final int OOM = 71;
    static final int INTERRUPTED = 72;

    private final Process process;
    private final Path log;
    private final Thread reader;
    private volatile LibFuzzerLog.Status status;

    private JazzerChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "jazzer-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * The child's command line: this JVM's class path, Jazzer instrumenting the reader and the writers, its
     * artifacts, reproducers and temporary files in {@code dir}, then libFuzzer's arguments.
     */
    static List<String> command(Target t, Path dir, List<String> libFuzzerArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-Xmx1536m");
        cmd.add("-Xss8m");
        // Jazzer attaches its agent and loads natives; these keep JDK 21+ from warning about it.
        cmd.add("-XX:+EnableDynamicAgentLoading");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-Xshare:off");
        cmd.addAll(INLINING);
        // Jazzer unpacks its agent and natives into the temp dir and leaves them on a timeout or SIGINT.
        cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.add("--target_class=" + t.className());
        cmd.add("--instrumentation_includes=ringtool.core.**:ringtool.output.**");
        cmd.add("--instrumentation_excludes=" + INSTRUMENTATION_EXCLUDES);
        cmd.add("--reproducer_path=" + dir);
        cmd.add("-artifact_prefix=" + dir + "/");
        cmd.addAll(libFuzzerArgs);
        return cmd;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static JazzerChild start(List<String> command, Path log, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        return new JazzerChild(p, log);
    }

    private void read() {
        try (InputStream in = process.getInputStream();
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.write(line);
                out.newLine();
                LibFuzzerLog.Status s = LibFuzzerLog.Status.parse(line);
                if (s != null) {
                    status = s;
                }
            }
        } catch (IOException e) {
            // The log is best effort; the exit code still decides the outcome.
        }
    }

    Path log() {
        return log;
    }

    /** The last status line the child printed, or null before the first. */
    LibFuzzerLog.Status status() {
        return status;
    }

    boolean alive() {
        return process.isAlive();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The child ended on a finding: an input that threw, ran too long or took too much memory. */
    boolean found() {
        int code = process.exitValue();
        return code == CRASH || code == TIMEOUT || code == OOM;
    }

    /** Waits for the rest of the child's output to reach the log. */
    void drain() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** SIGINT: libFuzzer stops cleanly with 72 and writes no artifact, unlike SIGTERM. */
    void interrupt() {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    /** For a child that did not stop after {@link #interrupt}. */
    void kill() {
        process.destroyForcibly();
    }

    List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    List<String> tail(int n) {
        return LibFuzzerLog.tail(lines(), n);
    }

    /** The report of the finding the child ended on. */
    List<String> report() {
        return LibFuzzerLog.report(lines());
    }

    /** Where the child wrote the input of its finding, or null. */
    String artifact() {
        return LibFuzzerLog.artifact(lines());
    }
}
