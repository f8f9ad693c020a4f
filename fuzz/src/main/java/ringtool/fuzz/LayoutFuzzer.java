package ringtool.fuzz;

import java.util.EnumSet;

/**
 * The structure-aware target: the fuzzer's bytes choose a ring (layout, data size, header fields near the edges, a
 * chain of packets that may straddle the end of the data area, a {@code --read-index} override) instead of being
 * one, so most inputs get past the header into deep walk states. Seeds are {@code FuzzedDataProvider} byte
 * streams, not rings: see {@link RingPlan}.
 */
public final class LayoutFuzzer {

    private LayoutFuzzer() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        Harness.warmUp();
    }

    /** @param data a recipe read as Jazzer's {@code FuzzedDataProvider} reads it ({@link PlainDataProvider}) */
    public static void fuzzerTestOneInput(byte[] data) {
        RingPlan plan = RingPlan.from(new PlainDataProvider(data));
        Harness.run(plan.inspector(), plan.bytes(), EnumSet.of(plan.format()), plan.text());
    }
}
