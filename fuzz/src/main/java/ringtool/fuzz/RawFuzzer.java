package ringtool.fuzz;

import ringtool.core.report.Inspector;

/**
 * The raw target: arbitrary bytes are a ring dump, framed with {@code --layout auto} and the default header size,
 * exactly as {@code ringtool inspect FILE} would take them. Seeds are real and generated ring dumps.
 */
public final class RawFuzzer {

    private static final Inspector INSPECTOR = Inspector.defaults();

    private RawFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        Harness.run(INSPECTOR, data);
    }
}
