package ringtool.core.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import ringtool.core.bytes.ByteSource;
import ringtool.core.bytes.MappedByteSource;

/** Opens inputs without trusting them: what they are and how big, before any byte is read. */
public final class InputFiles {

    /** The message for a directory given as an input; the CLI adds its hint to it. */
    public static final String IS_A_DIRECTORY = "is a directory";

    private InputFiles() {
    }

    /**
     * Whether the file is ring memory that moves while it is read (sysfs {@code ring}, {@code /dev/uioN}) rather than
     * a dump: those are copied once through {@link #liveCopy} and checked for torn reads.
     */
    public static boolean isLive(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        if (Files.isDirectory(real)) {
            return false;
        }
        return real.startsWith("/sys/") || real.startsWith("/dev/") || Files.exists(real) && !Files.isRegularFile(real);
    }

    /** Maps a live ring file shared, copies it once, and reads its indices before and after the copy. */
    public static LiveCopy liveCopy(Path path) throws InputException {
        try {
            Path real = path.toRealPath();
            long size = Files.isRegularFile(real) ? Files.size(real) : uioMapSize(real);
            if (size == 0) {
                throw new InputException("empty file");
            }
            try {
                return LiveCopy.take(MappedLiveMemory.map(real, size));
            } catch (IOException e) {
                // Before 2025 the sysfs ring file claimed a fixed 4 MiB; mapping more than the rings fails (EINVAL).
                Long rings = ringFileMapSize(real);
                if (rings == null || rings == size) {
                    throw e;
                }
                return LiveCopy.take(MappedLiveMemory.map(real, rings));
            }
        } catch (NoSuchFileException e) {
            throw new InputException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied (the ring file is root-only, mode 0600)", e);
        } catch (IOException e) {
            throw new InputException("cannot map: " + e.getMessage(), e);
        }
    }

    /**
     * The real size of a sysfs {@code <device>/channels/<relid>/ring} file of the primary channel: uio's map0 size
     * under {@code <device>/uio/uioN/maps/map0/size}, or null when there is none.
     */
    static Long ringFileMapSize(Path ring) throws IOException {
        Path channel = ring.getParent();
        if (!ring.getFileName().toString().equals("ring") || channel == null || channel.getParent() == null
                || !channel.getParent().getFileName().toString().equals("channels")) {
            return null;
        }
        Path device = channel.getParent().getParent();
        Path id = device.resolve("id");
        if (!Files.isReadable(id) || !Files.readString(id).trim().equals(channel.getFileName().toString())) {
            return null;
        }
        Path uio = device.resolve("uio");
        if (!Files.isDirectory(uio)) {
            return null;
        }
        try (java.util.stream.Stream<Path> s = Files.list(uio)) {
            for (Path u : s.sorted().toList()) {
                Path size = u.resolve("maps/map0/size");
                if (Files.isReadable(size)) {
                    try {
                        return parseSize(Files.readString(size).trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static long parseSize(String text) {
        return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
    }

    /** {@code /dev/uioN} has no size; its map0 (both rings) is described in {@code /sys/class/uio/uioN/maps/map0}. */
    private static long uioMapSize(Path device) throws IOException, InputException {
        Path sizeFile = Path.of("/sys/class/uio", device.getFileName().toString(), "maps", "map0", "size");
        if (!Files.isReadable(sizeFile)) {
            throw new InputException("not a regular file, and no uio map0 size at " + sizeFile);
        }
        String text = Files.readString(sizeFile).trim();
        try {
            return parseSize(text);
        } catch (NumberFormatException e) {
            throw new InputException(sizeFile + " holds '" + text + "', not a size", e);
        }
    }

    /** Maps a regular file read-only. */
    public static ByteSource open(Path path) throws InputException {
        if (Files.isDirectory(path)) {
            throw new InputException(IS_A_DIRECTORY);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new InputException("no such file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new InputException("empty file");
            }
            return MappedByteSource.map(channel, size);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied", e);
        } catch (IOException e) {
            throw new InputException("cannot read: " + e.getMessage(), e);
        }
    }
}
