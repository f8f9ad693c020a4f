package ringtool.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The captures of {@code shared/real} (README there), byte for byte: {@code balloon-ring.bin}, the sysfs
 * {@code ring} of a Dynamic Memory channel (a uio pair), and {@code balloon-sysfs.tar.xz}, the same guest's
 * {@code /sys/bus/vmbus} tree, kept as the archive it was taken as and extracted here with Commons Compress.
 */
public final class RealCaptures {

    /** The balloon device's directory inside the archive. */
    public static final String BALLOON_DEVICE = "cap/sysfs/bus/vmbus/devices/c910c465-aa71-47ff-944b-dbfe82066e45";

    private RealCaptures() {
    }

    public static byte[] balloonRing() {
        return resource("balloon-ring.bin");
    }

    /**
     * Extracts the sysfs archive under {@code dir} (regular files and directories; its two symlinks point outside
     * the archive and are left out) and returns {@code dir}.
     */
    public static Path extractBalloonSysfs(Path dir) {
        try (InputStream raw = RealCaptures.class.getResourceAsStream("/real/balloon-sysfs.tar.xz");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = RealCaptures.class.getResourceAsStream("/real/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /real/" + name + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
