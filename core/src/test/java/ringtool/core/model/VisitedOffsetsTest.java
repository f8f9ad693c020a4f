package ringtool.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A model's visited offsets cost a bit per slot on small rings and a bounded set on large ones. */
class VisitedOffsetsTest {

    private static final long LARGEST_DATA = 4294963200L;

    @Test
    void aSixteenMibRingKeepsABitPerSlotOfTwiceItsDataArea() {
        long data = 16L << 20;
        VisitedOffsets v = new VisitedOffsets(2 * data);
        assertEquals(2 * data / 64 + Long.BYTES, v.bitmapBytes());
        assertTrue(v.add(0));
        assertFalse(v.add(0));
        assertTrue(v.add(2 * data - 8));
        assertTrue(v.add(3), "unaligned: the set");
        assertFalse(v.add(3));
    }

    @Test
    void aFourGibRingKeepsNoBitmapOf128MibButTheSetThatTheStepLimitBounds() {
        VisitedOffsets v = new VisitedOffsets(2 * LARGEST_DATA);
        assertEquals(0, v.bitmapBytes());
        assertTrue(v.add(0));
        assertFalse(v.add(0));
        assertTrue(v.add(2 * LARGEST_DATA - 8));
        assertFalse(v.add(2 * LARGEST_DATA - 8));
    }

    @Test
    void theLargestRingWithABitmapTakesSixteenMib() {
        long data = 512L << 20;
        assertEquals(VisitedOffsets.MAX_BITMAP, new VisitedOffsets(2 * data - 512).bitmapBytes());
        assertEquals(0, new VisitedOffsets(2 * data + 4096).bitmapBytes());
    }
}
