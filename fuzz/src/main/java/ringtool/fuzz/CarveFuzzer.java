package ringtool.fuzz;

import java.util.EnumSet;
import ringtool.core.bytes.ByteSource;
import ringtool.core.carve.Carver;
import ringtool.core.image.Images;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.report.InputReport;
import ringtool.core.source.InputException;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/**
 * The carve target: container headers and tables from the fuzzer. The first byte picks a valid image
 * ({@link ContainerTemplates}: raw, ELF, kdump-compressed, kdump-flattened); the rest is written over its first
 * bytes, where the ELF and program headers, the kdump header, bitmaps and descriptors, and the flattened segment
 * headers lie. The image is opened as {@code ringtool carve} opens it, carved, and written in every format.
 *
 * <p>A refusal ({@link InputException}) must be one line; anything thrown is a finding, and so is an input that
 * takes longer than libFuzzer's {@code -timeout} or more memory than its {@code -rss_limit_mb}: a container's
 * claims (sizes near 2^63, terabytes of bitmaps, millions of segments) must cost nothing the file does not hold.
 */
public final class CarveFuzzer {

    private static final Carver CARVER = new Carver(Carver.Options.defaults());

    private CarveFuzzer() {
    }

    /** Called once by Jazzer before the first input. */
    public static void fuzzerInitialize() {
        Harness.warmUp();
        for (int kind = 0; kind < ContainerTemplates.ALL.length; kind++) {
            fuzzerTestOneInput(new byte[] {(byte) kind});
        }
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int kind = Byte.toUnsignedInt(data[0]) % ContainerTemplates.ALL.length;
        byte[] template = ContainerTemplates.ALL[kind];
        byte[] image = template.clone();
        System.arraycopy(data, 1, image, 0, Math.min(data.length - 1, image.length));
        PhysicalMemory mem;
        try {
            // The raw template is read as --raw reads it; the others are recognised by their signatures.
            mem = Images.open(ByteSource.of(image), kind == 0);
        } catch (InputException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                throw new InvariantViolation("a container refused without a one-line reason: " + e.getMessage());
            }
            return;
        }
        InputReport report = CARVER.carve(Harness.SOURCE, mem);
        WriterChecks.check(report, EnumSet.of(Format.TEXT, Format.JSON, Format.JSONL), TextOptions.DEFAULT);
    }
}
