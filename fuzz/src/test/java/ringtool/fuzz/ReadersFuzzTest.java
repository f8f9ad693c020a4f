package ringtool.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The readers target under JUnit; its inputs ({@code ReadersFuzzTestInputs/fuzzReaders/}, filled from
 * {@code corpus/readers} and the fixed findings) are {@code FuzzedDataProvider} streams, not rings.
 */
class ReadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzReaders(byte[] data) {
        ReadersFuzzer.fuzzerTestOneInput(data);
    }
}
