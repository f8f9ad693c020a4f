package ringtool.fuzz;

import java.util.EnumSet;
import ringtool.core.inspect.Inspector;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/**
 * The raw target: arbitrary bytes are a ring dump, framed with {@code --layout auto} and the default header size,
 * exactly as {@code ringtool inspect FILE} would take them. Seeds are real and generated ring dumps.
 */
public final class RawFuzzer {

    private static final Inspector INSPECTOR = Inspector.defaults();

    private RawFuzzer() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        Harness.warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
        // Every writer on every input; the text writer's tree and hex dump are costly: inputs of every fourth length
        // get them, deterministically.
        Harness.run(INSPECTOR, data, EnumSet.allOf(Format.class),
                data.length % 4 == 0 ? Harness.TEXT : TextOptions.DEFAULT);
    }
}
