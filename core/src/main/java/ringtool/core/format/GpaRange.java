package ringtool.core.format;

import java.util.List;
import ringtool.core.bytes.ByteSource;

/**
 * {@code struct gpa_range}: a byte count and offset, then one u64 PFN for every 4 KiB Hyper-V page the range
 * spans.
 *
 * <pre>
 * +0              +4               +8
 * | byte_count u32| byte_offset u32| pfn_array[pages(byte_offset + byte_count)] u64 each
 * </pre>
 *
 * {@code pfns} holds the PFNs that were present in the packet, which may be fewer than {@link #pagesSpanned()}.
 */
public record GpaRange(long byteCount, long byteOffset, List<Long> pfns) {

    public static final int BYTE_COUNT_OFFSET = 0;
    public static final int BYTE_OFFSET_OFFSET = BYTE_COUNT_OFFSET + Integer.BYTES;
    public static final int PFN_ARRAY_OFFSET = BYTE_OFFSET_OFFSET + Integer.BYTES;
    public static final int PFN_SIZE = Long.BYTES;
    /** The Hyper-V page, whatever the guest's page size: the host's part of a ring header is one. */
    public static final int HV_PAGE_SIZE = RingHeader.HOST_PAGE_SIZE;
    public static final long MAX_BYTE_OFFSET = HV_PAGE_SIZE - 1;

    public GpaRange {
        pfns = List.copyOf(pfns);
    }

    /**
     * Parses one range at {@code at}, reading at most {@code limit} bytes: the PFNs that do not fit are left out
     * (and {@link #complete()} is false).
     */
    public static GpaRange parse(ByteSource src, long at, long limit) {
        Bounds.require(src, at, PFN_ARRAY_OFFSET, "GPA range");
        long count = src.u32(at + BYTE_COUNT_OFFSET);
        long offset = src.u32(at + BYTE_OFFSET_OFFSET);
        long fit = Math.max(0, (limit - PFN_ARRAY_OFFSET) / PFN_SIZE);
        long present = Math.min(pagesSpanned(count, offset), fit);
        Bounds.require(src, at, PFN_ARRAY_OFFSET + present * PFN_SIZE, "GPA range PFNs");
        Long[] pfns = new Long[(int) present];
        for (int i = 0; i < present; i++) {
            pfns[i] = src.u64(at + PFN_ARRAY_OFFSET + (long) i * PFN_SIZE);
        }
        return new GpaRange(count, offset, List.of(pfns));
    }

    /** Hyper-V pages covered by {@code byte_offset + byte_count}; u32 inputs, so no overflow in a long. */
    public long pagesSpanned() {
        return pagesSpanned(byteCount, byteOffset);
    }

    public boolean complete() {
        return pfns.size() >= pagesSpanned();
    }

    /** Bytes this range takes in the packet, counting only the PFNs present. */
    public long size() {
        return PFN_ARRAY_OFFSET + (long) pfns.size() * PFN_SIZE;
    }

    /** Hyper-V pages that {@code byte_offset + byte_count} bytes touch. */
    public static long pagesSpanned(long count, long offset) {
        return (offset + count + HV_PAGE_SIZE - 1) / HV_PAGE_SIZE;
    }
}
