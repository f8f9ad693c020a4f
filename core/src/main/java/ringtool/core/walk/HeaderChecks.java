package ringtool.core.walk;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;
import ringtool.core.bytes.ByteCount;
import ringtool.core.bytes.ByteSource;

/** The header rules: the control page's fields and the geometry of the data area. */
public final class HeaderChecks {

    private HeaderChecks() {
    }

    /** @param src the input holding the header at {@code ring.fileOffset()} */
    public static List<Finding> check(RingSnapshot ring, ByteSource src) {
        List<Finding> out = new ArrayList<>();
        RingHeader h = ring.header();
        long size = ring.dataSize();
        long at = ring.fileOffset();
        if (!RingHeader.validDataSize(size)) {
            // An empty data area has no bytes to point at (its offset may be the end of the file): the header is.
            out.add(Finding.mismatch(Rules.RING_SIZE_INVALID, "data area size", "a non-zero multiple of 4096",
                    Long.toString(size)).file(size == 0 ? at : ring.dataFileOffset(0), size == 0 ? null : size));
        }
        index(out, Rules.RING_WRITE_INDEX_OUT_OF_RANGE, Rules.RING_WRITE_INDEX_UNALIGNED, "write_index",
                h.writeIndex(), size, at + RingHeader.WRITE_INDEX_OFFSET);
        index(out, Rules.RING_READ_INDEX_OUT_OF_RANGE, Rules.RING_READ_INDEX_UNALIGNED, "read_index",
                h.readIndex(), size, at + RingHeader.READ_INDEX_OFFSET);
        if (!h.interruptMaskValid()) {
            out.add(Finding.mismatch(Rules.RING_INTERRUPT_MASK_INVALID, "interrupt_mask", "0 or 1",
                    hex(h.interruptMask())).file(at + RingHeader.INTERRUPT_MASK_OFFSET, 4L));
        }
        if (!h.pendingSendSizeValid(size)) {
            out.add(Finding.mismatch(Rules.RING_PENDING_SEND_SIZE_INVALID, "pending_send_size",
                    "<= " + hex(size) + " (the data size)", hex(h.pendingSendSize()))
                    .file(at + RingHeader.PENDING_SEND_SIZE_OFFSET, 4L));
        }
        if (!h.featureBitsKnown()) {
            out.add(Finding.mismatch(Rules.RING_FEATURE_BITS_UNKNOWN, "feature_bits", "0x0 or 0x1",
                    hex(h.featureBits())).file(at + RingHeader.FEATURE_BITS_OFFSET, 4L));
        }
        reserved(out, src, at);
        return out;
    }

    /**
     * Checks the index the walk starts from when the user gave one ({@code --read-index}, the guest's
     * {@code priv_read_index}); the header's own {@code read_index} is checked by {@link #check}.
     */
    public static List<Finding> checkStart(RingSnapshot ring, long start) {
        List<Finding> out = new ArrayList<>();
        index(out, Rules.RING_READ_INDEX_OUT_OF_RANGE, Rules.RING_READ_INDEX_UNALIGNED, "walk start (--read-index)",
                start, ring.dataSize(), null);
        return out;
    }

    private static void index(List<Finding> out, Rule range, Rule unaligned, String name, long value, long size,
                              Long fileOffset) {
        Long length = fileOffset == null ? null : 4L;
        if (!RingHeader.indexInside(value, size)) {
            out.add(Finding.mismatch(range, name, "< " + hex(size) + " (the data size)", hex(value))
                    .file(fileOffset, length));
        }
        if (!RingHeader.indexAligned(value)) {
            out.add(Finding.mismatch(unaligned, name, "a multiple of 8", hex(value)).file(fileOffset, length));
        }
    }

    private static void reserved(List<Finding> out, ByteSource src, long at) {
        ByteCount set = RingHeader.countNonZeroReserved(src, at);
        if (set.count() > 0) {
            out.add(Finding.mismatch(Rules.RING_RESERVED_NONZERO, "reserved header bytes", "all zero",
                    set.count() + " non-zero, the first at header offset " + hex(set.first()))
                            .file(at + set.first(), set.last() - set.first() + 1));
        }
    }
}
