package ringtool.core.payload.balloon;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.PayloadView;

/**
 * A {@code range_array[]} of {@link PageRange}s after a message's fixed part: as many entries as
 * {@code range_count} says and the payload holds, never more.
 */
record PageRanges(List<FieldValue> items, long pages) {

    /**
     * @param countOffset where range_count lies, for the finding
     */
    static PageRanges decode(DecodeContext ctx, DmHeader h, String message, int arrayOffset, long rangeCount,
                             int countOffset) {
        PayloadView p = ctx.payload();
        long room = Math.min(h.size(), p.length()) - arrayOffset;
        long fits = Math.max(0, room) / PageRange.SIZE;
        if (rangeCount > fits) {
            ctx.mismatch(BalloonRules.BALLOON_RANGE_COUNT_BEYOND_SIZE, message + " range_count",
                    "at most " + fits + " (" + Math.max(0, room) + " bytes after the fixed part)",
                    Long.toString(rangeCount), countOffset, Integer.BYTES);
        }
        long present = Math.min(rangeCount, p.remaining(arrayOffset) / PageRange.SIZE);
        List<FieldValue> items = new ArrayList<>((int) present);
        long pages = 0;
        for (long i = 0; i < present; i++) {
            PageRange r = PageRange.parse(p, arrayOffset + i * PageRange.SIZE);
            items.add(r.fields());
            pages += r.pageCnt();
        }
        return new PageRanges(items, pages);
    }

    /** {@code 32 ranges, 16384 pages} */
    String summary() {
        return items.size() + (items.size() == 1 ? " range, " : " ranges, ") + pages + (pages == 1 ? " page" : " pages");
    }
}
