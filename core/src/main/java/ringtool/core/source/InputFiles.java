package ringtool.core.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;
import ringtool.core.bytes.ByteSource;
import ringtool.core.bytes.FileByteSource;

/** Opens inputs without trusting them: what they are and how big, before any byte is read. */
public final class InputFiles {

    /**
     * The most bytes read from a pipe, a FIFO or stdin. The rings Linux allocates are at most a few MiB each (carve's
     * sizes: 12 KiB to 2 MiB of data); a stream is held on the heap, so it is bounded.
     */
    public static final int MAX_STREAM_MIB = 16;
    public static final int MAX_STREAM = MAX_STREAM_MIB << 20;
    /** The name that stands for stdin. */
    public static final String STDIN_NAME = "-";
    private static final Path STDIN = Path.of("/dev/stdin");
    private static final Path SYS = Path.of("/sys");
    private static final Path PROC = Path.of("/proc");
    private static final Path DEV = Path.of("/dev");
    private static final Pattern UIO_DEVICE = Pattern.compile("uio[0-9]+");
    /** File type bits of st_mode (inode(7)). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** The message for a directory given as an input; the CLI adds its hint to it. */
    public static final String IS_A_DIRECTORY = "is a directory";

    private InputFiles() {
    }

    /**
     * The path with every link followed, or null when that fails (a missing file, a dangling link, no permission).
     * Whether an input is live and whether it is kernel-generated text both ask where it really lies: a caller
     * that asks both resolves it once and passes the result to {@link #isLiveAt} and {@link #open(Path, Path)}.
     */
    public static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether the file is ring memory that moves while it is read rather than a dump: a channel's sysfs {@code ring}
     * file or a {@code /dev/uioN} device. Only those are copied once through {@link #liveCopy} and checked for torn
     * reads; any other file under {@code /dev} or {@code /sys} (a tmpfs file in {@code /dev/shm}, an attribute) is
     * not a live ring.
     */
    public static boolean isLive(Path path) {
        return isLiveAt(realPath(path));
    }

    /** {@link #isLive} of a path already resolved by {@link #realPath} (null: it could not be). */
    public static boolean isLiveAt(Path real) {
        Path name = real == null ? null : real.getFileName();
        if (name == null) {
            return false;
        }
        if (real.startsWith(SYS)) {
            return name.toString().equals("ring") && Files.isRegularFile(real);
        }
        return DEV.equals(real.getParent()) && isUioDeviceName(name.toString()) && kind(real) == Kind.CHARACTER_DEVICE;
    }

    /** Whether a file name is a uio device's ({@code uio0}, {@code uio12}). */
    public static boolean isUioDeviceName(String name) {
        return UIO_DEVICE.matcher(name).matches();
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

    /**
     * The bytes of an input: a regular file read through a bounded cache ({@link FileByteSource}); a pipe, a FIFO
     * or {@code -} (stdin) read as a stream of at most {@link #MAX_STREAM} bytes; anything else refused with what
     * it is.
     */
    public static ByteSource open(Path path) throws InputException {
        return open(path, null);
    }

    /** @param real the path's {@link #realPath} when the caller has it, else null (then it is resolved here) */
    public static ByteSource open(Path path, Path real) throws InputException {
        boolean stdin = STDIN_NAME.equals(path.toString());
        Path file = stdin ? STDIN : path;
        Kind kind = kind(file);
        switch (kind) {
            case DIRECTORY -> throw new InputException(IS_A_DIRECTORY);
            case MISSING -> throw new InputException(stdin ? "stdin is closed"
                    : Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "no such file (a dangling link)"
                    : "no such file");
            case PIPE -> {
                return readStream(file);
            }
            case CHARACTER_DEVICE -> throw new InputException(stdin ? "stdin is a terminal: pipe a dump in, or name"
                    + " the file" : "is a character device, not a ring dump (of devices, only /dev/uioN is read, as a"
                    + " live ring)");
            case BLOCK_DEVICE -> throw new InputException("is a block device, not a ring dump");
            case SOCKET -> throw new InputException("is a socket, not a ring dump");
            case OTHER -> throw new InputException("is not a regular file");
            case REGULAR -> {
                // Kernel-generated files claim a size of 0 (/proc) or 4096 (sysfs) whatever they hold.
                String special = generated(real == null || stdin ? realPath(file) : real);
                if (special != null) {
                    throw new InputException(special);
                }
                return read(file);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /**
     * A regular file's bytes: read whole when it is small, else through {@link FileByteSource}. The whole read goes
     * through a {@link RandomAccessFile}, one native call each to open, size and read, where a {@link FileChannel}
     * passes through layers of interruptible-channel and direct-buffer code: a third of what a run over a thousand
     * small rings spent per input. Anything out of the ordinary (a bigger file, an empty one, an error, a file that
     * shrinks while it is read) takes the channel's way, which names the problem.
     */
    private static ByteSource read(Path path) throws InputException {
        byte[] whole = readSmall(path);
        if (whole != null) {
            return ByteSource.of(whole);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (size == 0) {
                throw new InputException("empty file");
            }
            ByteSource bytes = FileByteSource.open(path, channel, size);
            channel = null;
            return bytes;
        } catch (EOFException e) {
            throw new InputException(e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied", e);
        } catch (IOException e) {
            throw new InputException("cannot read: " + e.getMessage(), e);
        } finally {
            // Until FileByteSource has taken the channel over, an error must not leak its descriptor.
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Read-only: nothing to flush, and the descriptor is released either way.
                }
            }
        }
    }

    /** The file's bytes if it holds 1 to {@link FileByteSource#MAX_CACHED} of them and they read without trouble. */
    private static byte[] readSmall(Path path) {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
            long size = f.length();
            if (size == 0 || size > FileByteSource.MAX_CACHED) {
                return null;
            }
            byte[] bytes = new byte[(int) size];
            f.readFully(bytes);
            return bytes;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Reads a stream to its end, refusing it once it passes {@link #MAX_STREAM} bytes. */
    static ByteSource readStream(Path path) throws InputException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_STREAM + 1);
            if (bytes.length > MAX_STREAM) {
                throw new InputException("a stream of more than " + MAX_STREAM_MIB + " MiB: rings are at most a"
                        + " few MiB; save a larger input to a file and name the file");
            }
            if (bytes.length == 0) {
                throw new InputException("empty stream");
            }
            return ByteSource.of(bytes);
        } catch (AccessDeniedException e) {
            throw new InputException("permission denied", e);
        } catch (IOException e) {
            throw new InputException("cannot read: " + e.getMessage(), e);
        }
    }

    /** What a regular file under /proc or /sys really is, when it is text the kernel writes on each read. */
    private static String generated(Path real) {
        if (real == null) {
            return null;
        }
        if (real.startsWith(PROC) && sizeOf(real) == 0) {
            return "is a /proc file (text the kernel writes when it is read), not a ring dump";
        }
        if (real.startsWith(SYS) && !real.getFileName().toString().equals("ring")) {
            return "is a sysfs attribute (text the kernel writes when it is read), not a ring: 'ringtool sysfs'"
                    + " reads a device's attributes, and only a channel's ring file is a ring";
        }
        return null;
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    enum Kind { REGULAR, DIRECTORY, PIPE, CHARACTER_DEVICE, BLOCK_DEVICE, SOCKET, OTHER, MISSING }

    /** The file's type after links, from its mode bits where the platform has them. */
    static Kind kind(Path path) {
        BasicFileAttributes basic;
        try {
            basic = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Kind.MISSING;
        }
        if (basic.isRegularFile()) {
            return Kind.REGULAR;
        }
        if (basic.isDirectory()) {
            return Kind.DIRECTORY;
        }
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & S_IFMT;
            return switch (type) {
                case S_IFIFO -> Kind.PIPE;
                case S_IFCHR -> Kind.CHARACTER_DEVICE;
                case S_IFBLK -> Kind.BLOCK_DEVICE;
                case S_IFSOCK -> Kind.SOCKET;
                default -> Kind.OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Kind.OTHER;
        }
    }
}
