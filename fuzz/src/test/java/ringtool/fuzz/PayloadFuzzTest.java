package ringtool.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The payload target under JUnit; its inputs ({@code PayloadFuzzTestInputs/fuzzPayload/}, filled from
 * {@code corpus/payload} and the fixed findings) are {@code FuzzedDataProvider} streams, not rings.
 */
class PayloadFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzPayload(byte[] data) {
        PayloadFuzzer.fuzzerTestOneInput(data);
    }
}
