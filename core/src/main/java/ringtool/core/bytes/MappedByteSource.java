package ringtool.core.bytes;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A file mapped read-only, in 1 GiB windows so that files beyond the 2 GiB limit of one
 * {@link MappedByteBuffer} work. Nothing of the file is copied to the heap: a 4 GiB dump costs a few
 * page-table entries, not 4 GiB of memory.
 *
 * <p>Each window overlaps the next by {@link #OVERLAP} bytes, so every primitive read lies in one window and
 * needs no assembly across windows.
 */
public final class MappedByteSource implements ByteSource {

    private static final int WINDOW_SHIFT = 30;
    private static final long WINDOW = 1L << WINDOW_SHIFT;
    private static final int OVERLAP = Long.BYTES;

    private final long size;
    private final MappedByteBuffer[] windows;

    private MappedByteSource(long size, MappedByteBuffer[] windows) {
        this.size = size;
        this.windows = windows;
    }

    /** Maps {@code size} bytes of the channel from position 0; the channel may be closed afterwards. */
    public static MappedByteSource map(FileChannel channel, long size) throws IOException {
        int count = (int) Math.max(1, (size + WINDOW - 1) >>> WINDOW_SHIFT);
        MappedByteBuffer[] windows = new MappedByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long start = (long) i << WINDOW_SHIFT;
            long length = Math.min(size - start, WINDOW + OVERLAP);
            windows[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
            windows[i].order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedByteSource(size, windows);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int u8(long at) {
        check(at, 1);
        return Byte.toUnsignedInt(window(at).get(local(at)));
    }

    @Override
    public int u16(long at) {
        check(at, 2);
        return Short.toUnsignedInt(window(at).getShort(local(at)));
    }

    @Override
    public long u32(long at) {
        check(at, 4);
        return Integer.toUnsignedLong(window(at).getInt(local(at)));
    }

    @Override
    public long u64(long at) {
        check(at, 8);
        return window(at).getLong(local(at));
    }

    @Override
    public void copy(long at, byte[] dst, int dstOffset, int length) {
        check(at, length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        int done = 0;
        while (done < length) {
            long pos = at + done;
            int local = local(pos);
            int n = (int) Math.min(length - done, WINDOW - local);
            window(pos).get(local, dst, dstOffset + done, n);
            done += n;
        }
    }

    private void check(long at, long length) {
        Objects.checkFromIndexSize(at, length, size);
    }

    private MappedByteBuffer window(long at) {
        return windows[(int) (at >>> WINDOW_SHIFT)];
    }

    private static int local(long at) {
        return (int) (at & (WINDOW - 1));
    }
}
