package ringtool.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.testing.RingFiles;

/**
 * The rings the benchmarks walk, written once per JVM into a temporary directory: "small" is a ring of 64-byte
 * in-band packets (the shape of a busy VMBus channel: ~16,000 packets per MiB), "large" one of 4 KiB packets.
 */
final class Rings {

    static final long DATA_SIZE = 64L << 20;

    private Rings() {
    }

    /** @return the file; its packets fill the data area but one slot */
    static Path make(String shape, long dataSize) {
        int payload = switch (shape) {
            case "small" -> 40;
            case "large" -> 4072;
            default -> throw new IllegalArgumentException(shape);
        };
        try {
            Path dir = Files.createTempDirectory("ringtool-bench");
            Path file = dir.resolve(shape + ".bin");
            RingFiles.inband(file, dataSize, dataSize / RingFiles.footprint(payload) - 1, payload);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputReport inspect(Path file) {
        return Inspector.defaults().inspect(file, file.toString());
    }
}
