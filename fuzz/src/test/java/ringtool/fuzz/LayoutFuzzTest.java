package ringtool.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The structure-aware target under JUnit; its inputs ({@code LayoutFuzzTestInputs/fuzzLayout/}, filled from
 * {@code corpus/layout} and the fixed findings) are {@code FuzzedDataProvider} streams, not rings.
 */
class LayoutFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzLayout(byte[] data) {
        LayoutFuzzer.fuzzerTestOneInput(data);
    }
}
