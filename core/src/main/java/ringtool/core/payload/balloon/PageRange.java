package ringtool.core.payload.balloon;

import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code union dm_mem_page_range}: one u64 holding {@code start_page} in bits 0-39 (the PFN of the first page;
 * 40 bits is AMD64's limit) and {@code page_cnt} in bits 40-63.
 */
public record PageRange(long startPage, long pageCnt) {

    public static final int SIZE = Long.BYTES;
    private static final int START_PAGE_BITS = 40;

    public static PageRange parse(PayloadView payload, long at) {
        long raw = payload.u64(at);
        return new PageRange(raw & ((1L << START_PAGE_BITS) - 1), raw >>> START_PAGE_BITS);
    }

    public Fields fields() {
        return Fields.builder().number("start_page", startPage).number("page_cnt", pageCnt).build();
    }
}
