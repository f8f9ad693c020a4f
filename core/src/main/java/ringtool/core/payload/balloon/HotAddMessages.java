package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.MessageDecoder;

/**
 * Hot add: the host's {@code struct dm_hot_add} names a page range to add, optionally followed by the region to
 * add it in; the guest's {@code struct dm_hot_add_response} says how many pages it added.
 * <pre>
 * dm_hot_add                                dm_hot_add_response
 *   0  dm_header hdr                          0  dm_header hdr
 *   8  dm_mem_page_range range                8  u32 page_count
 *  16  dm_mem_page_range region (size 24)    12  u32 result   (1 success, 0 failure)
 *  16 or 24                                  16
 * </pre>
 */
final class HotAddMessages {

    static final int RANGE_OFFSET = DmHeader.SIZE;
    static final int REQUEST_SIZE = RANGE_OFFSET + PageRange.SIZE;
    static final int REGION_OFFSET = REQUEST_SIZE;
    static final int REQUEST_WITH_REGION_SIZE = REGION_OFFSET + PageRange.SIZE;

    static final int PAGE_COUNT_OFFSET = DmHeader.SIZE;
    static final int RESULT_OFFSET = PAGE_COUNT_OFFSET + Integer.BYTES;
    static final int RESPONSE_SIZE = RESULT_OFFSET + Integer.BYTES;

    private HotAddMessages() {
    }

    static final MessageDecoder<DmHeader> REQUEST = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, REQUEST_SIZE);
        if (h.size() != REQUEST_SIZE && h.size() != REQUEST_WITH_REGION_SIZE && h.size() >= REQUEST_SIZE) {
            ctx.mismatch(BalloonRules.BALLOON_HOT_ADD_SIZE_INVALID, message + " dm_header.size",
                    REQUEST_SIZE + " or " + REQUEST_WITH_REGION_SIZE, Integer.toString(h.size()),
                    DmHeader.SIZE_OFFSET, Short.BYTES);
        }
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        StringBuilder info = new StringBuilder(Sizes.info(message, h));
        if (ctx.payload().has(RANGE_OFFSET, PageRange.SIZE)) {
            PageRange range = PageRange.parse(ctx.payload(), RANGE_OFFSET);
            r.add("range", range.fields());
            info.append(": start_page ").append(range.startPage()).append(", page_cnt ").append(range.pageCnt());
        }
        // hv_balloon reads a region whenever the size is not that of a bare request.
        if (h.size() != REQUEST_SIZE && ctx.payload().has(REGION_OFFSET, PageRange.SIZE)) {
            PageRange region = PageRange.parse(ctx.payload(), REGION_OFFSET);
            r.add("region", region.fields());
            info.append("; region start_page ").append(region.startPage()).append(", page_cnt ")
                    .append(region.pageCnt());
        }
        return ctx.decoded(message, info.toString(), r.build());
    };

    static final MessageDecoder<DmHeader> RESPONSE = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, RESPONSE_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        long pages = r.u32("page_count", PAGE_COUNT_OFFSET);
        long result = r.u32("result", RESULT_OFFSET);
        String info = Sizes.info(message, h);
        if (r.complete()) {
            info += ": page_count " + pages + ", result " + result;
        }
        return ctx.decoded(message, info, r.build());
    };
}
