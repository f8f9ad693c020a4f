package ringtool.core.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes read a block at a time into a cache of at most {@link #maxBlocks()} blocks, the least recently used block
 * given up first. However big the source, it holds at most {@code maxBlocks() * blockSize()} bytes: a walk through a
 * 4 GiB ring costs a few hundred KiB, where a mapping of it would keep every page the walk touched resident.
 *
 * <p>The block the last read used is checked first, so a walk that stays in a block pays a shift and a compare per
 * read; the other cached blocks are looked up only when the walk moves on. A walk forwards, one backwards
 * ({@code --history}), the wrap from the end of a data area back to its start and the few places read beside the
 * walk (a ring header, the second copy of a double-mapped area) each keep a block.
 *
 * <p>Not thread-safe: one thread at a time, as one input is read.
 */
public abstract class BlockCache implements ByteSource {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final int shift;
    private final int blockSize;
    private final long[] tags;
    private final byte[][] blocks;
    private final long[] lastUse;
    private long clock;
    private long hotTag = -1;
    private byte[] hot;
    private long loads;

    /**
     * @param size       the source's size: reads at or past it are refused
     * @param blockShift log2 of the block size; block {@code n} holds the bytes from {@code n << blockShift}
     * @param maxBlocks  the most blocks held at once
     */
    protected BlockCache(long size, int blockShift, int maxBlocks) {
        if (size < 0 || blockShift < 3 || blockShift > 24 || maxBlocks < 2) {
            throw new IllegalArgumentException("size " + size + ", block shift " + blockShift + ", " + maxBlocks
                    + " blocks");
        }
        this.size = size;
        this.shift = blockShift;
        this.blockSize = 1 << blockShift;
        this.tags = new long[maxBlocks];
        this.blocks = new byte[maxBlocks][];
        this.lastUse = new long[maxBlocks];
        Arrays.fill(tags, -1);
    }

    /**
     * Fills {@code into[0, length)} with the bytes of block {@code block}, {@code length} being the block size or,
     * for the last block, what is left of the source. An unchecked exception leaves the block out of the cache.
     */
    protected abstract void load(long block, byte[] into, int length);

    public final int blockSize() {
        return blockSize;
    }

    public final int maxBlocks() {
        return blocks.length;
    }

    /** The bytes the cache holds now: at most {@code maxBlocks() * blockSize()}. */
    public final long cachedBytes() {
        long bytes = 0;
        for (byte[] b : blocks) {
            bytes += b == null ? 0 : b.length;
        }
        return bytes;
    }

    /** How many times a block was read into the cache. */
    public final long loads() {
        return loads;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final int u8(long at) {
        Objects.checkFromIndexSize(at, 1, size);
        return Byte.toUnsignedInt(block(at)[(int) at & (blockSize - 1)]);
    }

    @Override
    public final int u16(long at) {
        Objects.checkFromIndexSize(at, 2, size);
        int i = (int) at & (blockSize - 1);
        return i <= blockSize - 2 ? Short.toUnsignedInt((short) SHORT.get(block(at), i)) : (int) bytewise(at, 2);
    }

    @Override
    public final long u32(long at) {
        Objects.checkFromIndexSize(at, 4, size);
        int i = (int) at & (blockSize - 1);
        return i <= blockSize - 4 ? Integer.toUnsignedLong((int) INT.get(block(at), i)) : bytewise(at, 4);
    }

    @Override
    public final long u64(long at) {
        Objects.checkFromIndexSize(at, 8, size);
        int i = (int) at & (blockSize - 1);
        return i <= blockSize - 8 ? (long) LONG.get(block(at), i) : bytewise(at, 8);
    }

    @Override
    public final void copy(long at, byte[] dst, int dstOffset, int length) {
        Objects.checkFromIndexSize(at, length, size);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        int done = 0;
        while (done < length) {
            long pos = at + done;
            int i = (int) pos & (blockSize - 1);
            int n = Math.min(length - done, blockSize - i);
            System.arraycopy(block(pos), i, dst, dstOffset + done, n);
            done += n;
        }
    }

    private byte[] block(long at) {
        long tag = at >>> shift;
        return tag == hotTag ? hot : switchTo(tag);
    }

    private byte[] switchTo(long tag) {
        int slot = -1;
        int victim = 0;
        for (int k = 0; k < tags.length; k++) {
            if (tags[k] == tag) {
                slot = k;
                break;
            }
            if (blocks[k] == null || blocks[victim] != null && lastUse[k] < lastUse[victim]) {
                victim = k;
            }
        }
        if (slot < 0) {
            slot = victim;
            int length = (int) Math.min(blockSize, size - (tag << shift));
            byte[] b = blocks[slot];
            if (b == null || b.length != length) {
                b = new byte[length];
                blocks[slot] = b;
            }
            if (tags[slot] == hotTag) {
                hotTag = -1;
                hot = null;
            }
            tags[slot] = -1;
            load(tag, b, length);
            tags[slot] = tag;
            loads++;
        }
        lastUse[slot] = ++clock;
        hotTag = tag;
        hot = blocks[slot];
        return hot;
    }
}
