package ringtool.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The raw target under JUnit. A plain {@code mvn test} replays every file in {@code RawFuzzTestInputs/fuzzRaw/}:
 * the seed corpus ({@code corpus/raw}, copied there by the build) and every fixed finding. {@code JAZZER_FUZZ=1}
 * fuzzes it instead.
 */
class RawFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzRaw(byte[] data) {
        RawFuzzer.fuzzerTestOneInput(data);
    }
}
