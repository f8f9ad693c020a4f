package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;

/**
 * Balloon down: the host's {@code struct dm_unballoon_request} gives pages back, in one or more messages; the guest
 * answers the last with a bare {@code struct dm_unballoon_response} (the header alone).
 * <pre>
 * dm_unballoon_request
 *   0  dm_header hdr
 *   8  u32 more_pages:1, reservedz:31
 *  12  u32 range_count
 *  16  dm_mem_page_range range_array[range_count]
 * </pre>
 */
final class UnballoonMessages {

    static final int MORE_PAGES_OFFSET = DmHeader.SIZE;
    static final int RANGE_COUNT_OFFSET = MORE_PAGES_OFFSET + Integer.BYTES;
    static final int RANGE_ARRAY_OFFSET = RANGE_COUNT_OFFSET + Integer.BYTES;
    static final int REQUEST_SIZE = RANGE_ARRAY_OFFSET;
    static final int RESPONSE_SIZE = DmHeader.SIZE;

    private UnballoonMessages() {
    }

    static final MessageDecoder<DmHeader> REQUEST = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, REQUEST_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        if (!ctx.payload().has(MORE_PAGES_OFFSET, Integer.BYTES * 2)) {
            return ctx.decoded(message, Sizes.info(message, h), r.build());
        }
        long bits = ctx.payload().u32(MORE_PAGES_OFFSET);
        long morePages = bits & 1;
        r.number("more_pages", morePages).number("reservedz", bits >>> 1);
        long rangeCount = r.u32("range_count", RANGE_COUNT_OFFSET);
        PageRanges ranges = PageRanges.decode(ctx, h, message, RANGE_ARRAY_OFFSET, rangeCount, RANGE_COUNT_OFFSET);
        r.add("range_array", new FieldValue.Items(ranges.items()));
        return ctx.decoded(message, Sizes.info(message, h) + ": " + ranges.summary() + ", more_pages " + morePages,
                r.build());
    };

    static final MessageDecoder<DmHeader> RESPONSE = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, RESPONSE_SIZE);
        return ctx.decoded(message, Sizes.info(message, h),
                new FieldReader(ctx.payload()).add("hdr", h.fields()).build());
    };
}
