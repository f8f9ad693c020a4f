package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import ringtool.fuzz.Target;

class FuzzCommandTest {

    @Test
    void unknownTargetIsAUsageError() {
        CliRun r = CliRun.of("fuzz", "--target", "nope");
        assertEquals(2, r.exit());
        assertEquals("ringtool fuzz: unknown --target 'nope' (expected layout, raw, readers, payload, carve, or all)\n"
                + "ringtool fuzz: see 'ringtool fuzz --help'\n", r.err());
    }

    @Test
    void badDurationIsAUsageError() {
        CliRun r = CliRun.of("fuzz", "--duration", "soon");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ringtool fuzz: Invalid value for option '--duration': 'soon' is not a"
                + " duration (expected e.g. 90s, 10m, 1h or a number of seconds)"), r.err());
    }

    @Test
    void corpusWithEveryTargetIsAUsageError() {
        CliRun r = CliRun.of("fuzz", "--corpus", ".");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("ringtool fuzz: --corpus needs one --target"), r.err());
    }

    @Test
    void missingCorpusDirectoryIsAnInputError() {
        CliRun r = CliRun.of("fuzz", "--target", "raw", "--corpus", "no/such/dir");
        assertEquals(3, r.exit());
        assertEquals("ringtool fuzz: no/such/dir: not a directory of seed inputs\n", r.err());
    }

    @Test
    void missingReproduceFileIsAnInputError() {
        CliRun r = CliRun.of("fuzz", "--reproduce", "no/such/crash");
        assertEquals(3, r.exit());
        assertEquals("ringtool fuzz: no/such/crash: not a readable file\n", r.err());
    }

    @Test
    void durationsTakeSecondsMinutesAndHours() {
        FuzzCommand.DurationConverter c = new FuzzCommand.DurationConverter();
        assertEquals(Duration.ofSeconds(90), c.convert("90"));
        assertEquals(Duration.ofSeconds(90), c.convert("90s"));
        assertEquals(Duration.ofMinutes(10), c.convert("10m"));
        assertEquals(Duration.ofHours(1), c.convert("1h"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("0s"));
    }

    @Test
    void targetIsInferredFromFindingsAndRegressionPaths() {
        assertEquals(Target.LAYOUT, FuzzCommand.inferTarget(Path.of("fuzz/findings/layout/crash-01")));
        assertEquals(Target.RAW, FuzzCommand.inferTarget(
                Path.of("fuzz/src/test/resources/ringtool/fuzz/RawFuzzTestInputs/fuzzRaw/crash-02")));
        assertEquals(Target.READERS, FuzzCommand.inferTarget(Path.of("/home/raw/fuzz/findings/readers/crash-04")));
        assertNull(FuzzCommand.inferTarget(Path.of("/tmp/x/crash-03")));
    }

    @Test
    void childIsJazzerWithBoundedResourcesAndArtifactsInTheRunDirectory() {
        var cmd = JazzerChild.command(Target.RAW, Path.of("/runs/raw"), java.util.List.of("-max_total_time=5"));
        assertTrue(cmd.contains(JazzerChild.MAIN));
        assertTrue(cmd.contains("--target_class=ringtool.fuzz.RawFuzzer"));
        assertTrue(cmd.contains("--instrumentation_includes=ringtool.core.**:ringtool.output.**"));
        assertTrue(cmd.contains("--instrumentation_excludes=" + JazzerChild.INSTRUMENTATION_EXCLUDES));

        assertTrue(cmd.containsAll(List.of("-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500")),
                "C2 inlines less into the instrumented code");
        assertTrue(cmd.contains("-Djava.io.tmpdir=/runs/raw/tmp"));
        assertTrue(cmd.contains("-artifact_prefix=/runs/raw/"));
        assertTrue(cmd.contains("--reproducer_path=/runs/raw"));
        assertEquals("-max_total_time=5", cmd.get(cmd.size() - 1));
    }

    @Test
    void clusterFuzzLiteLaunchersPassTheSameExcludesAndInliningAndBuildEveryTarget() throws IOException {
        String build = Files.readString(Path.of("..", ".clusterfuzzlite", "build.sh"));
        assertTrue(build.contains("--instrumentation_excludes=" + JazzerChild.INSTRUMENTATION_EXCLUDES + " "), build);
        assertTrue(build.contains(":" + String.join(":", JazzerChild.INLINING) + "'"), build);
        for (Target t : Target.values()) {
            assertTrue(build.contains("[" + t.className().substring(t.className().lastIndexOf('.') + 1) + "]="
                    + t.id()), t.id());
        }
    }

    @Test
    void uninstrumentedCodeIsTheRingWriterAndTheWritersCharacterLoopsAndEachClassNamedExists() throws Exception {
        assertEquals(List.of("ringtool.core.synth.**", "ringtool.output.ControlEscapes", "ringtool.output.JsonBytes",
                "ringtool.output.picture.Svg"), List.of(JazzerChild.INSTRUMENTATION_EXCLUDES.split(":")));
        // A renamed class would silently be instrumented again, and the layout target run at half its rate.
        Class.forName("ringtool.output.ControlEscapes");
        Class.forName("ringtool.output.JsonBytes");
        Class.forName("ringtool.output.picture.Svg");
    }

    @Test
    void reproducingASeedThatPassesExitsZero() {
        Path seed = Path.of("..", "corpus", "raw", "valid-single-mixed.bin");
        CliRun r = CliRun.of("fuzz", "--target", "raw", "--reproduce", seed.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(": passes on target raw (8192 bytes,"), r.err());
    }
}
