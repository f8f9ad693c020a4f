package ringtool.core.source;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A live ring file mapped shared: {@code read(2)} on the sysfs {@code ring} attribute fails with EIO (it has only
 * an mmap handler), so the bytes are reached through the mapping and change under it.
 */
final class MappedLiveMemory implements LiveMemory {

    private final MappedByteBuffer map;

    private MappedLiveMemory(MappedByteBuffer map) {
        this.map = map;
    }

    /** @param size the mapping's size: the file size, or uio map0's {@code size} for a character device */
    static MappedLiveMemory map(Path path, long size) throws IOException {
        if (size > LiveCopy.MAX_SIZE || size <= 0) {
            throw new IOException("mapping size " + size + " is not a ring's");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            m.order(ByteOrder.LITTLE_ENDIAN);
            return new MappedLiveMemory(m);
        }
    }

    @Override
    public long size() {
        return map.capacity();
    }

    @Override
    public long u32(long at) {
        return Integer.toUnsignedLong(map.getInt((int) at));
    }

    @Override
    public void copyAll(byte[] dst) {
        map.get(0, dst, 0, dst.length);
    }
}
