package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.MessageDecoder;

/**
 * {@code struct dm_capabilities} (guest); the host's {@code dm_capabilities_resp_msg} has the layout of the
 * version response.
 * <pre>
 *   0  dm_header hdr
 *   8  u64 caps: balloon:1, hot_add:1, hot_add_alignment:4 (2^n MiB), reservedz:58   (union dm_caps)
 *  16  u64 min_page_cnt
 *  24  u64 max_page_number
 *  32
 * </pre>
 */
final class CapabilitiesMessages {

    static final int CAPS_OFFSET = DmHeader.SIZE;
    static final int MIN_PAGE_CNT_OFFSET = CAPS_OFFSET + Long.BYTES;
    static final int MAX_PAGE_NUMBER_OFFSET = MIN_PAGE_CNT_OFFSET + Long.BYTES;
    static final int REPORT_SIZE = MAX_PAGE_NUMBER_OFFSET + Long.BYTES;

    private static final int ALIGNMENT_SHIFT = 2;
    private static final int ALIGNMENT_MASK = 0xF;
    private static final int RESERVED_SHIFT = 6;

    private CapabilitiesMessages() {
    }

    static final MessageDecoder<DmHeader> REPORT = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, REPORT_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        String info = Sizes.info(message, h);
        if (ctx.payload().has(CAPS_OFFSET, Long.BYTES)) {
            long caps = ctx.payload().u64(CAPS_OFFSET);
            long balloon = caps & 1;
            long hotAdd = (caps >>> 1) & 1;
            long alignment = (caps >>> ALIGNMENT_SHIFT) & ALIGNMENT_MASK;
            r.add("caps", new FieldReader(ctx.payload()).number("balloon", balloon).number("hot_add", hotAdd)
                    .number("hot_add_alignment", alignment).number("reservedz", caps >>> RESERVED_SHIFT).build());
            info += ": balloon " + balloon + ", hot_add " + hotAdd + ", hot_add_alignment " + alignment;
        }
        r.u64("min_page_cnt", MIN_PAGE_CNT_OFFSET);
        r.u64("max_page_number", MAX_PAGE_NUMBER_OFFSET);
        return ctx.decoded(message, info, r.build());
    };
}
