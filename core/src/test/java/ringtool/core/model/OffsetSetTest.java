package ringtool.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffsetSetTest {

    @Test
    void anOffsetIsNewOnceAndThenSeen() {
        OffsetSet s = new OffsetSet();
        assertTrue(s.add(0));
        assertTrue(s.add(0x1ff8));
        assertFalse(s.add(0));
        assertFalse(s.add(0x1ff8));
        assertEquals(2, s.size());
    }

    @Test
    void keepsEveryOffsetOfALongGhostLoopAcrossGrowth() {
        OffsetSet s = new OffsetSet();
        // A model's reads: multiples of 8 over twice a 1 MiB data area, the worst case for a boxed Long's hash.
        for (long at = 0; at < 2 << 20; at += 8) {
            assertTrue(s.add(at), "first read at " + at);
        }
        for (long at = 0; at < 2 << 20; at += 8) {
            assertFalse(s.add(at), "second read at " + at);
        }
        assertTrue(s.add(0xFFFF_FFF8L));
        assertEquals((2 << 20) / 8 + 1, s.size());
    }

    @Test
    void refusesANegativeOffsetWhichWouldReadAsAnEmptySlot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OffsetSet().add(-1));
        assertEquals("negative offset -1", e.getMessage());
    }
}
