package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibFuzzerLogTest {

    /** The end of a layout run that found an exception, as Jazzer writes it (paths shortened). */
    private static final List<String> CRASH = List.of(
            "#65\tINITED cov: 1199 ft: 2682 corp: 47/13811b exec/s: 0 rss: 850Mb",
            "#182416\tREDUCE cov: 1382 ft: 4579 corp: 339/87Kb lim: 744 exec/s: 9120 rss: 879Mb L: 367/664 MS: 2"
                    + " EraseBytes-Custom-",
            "",
            "== Java Exception: ringtool.fuzz.InvariantViolation: packet 0 at 8, but the previous one ended at 0",
            "\tat ringtool.fuzz.Harness.checkRing(Harness.java:120)",
            "\tat ringtool.fuzz.LayoutFuzzer.fuzzerTestOneInput(LayoutFuzzer.java:24)",
            "DEDUP_TOKEN: 5c7e1d2a0b3f4e61",
            "== libFuzzer crashing input ==",
            "MS: 1 ChangeBit-; base unit: 0123",
            "artifact_prefix='/runs/layout/'; Test unit written to /runs/layout/crash-3f2a",
            "Base64: AAAA");

    @Test
    void aStatusLineGivesExecsCoverageCorpusRateAndResidentSize() {
        assertEquals(new LibFuzzerLog.Status(182416, 1382, 339, 9120, 879), LibFuzzerLog.Status.parse(CRASH.get(1)));
        assertEquals(new LibFuzzerLog.Status(65, 1199, 47, 0, 850), LibFuzzerLog.Status.parse(CRASH.get(0)));
        assertNull(LibFuzzerLog.Status.parse("INFO: Loaded 63 hooks from com.code_intelligence.jazzer.sanitizers"));
    }

    @Test
    void severalProcessesAddExecsRatesAndMemoryButShareCoverageAndCorpus() {
        List<LibFuzzerLog.Status> children = Arrays.asList(new LibFuzzerLog.Status(1000, 50, 7, 100, 800), null,
                new LibFuzzerLog.Status(2500, 60, 9, 250, 900));
        assertEquals("3,500 execs (350 exec/s), cov 60, corpus 9 inputs, rss 1700 MB",
                LibFuzzerLog.Status.total(children));
    }

    @Test
    void theReportRunsFromTheExceptionToTheEndOfItsStack() {
        assertEquals(CRASH.subList(3, 6), LibFuzzerLog.report(CRASH));
        assertEquals(List.of(), LibFuzzerLog.report(CRASH.subList(0, 2)));
    }

    @Test
    void theArtifactIsThePathLibFuzzerWroteTheInputTo() {
        assertEquals("/runs/layout/crash-3f2a", LibFuzzerLog.artifact(CRASH));
        assertNull(LibFuzzerLog.artifact(CRASH.subList(0, 9)));
    }
}
