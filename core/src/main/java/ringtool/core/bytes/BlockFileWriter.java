package ringtool.core.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes at any offset of a file through a few blocks held in memory, the least recently used written back first:
 * a writer that moves forwards and touches a header now and then (a ring being laid out) makes a syscall per block,
 * not per write, and never holds more than {@code maxBlocks * blockSize} bytes, however big the file. The file is
 * set to its size first, so bytes never written read as zero.
 *
 * <p>Not thread-safe. An I/O error is thrown as {@link UncheckedIOException}, as the writers feeding this have no
 * checked exceptions; {@link #close} writes back what is left and throws it checked.
 */
public final class BlockFileWriter implements AutoCloseable {

    private final FileChannel channel;
    private final long size;
    private final int blockSize;
    private final LinkedHashMap<Long, byte[]> blocks;

    public BlockFileWriter(FileChannel channel, long size, int blockSize, int maxBlocks) throws IOException {
        this.channel = channel;
        this.size = size;
        this.blockSize = blockSize;
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                if (size() <= maxBlocks) {
                    return false;
                }
                writeBack(eldest.getKey(), eldest.getValue());
                return true;
            }
        };
        channel.truncate(0);
        if (size > 0) {
            channel.write(ByteBuffer.allocate(1), size - 1);
        }
    }

    /** Copies {@code bytes[from, from + length)} to the file at {@code at}. */
    public void write(long at, byte[] bytes, int from, int length) {
        if (at < 0 || length < 0 || at > size - length) {
            throw new IndexOutOfBoundsException(length + " bytes at " + at + " of a file of " + size);
        }
        int done = 0;
        while (done < length) {
            long position = at + done;
            long tag = position / blockSize;
            int in = (int) (position - tag * blockSize);
            int n = Math.min(length - done, blockSize - in);
            System.arraycopy(bytes, from + done, block(tag), in, n);
            done += n;
        }
    }

    private byte[] block(long tag) {
        byte[] block = blocks.get(tag);
        if (block == null) {
            block = new byte[(int) Math.min(blockSize, size - tag * blockSize)];
            try {
                ByteBuffer buffer = ByteBuffer.wrap(block);
                while (buffer.hasRemaining() && channel.read(buffer, tag * blockSize + buffer.position()) >= 0) {
                    // A block written back earlier is read again; one never written is zeros.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blocks.put(tag, block);
        }
        return block;
    }

    private void writeBack(long tag, byte[] block) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(block);
            while (buffer.hasRemaining()) {
                channel.write(buffer, tag * blockSize + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (Iterator<Map.Entry<Long, byte[]>> i = blocks.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Long, byte[]> e = i.next();
                writeBack(e.getKey(), e.getValue());
                i.remove();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            channel.close();
        }
    }
}
