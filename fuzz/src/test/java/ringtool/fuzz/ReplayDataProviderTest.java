package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.model.ReaderModel;

/** libFuzzer's decoding, which the layout seeds rely on: integers from the back, bytes from the front. */
class ReplayDataProviderTest {

    @Test
    void integersComeFromTheEndReducedModuloTheRange() {
        ReplayDataProvider p = new ReplayDataProvider(new byte[] {(byte) 0xAA, 0x01, 0x02, 0x07});
        assertEquals(3, p.consumeInt(0, 3));          // 0x07 % 4
        assertEquals(0x0201 % 1001 + 10, p.consumeInt(10, 1010)); // two bytes: 0x02 then 0x01 shifted in
        assertArrayEquals(new byte[] {(byte) 0xAA}, p.consumeBytes(5));
        assertEquals(0, p.remainingBytes());
    }

    @Test
    void exhaustedStreamYieldsMinimumsAndFalse() {
        ReplayDataProvider p = new ReplayDataProvider(new byte[0]);
        assertEquals(1, p.consumeInt(1, 3));
        assertFalse(p.consumeBoolean());
        assertEquals(0, p.consumeBytes(4).length);
    }

    @Test
    void booleanIsTheLowBitOfOneByte() {
        assertTrue(new ReplayDataProvider(new byte[] {0x03}).consumeBoolean());
        assertFalse(new ReplayDataProvider(new byte[] {0x02}).consumeBoolean());
    }

    @Test
    void emptyStreamBuildsAnEmptyValidSingleRing() {
        RingPlan plan = RingPlan.from(new ReplayDataProvider(new byte[0]));
        assertEquals("single", plan.layout().id());
        assertEquals(8192, plan.bytes().length);
        assertEquals(null, plan.readIndex());
        assertEquals(List.of(), plan.models());
        assertFalse(plan.history());
    }

    @Test
    void emptyStreamForTheReadersTargetRunsLinux514AloneWithItsDefaultBuffer() {
        RingPlan plan = RingPlan.withReaders(new ReplayDataProvider(new byte[0]));
        assertEquals(8192, plan.bytes().length);
        assertEquals(List.of("linux-5.14"), plan.models().stream().map(ReaderModel::name).toList());
        assertEquals(4096L, plan.models().get(0).pktBufferSize());
        assertFalse(plan.history());
    }
}
