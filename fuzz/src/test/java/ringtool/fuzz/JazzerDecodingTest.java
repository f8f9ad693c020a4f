package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.agent.AgentInstaller;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ringtool.core.model.ReaderModel;

/**
 * {@link PlainDataProvider} reads, value for value, what Jazzer's own provider reads from the same stream: the
 * targets decode in Java what the corpus, the findings and the seeds were written for. Surefire runs this class in
 * a JVM of its own (see fuzz/pom.xml): it puts Jazzer's runtime on the boot class path without Jazzer's agent,
 * and a {@code @FuzzTest} in the same JVM could then no longer install the agent.
 */
class JazzerDecodingTest {

    @BeforeAll
    static void jazzerRuntime() {
        AgentInstaller.install(false);
    }

    @Test
    void everyCallReadsWhatJazzersProviderReads() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            byte[] stream = stream(random);
            try (FuzzedDataProviderImpl jazzer = FuzzedDataProviderImpl.withJavaData(stream)) {
                PlainDataProvider plain = new PlainDataProvider(stream);
                for (int call = 0; call < 48; call++) {
                    String what = "stream " + i + " call " + call;
                    switch (random.nextInt(6)) {
                        case 0 -> assertEquals(jazzer.consumeBoolean(), plain.consumeBoolean(), what);
                        case 1 -> assertEquals(jazzer.consumeInt(), plain.consumeInt(), what);
                        case 2 -> assertEquals(jazzer.consumeLong(), plain.consumeLong(), what);
                        case 3 -> {
                            int length = random.nextInt(0, 97);
                            assertArrayEquals(jazzer.consumeBytes(length), plain.consumeBytes(length), what);
                        }
                        default -> {
                            int min = random.nextInt(-4, 16);
                            int max = min + (random.nextBoolean() ? random.nextInt(0, 300) : random.nextInt(0, 1 << 30));
                            assertEquals(jazzer.consumeInt(min, max), plain.consumeInt(min, max), what);
                        }
                    }
                    assertEquals(jazzer.remainingBytes(), plain.remainingBytes(), what);
                }
            }
        }
    }

    @Test
    void badArgumentsThrowTheSameExceptionAsJazzersProvider() {
        try (FuzzedDataProviderImpl jazzer = FuzzedDataProviderImpl.withJavaData(new byte[] {1, 2, 3})) {
            PlainDataProvider plain = new PlainDataProvider(new byte[] {1, 2, 3});
            assertEquals(assertThrows(IllegalArgumentException.class, () -> jazzer.consumeInt(3, 1)).getMessage(),
                    assertThrows(IllegalArgumentException.class, () -> plain.consumeInt(3, 1)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> jazzer.consumeBytes(-1));
            assertThrows(IllegalArgumentException.class, () -> plain.consumeBytes(-1));
        }
    }

    @Test
    void everyStreamBuildsTheRingThatJazzersProviderBuilds() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            byte[] stream = stream(random);
            boolean readers = i % 2 == 1;
            try (FuzzedDataProviderImpl jazzer = FuzzedDataProviderImpl.withJavaData(stream)) {
                RingPlan expected = plan(jazzer, readers);
                RingPlan actual = plan(new PlainDataProvider(stream), readers);
                String what = "stream " + i + " " + Arrays.toString(stream);
                assertArrayEquals(expected.bytes(), actual.bytes(), what);
                assertEquals(expected.layout(), actual.layout(), what);
                assertEquals(expected.readIndex(), actual.readIndex(), what);
                assertEquals(expected.format(), actual.format(), what);
                assertEquals(expected.text(), actual.text(), what);
                assertEquals(expected.history(), actual.history(), what);
                assertEquals(describe(expected.models()), describe(actual.models()), what);
            }
        }
    }

    private static RingPlan plan(FuzzedDataProvider in, boolean readers) {
        return readers ? RingPlan.withReaders(in) : RingPlan.from(in);
    }

    private static List<String> describe(List<ReaderModel> models) {
        return models.stream().map(m -> m.name() + "/" + m.pktBufferSize()).toList();
    }

    /** Streams of every density from sparse to dense, as the seed generator makes them. */
    private static byte[] stream(SplittableRandom random) {
        return SeedCorpus.stream(random, random.nextInt(0, 700), random.nextInt(1, 6));
    }
}
