package ringtool.core.source;

import static ringtool.core.rules.Finding.hex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;

/**
 * One copy of a live ring, with its indices read before and after the copy (the JDK {@code jfr} tool's double
 * read of a file still being written). Whatever layout the copy is framed as, its headers lie at 0 and, for a pair,
 * at the half; both places are read before the copy, and each framed ring's header again after it.
 *
 */
public final class LiveCopy {

    /** Live files beyond this are not ring mappings (uio maps 2 MiB per direction). */
    public static final long MAX_SIZE = 1L << 30;

    private final ByteSource bytes;
    private final LiveMemory memory;
    /** Write and read index at offset 0 and at the half, read before the copy (-1 where not read). */
    private final long[] before;

    private LiveCopy(ByteSource bytes, LiveMemory memory, long[] before) {
        this.bytes = bytes;
        this.memory = memory;
        this.before = before;
    }

    /** The copy, parsed instead of the live memory. */
    public ByteSource bytes() {
        return bytes;
    }

    public static LiveCopy take(LiveMemory memory) throws InputException {
        long size = memory.size();
        if (size > MAX_SIZE) {
            throw new InputException("a live ring mapping of " + size + " bytes is larger than any ring ("
                    + MAX_SIZE + " bytes at most)");
        }
        try {
            long[] before = indices(memory, size);
            byte[] copy = new byte[(int) size];
            memory.copyAll(copy);
            return new LiveCopy(ByteSource.of(copy), memory, before);
        } catch (IOException e) {
            throw new InputException("cannot copy the live ring: " + e.getMessage(), e);
        }
    }

    private static long[] indices(LiveMemory memory, long size) throws IOException {
        long half = size / 2;
        boolean pair = size % 2 == 0 && half >= RingHeader.HOST_PAGE_SIZE;
        return new long[] {
            memory.u32(RingHeader.WRITE_INDEX_OFFSET), memory.u32(RingHeader.READ_INDEX_OFFSET),
            pair ? memory.u32(half + RingHeader.WRITE_INDEX_OFFSET) : -1,
            pair ? memory.u32(half + RingHeader.READ_INDEX_OFFSET) : -1};
    }

    /** A {@code dump.torn_read} per index of a framed ring that moved between the first read and the last. */
    public List<Finding> tornReads(FramedInput framed) throws InputException {
        List<Finding> out = new ArrayList<>();
        long half = memory.size() / 2;
        for (FramedRing ring : framed.rings()) {
            int slot = ring.fileOffset() == 0 ? 0 : ring.fileOffset() == half && before[2] >= 0 ? 2 : -1;
            if (slot < 0) {
                continue;
            }
            index(out, ring, "write_index", RingHeader.WRITE_INDEX_OFFSET, before[slot]);
            index(out, ring, "read_index", RingHeader.READ_INDEX_OFFSET, before[slot + 1]);
        }
        return out;
    }

    private void index(List<Finding> out, FramedRing ring, String name, int offset, long first)
            throws InputException {
        long at = ring.fileOffset() + offset;
        long copied = bytes.u32(at);
        long after;
        try {
            after = memory.u32(at);
        } catch (IOException e) {
            throw new InputException("cannot re-read the live ring: " + e.getMessage(), e);
        }
        if (first != copied || copied != after) {
            out.add(Finding.mismatch(Rules.DUMP_TORN_READ, ring.name() + " " + name + " while the ring was copied",
                    "the same value before, in and after the copy",
                    hex(first) + " before, " + hex(copied) + " in the copy, " + hex(after) + " after").file(at, 4L));
        }
    }
}
