package ringtool.fuzz;

import java.util.EnumSet;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.report.InputReport;

/**
 * The payload target: sound rings whose packets carry one protocol's messages, headers consistent unless the
 * fuzzer damages them ({@link PayloadPlan}), through the dissectors and one writer, with the harness's invariants
 * and the dissectors' own ({@link PayloadInvariants}).
 */
public final class PayloadFuzzer {

    private PayloadFuzzer() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        Harness.warmUp();
    }

    /** @param data a recipe read as Jazzer's {@code FuzzedDataProvider} reads it ({@link PlainDataProvider}) */
    public static void fuzzerTestOneInput(byte[] data) {
        PayloadPlan plan = PayloadPlan.from(new PlainDataProvider(data));
        InputReport report = Harness.run(plan.inspector(), plan.bytes(), EnumSet.of(plan.format()), plan.text());
        PayloadInvariants.check(report, PayloadOptions.AUTO.equals(plan.protocolOption()) ? null
                : plan.protocolOption());
    }
}
