package ringtool.core.payload.balloon;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct dm_info_msg} (host, protocol 1.0 and later): an information blob, whose only known type carries
 * the maximum number of pages the guest may have.
 * <pre>
 *   0  dm_header hdr
 *   8  u32 reserved
 *  12  u32 info_size                bytes of info[]
 *  16  u8  info[info_size]:  0  u32 type        (struct dm_info_header; INFO_TYPE_MAX_PAGE_CNT = 0)
 *                            4  u32 data_size
 *                            8  data: u64 max_page_count for INFO_TYPE_MAX_PAGE_CNT
 * </pre>
 */
final class InfoMessage {

    static final int RESERVED_OFFSET = DmHeader.SIZE;
    static final int INFO_SIZE_OFFSET = RESERVED_OFFSET + Integer.BYTES;
    static final int INFO_OFFSET = INFO_SIZE_OFFSET + Integer.BYTES;
    static final int SIZE = INFO_OFFSET;

    static final int INFO_TYPE_OFFSET = 0;
    static final int INFO_DATA_SIZE_OFFSET = INFO_TYPE_OFFSET + Integer.BYTES;
    static final int INFO_DATA_OFFSET = INFO_DATA_SIZE_OFFSET + Integer.BYTES;
    static final int INFO_HEADER_SIZE = INFO_DATA_OFFSET;

    static final long INFO_TYPE_MAX_PAGE_CNT = 0;

    private InfoMessage() {
    }

    static final MessageDecoder<DmHeader> DECODER = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, SIZE);
        PayloadView p = ctx.payload();
        FieldReader r = new FieldReader(p);
        r.add("hdr", h.fields());
        r.u32("reserved", RESERVED_OFFSET);
        long infoSize = r.u32("info_size", INFO_SIZE_OFFSET);
        String info = Sizes.info(message, h);
        if (!p.has(INFO_SIZE_OFFSET, Integer.BYTES)) {
            return ctx.decoded(message, info, r.build());
        }
        long room = Math.max(0, Math.min(h.size(), p.length()) - INFO_OFFSET);
        if (infoSize > room) {
            ctx.mismatch(BalloonRules.BALLOON_INFO_SIZE_BEYOND_MESSAGE, message + " info_size",
                    "at most " + room, Long.toString(infoSize), INFO_SIZE_OFFSET, Integer.BYTES);
        }
        // process_info() reads the dm_info_header whatever info_size says: decode what the payload holds.
        if (!p.has(INFO_OFFSET, INFO_HEADER_SIZE)) {
            return ctx.decoded(message, info, r.build());
        }
        PayloadView blob = p.slice(INFO_OFFSET, p.remaining(INFO_OFFSET));
        FieldReader ir = new FieldReader(blob);
        long type = ir.u32("type", INFO_TYPE_OFFSET);
        long dataSize = ir.u32("data_size", INFO_DATA_SIZE_OFFSET);
        if (type != INFO_TYPE_MAX_PAGE_CNT) {
            ctx.report(BalloonRules.BALLOON_INFO_TYPE_UNKNOWN, message + " information type " + type
                    + " is not INFO_TYPE_MAX_PAGE_CNT (0)", blob, INFO_TYPE_OFFSET, Integer.BYTES);
            info += ": information type " + type;
        } else if (dataSize != Long.BYTES) {
            ctx.mismatch(BalloonRules.BALLOON_INFO_DATA_SIZE_INVALID, "INFO_TYPE_MAX_PAGE_CNT data_size", "8",
                    Long.toString(dataSize), blob, INFO_DATA_SIZE_OFFSET, Integer.BYTES);
            info += ": INFO_TYPE_MAX_PAGE_CNT with data_size " + dataSize;
        } else if (blob.has(INFO_DATA_OFFSET, Long.BYTES)) {
            long max = ir.u64("max_page_count", INFO_DATA_OFFSET);
            if (INFO_DATA_OFFSET + Long.BYTES > room) {
                ctx.mismatch(BalloonRules.BALLOON_INFO_SIZE_BEYOND_MESSAGE, "INFO_TYPE_MAX_PAGE_CNT data",
                        "within the message's " + room + " bytes of info", (INFO_DATA_OFFSET + Long.BYTES)
                                + " bytes", blob, INFO_DATA_SIZE_OFFSET, Integer.BYTES);
            }
            info += ": max_page_count " + Long.toUnsignedString(max);
        } else {
            ctx.mismatch(BalloonRules.BALLOON_INFO_SIZE_BEYOND_MESSAGE, "INFO_TYPE_MAX_PAGE_CNT data",
                    "8 bytes in the packet", blob.remaining(INFO_DATA_OFFSET) + " bytes", blob,
                    INFO_DATA_SIZE_OFFSET, Integer.BYTES);
        }
        r.add("info", ir.build());
        return ctx.decoded(message, info, r.build());
    };
}
