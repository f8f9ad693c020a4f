package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.model.ReaderModel;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/** Jazzer's decoding, which the targets and the seeds rely on: integers from the back, bytes from the front. */
class PlainDataProviderTest {

    @Test
    void integersComeFromTheEndKeptInRangeElseReducedModuloTheRange() {
        PlainDataProvider p = new PlainDataProvider(new byte[] {(byte) 0xAA, 0x03, 0x04, 0x01, 0x02, 0x07});
        assertEquals(3, p.consumeInt(0, 3));                     // 0x07 % 4
        assertEquals(0x0201, p.consumeInt(10, 1010));            // 0x02, then 0x01 shifted in: in range, kept
        assertEquals(4, p.consumeInt(-5, 5));                    // one byte for 11 values: 0x04, in range
        assertArrayEquals(new byte[] {(byte) 0xAA, 0x03}, p.consumeBytes(5));
        assertEquals(0, p.remainingBytes());
        assertEquals(255 % 11 - 5, new PlainDataProvider(new byte[] {(byte) 0xFF}).consumeInt(-5, 5));
    }

    @Test
    void wholeRangeIntegersAreTheBytesThemselves() {
        PlainDataProvider p = new PlainDataProvider(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, (byte) 0x88});
        assertEquals(0x8807_0605_0403_0201L, p.consumeLong());
        assertEquals(-1, p.consumeInt());
        assertEquals(0, p.consumeLong());
        assertEquals(0, p.consumeInt());
    }

    @Test
    void exhaustedStreamYieldsZeroOrTheMinimumAndFalse() {
        PlainDataProvider p = new PlainDataProvider(new byte[0]);
        assertEquals(1, p.consumeInt(1, 3));
        assertEquals(0, p.consumeInt(-3, 3));
        assertFalse(p.consumeBoolean());
        assertEquals(0, p.consumeBytes(4).length);
    }

    @Test
    void badArgumentsThrowAsJazzersDo() {
        PlainDataProvider p = new PlainDataProvider(new byte[] {1, 2, 3});
        assertEquals("min must be <= max (got min: 3, max: 1)",
                assertThrows(IllegalArgumentException.class, () -> p.consumeInt(3, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.consumeBytes(-1));
        assertEquals(3, p.remainingBytes());
    }

    @Test
    void booleanIsTheLowBitOfOneByte() {
        assertTrue(new PlainDataProvider(new byte[] {0x03}).consumeBoolean());
        assertFalse(new PlainDataProvider(new byte[] {0x02}).consumeBoolean());
    }

    @Test
    void emptyStreamBuildsAnEmptyValidSingleRingWrittenAsText() {
        RingPlan plan = RingPlan.from(new PlainDataProvider(new byte[0]));
        assertEquals("single", plan.layout().id());
        assertEquals(8192, plan.bytes().length);
        assertEquals(null, plan.readIndex());
        assertEquals(Format.TEXT, plan.format());
        assertEquals(TextOptions.DEFAULT, plan.text());
        assertEquals(List.of(), plan.models());
        assertFalse(plan.history());
    }

    @Test
    void emptyStreamForTheReadersTargetRunsLinux514AloneWithItsDefaultBuffer() {
        RingPlan plan = RingPlan.withReaders(new PlainDataProvider(new byte[0]));
        assertEquals(8192, plan.bytes().length);
        assertEquals(List.of("linux-5.14"), plan.models().stream().map(ReaderModel::name).toList());
        assertEquals(4096L, plan.models().get(0).pktBufferSize());
        assertFalse(plan.history());
    }
}
