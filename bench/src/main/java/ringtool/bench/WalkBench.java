package ringtool.bench;

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
import ringtool.core.report.RingReport;
import ringtool.core.walk.WalkStep;

/**
 * The walk and every check over a 64 MiB mapped ring, nothing written: the core's share of {@code inspect}.
 * One operation walks the whole ring; bench/run turns the time into MB/s and packets/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class WalkBench {

    @Param({"small", "large"})
    public String shape;

    private Path file;

    @Setup
    public void setUp() {
        file = Rings.make(shape, Rings.DATA_SIZE);
    }

    /** Frame, header checks and the strict walk with every packet rule; returns packets + findings seen. */
    @Benchmark
    public long walk() {
        long seen = 0;
        for (RingReport ring : Rings.inspect(file).rings()) {
            for (WalkStep step : ring.steps()) {
                seen += step.findings().size() + (step instanceof WalkStep.PacketStep ? 1 : 0);
            }
        }
        return seen;
    }

    /** What the exit code costs: the counting walk behind every input's summary. */
    @Benchmark
    public long summary() {
        return Rings.inspect(file).summary().packets();
    }
}
