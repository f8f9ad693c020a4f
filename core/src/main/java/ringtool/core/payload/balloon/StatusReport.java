package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.MessageDecoder;

/**
 * {@code struct dm_status}: the guest's memory pressure, about once a second; no response.
 * <pre>
 *   0  dm_header hdr
 *   8  u64 num_avail         available memory, pages
 *  16  u64 num_committed     committed memory, pages (the only one the host uses)
 *  24  u64 page_file_size
 *  32  u64 zero_free
 *  40  u32 page_file_writes
 *  44  u32 io_diff
 *  48
 * </pre>
 */
final class StatusReport {

    static final int NUM_AVAIL_OFFSET = DmHeader.SIZE;
    static final int NUM_COMMITTED_OFFSET = NUM_AVAIL_OFFSET + Long.BYTES;
    static final int PAGE_FILE_SIZE_OFFSET = NUM_COMMITTED_OFFSET + Long.BYTES;
    static final int ZERO_FREE_OFFSET = PAGE_FILE_SIZE_OFFSET + Long.BYTES;
    static final int PAGE_FILE_WRITES_OFFSET = ZERO_FREE_OFFSET + Long.BYTES;
    static final int IO_DIFF_OFFSET = PAGE_FILE_WRITES_OFFSET + Integer.BYTES;
    static final int SIZE = IO_DIFF_OFFSET + Integer.BYTES;

    private StatusReport() {
    }

    static final MessageDecoder<DmHeader> DECODER = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        long avail = r.u64("num_avail", NUM_AVAIL_OFFSET);
        long committed = r.u64("num_committed", NUM_COMMITTED_OFFSET);
        r.u64("page_file_size", PAGE_FILE_SIZE_OFFSET);
        r.u64("zero_free", ZERO_FREE_OFFSET);
        r.u32("page_file_writes", PAGE_FILE_WRITES_OFFSET);
        r.u32("io_diff", IO_DIFF_OFFSET);
        String info = Sizes.info(message, h);
        if (ctx.payload().has(NUM_COMMITTED_OFFSET, Long.BYTES)) {
            info += ": num_avail " + Long.toUnsignedString(avail) + ", num_committed "
                    + Long.toUnsignedString(committed);
        }
        return ctx.decoded(message, info, r.build());
    };
}
