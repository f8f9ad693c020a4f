package ringtool.fuzz;

import java.util.EnumSet;

/**
 * The readers target: rings built as for {@link LayoutFuzzer}, with one or more reader models ({@code --model}) and
 * often the history walk ({@code --history}) run over them, as a triage of a crashed guest would. A model in a
 * ghost loop reads up to {@code data_size / 4} descriptors and every writer lists each read, so an input here
 * costs many times a layout input: the two targets are apart so that the strict walk keeps its pace.
 */
public final class ReadersFuzzer {

    private ReadersFuzzer() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        Harness.warmUp();
    }

    /** @param data a recipe read as Jazzer's {@code FuzzedDataProvider} reads it ({@link PlainDataProvider}) */
    public static void fuzzerTestOneInput(byte[] data) {
        RingPlan plan = RingPlan.withReaders(new PlainDataProvider(data));
        Harness.run(plan.inspector(), plan.bytes(), EnumSet.of(plan.format()), plan.text());
    }
}
