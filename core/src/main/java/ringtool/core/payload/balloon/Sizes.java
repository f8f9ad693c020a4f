package ringtool.core.payload.balloon;

import ringtool.core.payload.DecodeContext;

/** The checks every Dynamic Memory message shares, and the start of its info line. */
final class Sizes {

    private Sizes() {
    }

    /** Raises {@code balloon.size.too_small} when {@code hdr.size} is below the message's fixed part. */
    static void atLeast(DecodeContext ctx, DmHeader h, String message, int fixed) {
        if (h.size() < fixed) {
            ctx.mismatch(BalloonRules.BALLOON_SIZE_TOO_SMALL, message + " dm_header.size",
                    "at least " + fixed, Integer.toString(h.size()), DmHeader.SIZE_OFFSET, Short.BYTES);
        }
    }

    /** {@code DM_STATUS_REPORT trans 3} */
    static String info(String message, DmHeader h) {
        return message + " trans " + h.transId();
    }
}
