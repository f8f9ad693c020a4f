package ringtool.core.bytes;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * A regular file read with positional reads ({@code pread}) through a {@link BlockCache} of {@link #BLOCKS} blocks
 * of {@link #BLOCK_SIZE} bytes: the memory a file takes is bounded whatever its size. A mapping would not be: every
 * page a walk touches stays resident (and counts in the process's RSS) until the whole mapping goes, and Java has
 * no public way to unmap or to drop pages behind the walk. The file's pages stay in the kernel's page cache, shared
 * and reclaimable, so a second walk over a block that left this cache costs a copy, not a disk read.
 *
 * <p>A file no bigger than the cache is read whole and closed at once. A bigger one keeps its channel open while it
 * is read, but at most {@link #MAX_OPEN} channels are open at a time in the process: past that the channel read
 * longest ago is closed, and its file is opened again by name when read again, refused if the name now leads to
 * another file. So inputs need no closing, and a run over thousands of large files holds a bounded number of
 * descriptors.
 *
 * <p>A file that shrinks while it is read (a mapping would fault) or that cannot be read any more fails the read
 * with a {@link ReadFailedException} naming the file.
 */
public final class FileByteSource extends BlockCache {

    static final int BLOCK_SHIFT = 16;
    public static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    public static final int BLOCKS = 8;
    /** The most bytes a file's source holds: a file up to this size is read whole. */
    public static final int MAX_CACHED = BLOCKS * BLOCK_SIZE;
    static final int MAX_OPEN = 64;

    /** Files whose channel is open, read least recently first; guarded by itself. */
    private static final LinkedHashSet<OpenFile> OPEN = new LinkedHashSet<>();

    /**
     * The file behind a source, apart from the source so that the set of open files keeps a descriptor, not a
     * cache of blocks, alive after an input is done with.
     */
    private static final class OpenFile {
        final Path path;
        final Object fileKey;
        FileChannel channel;
        boolean reading;

        OpenFile(Path path, Object fileKey, FileChannel channel) {
            this.path = path;
            this.fileKey = fileKey;
            this.channel = channel;
        }
    }

    private final OpenFile file;

    private FileByteSource(OpenFile file, long size) {
        super(size, BLOCK_SHIFT, BLOCKS);
        this.file = file;
    }

    /**
     * The bytes of the regular file at {@code path}, of {@code size} bytes as its open channel says: read whole when
     * it is no bigger than {@link #MAX_CACHED}, else read through the cache. Takes over the channel.
     */
    public static ByteSource open(Path path, FileChannel channel, long size) throws IOException {
        Objects.requireNonNull(path);
        if (size <= MAX_CACHED) {
            try (channel) {
                byte[] bytes = new byte[(int) size];
                readFully(channel, path, bytes, 0, (int) size, 0, size);
                return ByteSource.of(bytes);
            }
        }
        return cached(path, channel, size);
    }

    /** The file read through the cache whatever its size. */
    static FileByteSource cached(Path path, FileChannel channel, long size) throws IOException {
        OpenFile file = new OpenFile(path, Files.readAttributes(path, BasicFileAttributes.class).fileKey(), channel);
        synchronized (OPEN) {
            OPEN.add(file);
            closeIdle();
        }
        return new FileByteSource(file, size);
    }

    @Override
    protected void load(long block, byte[] into, int length) {
        FileChannel ch = acquire(file);
        try {
            readFully(ch, file.path, into, 0, length, block << BLOCK_SHIFT, size());
        } catch (EOFException e) {
            throw new ReadFailedException(file.path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReadFailedException(file.path + ": cannot read: " + e.getMessage(), e);
        } finally {
            release(file);
        }
    }

    /**
     * Reads {@code into[offset, offset + length)} from file offset {@code at}, at most a block per call: the JDK
     * reads into a heap array through a direct buffer of the call's size that each thread keeps. An end of file
     * before {@code size} means the file shrank.
     */
    private static void readFully(FileChannel ch, Path path, byte[] into, int offset, int length, long at, long size)
            throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into, offset, length);
        while (buf.hasRemaining()) {
            int done = buf.position() - offset;
            buf.limit(Math.min(offset + length, buf.position() + BLOCK_SIZE));
            int n = ch.read(buf, at + done);
            if (n < 0) {
                throw new EOFException("the file shrank while it was read: it had " + size
                        + " bytes, and ends before " + (at + done));
            }
            buf.limit(offset + length);
        }
    }

    /** The file's channel, open again when it was closed to keep within {@link #MAX_OPEN}; marked in use. */
    private static FileChannel acquire(OpenFile f) {
        synchronized (OPEN) {
            if (f.channel == null) {
                try {
                    FileChannel ch = FileChannel.open(f.path, StandardOpenOption.READ);
                    if (!Objects.equals(Files.readAttributes(f.path, BasicFileAttributes.class).fileKey(), f.fileKey)) {
                        ch.close();
                        throw new IOException("the file was replaced while it was read");
                    }
                    f.channel = ch;
                } catch (IOException e) {
                    throw new ReadFailedException(f.path + ": cannot open again: " + e.getMessage(), e);
                }
            }
            OPEN.remove(f);
            OPEN.add(f);
            f.reading = true;
            closeIdle();
            return f.channel;
        }
    }

    private static void release(OpenFile f) {
        synchronized (OPEN) {
            f.reading = false;
        }
    }

    /** Closes the channels read longest ago until at most {@link #MAX_OPEN} are open; never one being read. */
    private static void closeIdle() {
        Iterator<OpenFile> it = OPEN.iterator();
        int excess = OPEN.size() - MAX_OPEN;
        while (excess > 0 && it.hasNext()) {
            OpenFile f = it.next();
            if (!f.reading) {
                it.remove();
                excess--;
                try {
                    f.channel.close();
                } catch (IOException e) {
                    // A read-only channel has nothing to flush; the descriptor is released either way.
                }
                f.channel = null;
            }
        }
    }

    /** Channels open in the process now, for tests. */
    static int openChannels() {
        synchronized (OPEN) {
            return OPEN.size();
        }
    }
}
