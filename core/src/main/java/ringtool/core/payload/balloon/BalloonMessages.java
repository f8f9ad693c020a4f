package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;

/**
 * Balloon up: the host's {@code struct dm_balloon} asks for pages, the guest answers with one or more
 * {@code struct dm_balloon_response} listing the pages it gave up.
 * <pre>
 * dm_balloon                 dm_balloon_response
 *   0  dm_header hdr           0  dm_header hdr
 *   8  u32 num_pages           8  u32 reservedz
 *  12  u32 reservedz          12  u32 more_pages:1, range_count:31
 *  16                         16  dm_mem_page_range range_array[range_count]
 * </pre>
 */
final class BalloonMessages {

    static final int NUM_PAGES_OFFSET = DmHeader.SIZE;
    static final int REQUEST_RESERVED_OFFSET = NUM_PAGES_OFFSET + Integer.BYTES;
    static final int REQUEST_SIZE = REQUEST_RESERVED_OFFSET + Integer.BYTES;

    static final int RESPONSE_RESERVED_OFFSET = DmHeader.SIZE;
    static final int MORE_PAGES_OFFSET = RESPONSE_RESERVED_OFFSET + Integer.BYTES;
    static final int RANGE_ARRAY_OFFSET = MORE_PAGES_OFFSET + Integer.BYTES;
    static final int RESPONSE_SIZE = RANGE_ARRAY_OFFSET;

    private BalloonMessages() {
    }

    static final MessageDecoder<DmHeader> REQUEST = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, REQUEST_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        long pages = r.u32("num_pages", NUM_PAGES_OFFSET);
        r.u32("reservedz", REQUEST_RESERVED_OFFSET);
        String info = Sizes.info(message, h);
        if (ctx.payload().has(NUM_PAGES_OFFSET, Integer.BYTES)) {
            info += ": num_pages " + pages;
        }
        return ctx.decoded(message, info, r.build());
    };

    static final MessageDecoder<DmHeader> RESPONSE = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, RESPONSE_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        r.u32("reservedz", RESPONSE_RESERVED_OFFSET);
        if (!ctx.payload().has(MORE_PAGES_OFFSET, Integer.BYTES)) {
            return ctx.decoded(message, Sizes.info(message, h), r.build());
        }
        long bits = ctx.payload().u32(MORE_PAGES_OFFSET);
        long morePages = bits & 1;
        long rangeCount = bits >>> 1;
        r.number("more_pages", morePages).number("range_count", rangeCount);
        PageRanges ranges = PageRanges.decode(ctx, h, message, RANGE_ARRAY_OFFSET, rangeCount, MORE_PAGES_OFFSET);
        r.add("range_array", new FieldValue.Items(ranges.items()));
        return ctx.decoded(message, Sizes.info(message, h) + ": " + ranges.summary() + ", more_pages " + morePages,
                r.build());
    };
}
