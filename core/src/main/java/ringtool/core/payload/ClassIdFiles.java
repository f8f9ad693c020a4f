package ringtool.core.payload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ringtool.core.source.InputFiles;

/**
 * The {@code class_id} beside an input that sits in sysfs: a channel's ring file
 * ({@code /sys/bus/vmbus/devices/<GUID>/channels/<relid>/ring}, the device's {@code class_id} three levels up) and
 * a uio device ({@code /dev/uioN}, its {@code /sys/class/uio/uioN/device/class_id}).
 */
public final class ClassIdFiles {

    /** A class_id holds one GUID in braces and a newline; anything much longer is not one. */
    private static final long MAX_SIZE = 64;

    private ClassIdFiles() {
    }

    /** The device class beside {@code input}, or null when the input is not where sysfs puts rings. */
    public static DeviceClass beside(Path input) {
        Path file = candidate(input);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (Files.size(file) > MAX_SIZE) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? null : new DeviceClass(text, file.toString());
        } catch (IOException | RuntimeException e) {
            // An unreadable class_id leaves auto to the content test, as for a plain file.
            return null;
        }
    }

    private static Path candidate(Path input) {
        Path given = input.getFileName();
        String last = given == null ? "" : given.toString();
        if (!last.equals("ring") && !InputFiles.isUioDeviceName(last) && !last.equals(".") && !last.equals("..")) {
            // Only a name that normalizing may change can end up a ring file's or a uio device's: most inputs
            // are neither, and are told so without making their path absolute.
            return null;
        }
        Path abs = input.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name == null) {
            return null;
        }
        String file = name.toString();
        Path channels = abs.getParent() == null ? null : abs.getParent().getParent();
        if (file.equals("ring") && channels != null && channels.getFileName() != null
                && channels.getFileName().toString().equals("channels") && channels.getParent() != null) {
            return channels.getParent().resolve("class_id");
        }
        if (InputFiles.isUioDeviceName(file) && abs.getParent() != null && abs.getParent().endsWith("dev")) {
            return Path.of("/sys/class/uio", file, "device", "class_id");
        }
        return null;
    }
}
