package ringtool.fuzz;

import java.util.Locale;

/** The fuzz targets by the names {@code ringtool fuzz --target} takes; each class has {@code fuzzerTestOneInput}. */
public enum Target {
    /** Structure-aware: the fuzzer's bytes choose a ring. Run first: it reaches deep walk states soonest. */
    LAYOUT(LayoutFuzzer.class, "LayoutFuzzTest", "fuzzLayout"),
    /** Arbitrary bytes as a ring dump, framed with {@code --layout auto}. */
    RAW(RawFuzzer.class, "RawFuzzTest", "fuzzRaw"),
    /** Structure-aware rings with the reader models and the history walk over them: slower per input. */
    READERS(ReadersFuzzer.class, "ReadersFuzzTest", "fuzzReaders"),
    /** Structure-aware protocol messages in sound rings, through the payload dissectors. */
    PAYLOAD(PayloadFuzzer.class, "PayloadFuzzTest", "fuzzPayload"),
    /** Memory-image containers for carve: ELF, kdump and flattened headers and tables from the fuzzer. */
    CARVE(CarveFuzzer.class, "CarveFuzzTest", "fuzzCarve");

    private final Class<?> targetClass;
    private final String testClass;
    private final String testMethod;

    Target(Class<?> targetClass, String testClass, String testMethod) {
        this.targetClass = targetClass;
        this.testClass = testClass;
        this.testMethod = testMethod;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String className() {
        return targetClass.getName();
    }

    /** Where a fixed finding goes so that every {@code mvn test} replays it. */
    public String regressionDir() {
        return "fuzz/src/test/resources/ringtool/fuzz/" + testClass + "Inputs/" + testMethod;
    }
}
