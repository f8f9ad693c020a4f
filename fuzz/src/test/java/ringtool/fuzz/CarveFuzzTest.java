package ringtool.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The carve target under JUnit. A plain {@code mvn test} replays every file in
 * {@code CarveFuzzTestInputs/fuzzCarve/}: the container templates ({@code corpus/carve}, copied there by the build)
 * and every fixed finding. {@code JAZZER_FUZZ=1} fuzzes it instead.
 */
class CarveFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzCarve(byte[] data) {
        CarveFuzzer.fuzzerTestOneInput(data);
    }
}
