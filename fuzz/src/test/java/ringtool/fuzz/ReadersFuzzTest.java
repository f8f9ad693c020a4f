package ringtool.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The readers target under JUnit; its inputs ({@code ReadersFuzzTestInputs/fuzzReaders/}, filled from
 * {@code corpus/readers} and the fixed findings) are {@link FuzzedDataProvider} streams, not rings.
 */
class ReadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzReaders(FuzzedDataProvider data) {
        ReadersFuzzer.fuzzerTestOneInput(data);
    }
}
