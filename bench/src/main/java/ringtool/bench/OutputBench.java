package ringtool.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import ringtool.core.report.InputReport;
import ringtool.core.rules.Severity;
import ringtool.output.Format;
import ringtool.output.ReportWriter;
import ringtool.output.RunTotals;
import ringtool.output.TextOptions;
import ringtool.output.Utf8Output;

/**
 * Each output format over a 16 MiB ring of small packets, written to a byte sink through the same
 * {@link Utf8Output} that {@code ringtool} puts on stdout: walk, checks, exit code and rendering, as one input of
 * {@code inspect} costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class OutputBench {

    static final long DATA_SIZE = 16L << 20;

    @Param({"text", "json", "jsonl"})
    public String format;

    private Path file;
    private Format f;

    @Setup
    public void setUp() {
        file = Rings.make("small", DATA_SIZE);
        f = Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    }

    @Benchmark
    public long render() throws IOException {
        Counting sink = new Counting();
        Utf8Output out = Utf8Output.of(sink, 1 << 16);
        ReportWriter w = f.writer(out, new TextOptions(false, false, Long.MAX_VALUE));
        InputReport report = Rings.inspect(file);
        RunTotals totals = new RunTotals();
        w.begin();
        int code = report.exitCode(Severity.ERROR);
        w.input(report, code);
        totals.add(report);
        w.end(totals, code);
        out.flush();
        return sink.count;
    }

    /** Counts what it is given, so the rendering cannot be optimised away. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
