package ringtool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ringtool.core.report.ExitCode;
import ringtool.fuzz.Target;

/**
 * {@code ringtool fuzz}: runs the Jazzer targets of {@code ringtool.fuzz} in a child JVM each ({@link JazzerChild}),
 * shows libFuzzer's progress compactly ({@link LibFuzzerLog}), and turns the children's exits into the exit
 * codes of docs/contract.md §2. Children are bounded by {@code -max_total_time} and, if they overrun, stopped with
 * SIGINT.
 */
@Command(name = FuzzCommand.NAME,
        description = {
            FuzzCommand.SUMMARY,
            "Progress (execs/s, coverage, corpus size) and the summary go to stderr. A finding leaves its input in"
                    + " --findings DIR/<target>/ and exits 1 with the input's path and the stack trace."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {
            "0:the run ended with no finding (or the reproduced input passes)",
            "1:a finding: its input's path and stack trace are on stderr (or the reproduced input still fails)",
            "2:usage error (unknown option or target, bad duration)",
            "3:the --corpus directory or the --reproduce file cannot be read",
            "4:internal error: the fuzzer could not be started or stopped abnormally"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ringtool fuzz --duration 60s",
            "  ringtool fuzz --target layout --duration 10m --jobs 2",
            "  ringtool fuzz --reproduce fuzz/findings/layout/crash-3f2a...",
            "",
            "Targets: layout (structure-aware: the fuzzer's bytes choose a ring), raw (arbitrary bytes as a dump),",
            "readers (layout's rings with the reader models and the history walk over them), payload (sound rings",
            "carrying one protocol's messages, headers from the fuzzer's type and body, then damaged), carve (ELF,",
            "kdump and flattened headers and tables from the fuzzer, over a small valid image). An input slower than",
            "--timeout or a process above --rss-limit-mb is a finding like an exception.",
            "Once a finding is fixed, copy its input into the target's regression directory",
            "(fuzz/src/test/resources/ringtool/fuzz/<Test>Inputs/<method>/) so that every 'mvn test' replays it."})
final class FuzzCommand implements Callable<Integer> {

    static final String NAME = "fuzz";
    static final String SUMMARY = "Fuzz the reader and the writers with Jazzer for a bounded time, starting from the"
            + " seed corpus in corpus/<target>. Every input is inspected as 'ringtool inspect' would, written in the"
            + " format it chooses (raw: in all of text, JSON, JSONL and SARIF), and checked against the reader's"
            + " invariants (no stray exception, bounded walk, offsets inside the data area, packets in ring order,"
            + " output that parses, fields that re-encode to the input's bytes, reader models and history bounded and"
            + " consistent with the walk; payload: no read outside the packet, every decoded list bounded by the bytes"
            + " present, payload findings inside their packet). The carve target opens memory images whose container"
            + " headers and tables come from the fuzzer and carves them as 'ringtool carve' would.";

    private static final long PROGRESS_EVERY_MS = 10_000;
    private static final long GRACE_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", defaultValue = "all", paramLabel = "TARGET",
            completionCandidates = Candidates.Targets.class,
            description = "What to fuzz: layout, raw, readers, payload, carve, or all (each in turn, in that order;"
                    + " default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "TIME",
            description = "How long to fuzz each target: 90s, 10m, 1h, or seconds (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Seed inputs (default: corpus/<target> when it exists). Seeds are read, never changed.")
    Path corpus;

    @Option(names = "--findings", defaultValue = "fuzz/findings", paramLabel = "DIR",
            description = "Where each target's crash inputs, Java reproducers, logs and new corpus go:"
                    + " DIR/<target>/ (default: ${DEFAULT-VALUE}).")
    Path findings;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N", converter = Numbers.Jobs.class,
            description = "Fuzzing processes per target, 1 to 256, sharing one corpus (default: ${DEFAULT-VALUE}).")
    long jobs;

    @Option(names = "--seed", paramLabel = "N", description = "libFuzzer's random seed, for a repeatable run.")
    Long seed;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "An input slower than this is a finding (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--rss-limit-mb", defaultValue = "3072", paramLabel = "MB",
            description = "A fuzzer process above this resident size is a finding (default: ${DEFAULT-VALUE};"
                    + " the JVM alone takes about 1 GB).")
    int rssLimitMb;

    @Option(names = "--reproduce", paramLabel = "FILE",
            description = "Replay one input once instead of fuzzing, and show what happened.")
    Path reproduce;

    private PrintWriter err;

    @Override
    public Integer call() throws IOException, InterruptedException {
        err = spec.commandLine().getErr();
        List<Target> targets;
        try {
            targets = targets();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (timeout < 1 || rssLimitMb < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout and --rss-limit-mb must be at least 1");
        }
        if (reproduce != null) {
            return reproduce(targets);
        }
        if (corpus != null && targets.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--corpus needs one --target (the seeds of one target are no use to another)");
        }
        if (corpus != null && !Files.isDirectory(corpus)) {
            return fail(ExitCode.INPUT, corpus + ": not a directory of seed inputs");
        }
        int worst = ExitCode.OK;
        for (Target t : targets) {
            int code = fuzz(t);
            worst = Math.max(worst, code);
            if (code != ExitCode.OK) {
                break;
            }
        }
        return worst;
    }

    private List<Target> targets() {
        if (target.equalsIgnoreCase("all")) {
            return List.of(Target.values());
        }
        for (Target t : Target.values()) {
            if (t.id().equalsIgnoreCase(target)) {
                return List.of(t);
            }
        }
        throw new IllegalArgumentException("unknown --target '" + target + "' (expected " + targetNames()
                + ", or all)");
    }

    /** {@code layout, raw, readers, payload, carve}: the registry's order. */
    private static String targetNames() {
        return String.join(", ", Arrays.stream(Target.values()).map(Target::id).toList());
    }

    private int fuzz(Target t) throws IOException, InterruptedException {
        Path dir = findings.resolve(t.id()).toAbsolutePath();
        Path work = dir.resolve("corpus");
        Files.createDirectories(work);
        Files.createDirectories(dir.resolve("tmp"));
        Path seeds = corpus != null ? corpus : Path.of("corpus", t.id());
        long seconds = Math.max(1, duration.toSeconds());
        List<Path> dirs = new ArrayList<>(List.of(work));
        if (Files.isDirectory(seeds)) {
            dirs.add(seeds.toAbsolutePath());
        } else {
            err.println("ringtool fuzz: " + t.id() + ": no seed corpus at " + seeds + "; starting from nothing");
        }
        err.println("ringtool fuzz: " + t.id() + ": fuzzing " + t.className() + " for " + seconds + " s"
                + (jobs > 1 ? " in " + jobs + " processes" : "") + "; log and findings in " + dir);
        err.flush();
        long started = System.nanoTime();
        try (JazzerJobs children = new JazzerJobs()) {
            try {
                for (int j = 0; j < jobs; j++) {
                    Path log = dir.resolve(jobs == 1 ? "fuzz.log" : "fuzz-" + j + ".log");
                    children.start(JazzerChild.command(t, dir, libFuzzerArgs(t, seconds, j, dirs)), log, dir);
                }
            } catch (IOException e) {
                children.interrupt();
                return cannotStart(e);
            }
            long deadline = started + TimeUnit.SECONDS.toNanos(seconds + GRACE_SECONDS);
            boolean overran = children.await(deadline, PROGRESS_EVERY_MS,
                    () -> progress(t, children.children(), started, seconds));
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            return outcome(t, children.children(), elapsed, overran);
        }
    }

    /** Job {@code j}'s: the time, memory and input bounds, its seed, then the corpus directories. */
    private List<String> libFuzzerArgs(Target t, long seconds, int j, List<Path> dirs) {
        List<String> args = new ArrayList<>(List.of(
                "-max_total_time=" + seconds,
                "-rss_limit_mb=" + rssLimitMb,
                "-timeout=" + timeout,
                "-max_len=" + maxLen(t),
                "-print_final_stats=1"));
        if (seed != null) {
            args.add("-seed=" + (seed + j));
        }
        dirs.forEach(d -> args.add(d.toString()));
        return args;
    }

    /**
     * Rings of the raw target need room for a few pages, the carve target's bytes cover a container's headers and
     * tables; the structure-aware streams stay short.
     */
    private static int maxLen(Target t) {
        return switch (t) {
            case RAW -> 64 * 1024;
            case CARVE -> 16 * 1024;
            default -> 4096;
        };
    }

    private int outcome(Target t, List<JazzerChild> children, long elapsed, boolean overran) {
        JazzerChild found = children.stream().filter(JazzerChild::found).findFirst().orElse(null);
        String stats = stats(children);
        if (found != null) {
            String what = switch (found.exitValue()) {
                case JazzerChild.TIMEOUT -> "an input ran longer than " + timeout + " s";
                case JazzerChild.OOM -> "the fuzzer went above " + rssLimitMb + " MB";
                default -> "an input made the target throw";
            };
            err.println("ringtool fuzz: " + t.id() + ": FINDING after " + elapsed + " s: " + what);
            found.report().forEach(line -> err.println("  " + line));
            String artifact = found.artifact();
            err.println("ringtool fuzz: " + t.id() + ": input: " + (artifact != null ? artifact : "(not written)"));
            if (artifact != null) {
                err.println("ringtool fuzz: " + t.id() + ": replay: ringtool fuzz --target " + t.id()
                        + " --reproduce " + artifact);
                err.println("ringtool fuzz: " + t.id() + ": once fixed, copy it into " + t.regressionDir()
                        + "/ so that every 'mvn test' replays it");
            }
            err.println("ringtool fuzz: " + t.id() + ": " + stats + ": 1 finding; log: " + found.log());
            err.flush();
            return ExitCode.FINDINGS;
        }
        for (JazzerChild c : children) {
            int code = c.exitValue();
            if (code != 0) {
                String why = overran ? "did not stop within " + GRACE_SECONDS + " s of its time limit"
                        : code == JazzerChild.INTERRUPTED ? "was interrupted" : "exited with code " + code;
                err.println("ringtool fuzz: " + t.id() + ": the fuzzer " + why + "; the end of " + c.log() + ":");
                c.tail(15).forEach(line -> err.println("  " + line));
                err.flush();
                return ExitCode.INTERNAL;
            }
        }
        err.println("ringtool fuzz: " + t.id() + ": " + stats + ": no findings");
        err.flush();
        return ExitCode.OK;
    }

    private void progress(Target t, List<JazzerChild> children, long started, long seconds) {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        // libFuzzer's clock starts once the JVM is up, so the wall time runs a little past the limit.
        boolean running = children.stream().anyMatch(c -> c.status() != null);
        err.println("ringtool fuzz: " + t.id() + ": " + elapsed + " s (fuzzing limit " + seconds + " s), "
                + (running ? stats(children) : "starting Jazzer and running the seeds"));
        err.flush();
    }

    /** Execs, their rate, coverage and corpus over all children, from each one's last status line. */
    private static String stats(List<JazzerChild> children) {
        return LibFuzzerLog.Status.total(children.stream().map(JazzerChild::status).toList());
    }

    private int reproduce(List<Target> targets) throws IOException, InterruptedException {
        if (!Files.isRegularFile(reproduce) || !Files.isReadable(reproduce)) {
            return fail(ExitCode.INPUT, reproduce + ": not a readable file");
        }
        Target t = targets.size() == 1 ? targets.get(0) : inferTarget(reproduce);
        if (t == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot tell which target " + reproduce + " belongs to; add --target with one of "
                            + targetNames());
        }
        Path dir = Files.createTempDirectory("ringtool-reproduce-");
        Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("reproduce.log");
        JazzerChild c;
        try {
            c = JazzerChild.start(JazzerChild.command(t, dir, List.of("-timeout=" + timeout,
                    "-rss_limit_mb=" + rssLimitMb, reproduce.toAbsolutePath().toString())), log, dir);
        } catch (IOException e) {
            return cannotStart(e);
        }
        int code = c.waitFor();
        c.drain();
        long size = Files.size(reproduce);
        if (code == 0) {
            err.println("ringtool fuzz: " + reproduce + ": passes on target " + t.id() + " (" + size + " bytes,"
                    + " inspected and written without breaking an invariant)");
            err.flush();
            FileUtils.deleteQuietly(dir.toFile());
            return ExitCode.OK;
        }
        if (c.found()) {
            err.println("ringtool fuzz: " + reproduce + ": still fails on target " + t.id() + " (" + size + " bytes):");
            List<String> block = c.report();
            (block.isEmpty() ? c.tail(20) : block).forEach(line -> err.println("  " + line));
            err.println("ringtool fuzz: full output: " + log);
            err.flush();
            return ExitCode.FINDINGS;
        }
        err.println("ringtool fuzz: " + reproduce + ": the fuzzer exited with code " + code + "; the end of " + log
                + ":");
        c.tail(15).forEach(line -> err.println("  " + line));
        err.flush();
        return ExitCode.INTERNAL;
    }

    /**
     * A findings path ({@code .../layout/crash-...}) or a regression input ({@code .../fuzzLayout/...}); the directory
     * nearest the file decides, so a checkout under {@code ~/raw/} does not make every input a raw one.
     */
    static Target inferTarget(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (int i = abs.getNameCount() - 1; i >= 0; i--) {
            String name = abs.getName(i).toString().toLowerCase(Locale.ROOT);
            for (Target t : Target.values()) {
                if (name.equals(t.id()) || name.equals("fuzz" + t.id())) {
                    return t;
                }
            }
        }
        return null;
    }

    private int cannotStart(IOException e) {
        return fail(ExitCode.INTERNAL, "cannot start the fuzzer (" + JazzerChild.javaExecutable() + "): "
                + e.getMessage());
    }

    private int fail(int code, String message) {
        err.println("ringtool fuzz: " + message);
        err.flush();
        return code;
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or bare seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d+)(s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a duration (expected e.g. 90s, 10m, 1h or a number of seconds)");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isZero()) {
                throw new CommandLine.TypeConversionException("--duration must be at least 1 s");
            }
            return d;
        }
    }
}
