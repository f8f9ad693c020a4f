package ringtool.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import ringtool.core.testing.Hex;

class RingWriterTest {

    private static final int DATA = 4096;

    private static byte[] data(byte[] ring, int from, int length) {
        return Arrays.copyOfRange(ring, 4096 + from, 4096 + from + length);
    }

    @Test
    void aPacketThatStraddlesTheEndWrapsToTheStartOfTheDataArea() {
        RingWriter w = new RingWriter(DATA).startAt(DATA - 16).inband(5, (byte) 0xaa, (byte) 0xbb);
        byte[] ring = w.build();
        assertArrayEquals(Hex.parse("""
                06 00 02 00 03 00 00 00  05 00 00 00 00 00 00 00 |descriptor in the last 16 bytes
                """), data(ring, DATA - 16, 16));
        assertArrayEquals(Hex.parse("""
                aa bb 00 00 00 00 00 00                          |payload at data offset 0, padded
                00 00 00 00 f0 0f 00 00                          |trailer: start 0xff0 << 32
                """), data(ring, 0, 16));
        assertEquals(16, w.cursor());
        assertEquals(DATA - 16, w.lastPacket());
        assertArrayEquals(Hex.parse("""
                10 00 00 00 f0 0f 00 00                          |write index 16, read index 0xff0
                """), Arrays.copyOfRange(ring, 0, 8));
    }

    @Test
    void aTrailerGoesWhereTheClaimedLengthEndsAndTheNextPacketAfterIt() {
        RingWriter w = new RingWriter(DATA);
        assertEquals(0, w.trailer(DATA - 24, 16, 0x1122_3344_5566_7788L));
        assertEquals(8, w.trailer(DATA - 16, 16, 0x0102_0304_0506_0708L));
        byte[] ring = w.build();
        assertArrayEquals(Hex.parse("88 77 66 55 44 33 22 11"), data(ring, DATA - 8, 8));
        assertArrayEquals(Hex.parse("08 07 06 05 04 03 02 01"), data(ring, 0, 8));
    }

    @Test
    void theLinuxLayoutPutsThePayloadAfterTheExtendedHeaderAndPadsTo8() {
        byte[] packet = RingWriter.encode(7, 1, 0x99, new byte[16], new byte[] {1, 2, 3});
        assertArrayEquals(Hex.parse("""
                07 00 04 00 05 00 01 00  99 00 00 00 00 00 00 00 |type 7, offset8 4, len8 5, flags 1
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00 |16 bytes of extended header
                01 02 03 00 00 00 00 00                          |payload, zero padding
                """), packet);
        assertEquals(2, RingWriter.offset8(0));
        assertEquals(2, RingWriter.len8(2, 0));
        assertEquals(3, RingWriter.len8(2, 1));
    }

    @Test
    void aPacketBeyondLen8OrAnUnalignedExtendedHeaderIsRefused() {
        assertEquals("a packet of 65536 x 8 bytes does not fit len8", assertThrows(IllegalArgumentException.class,
                () -> RingWriter.encode(6, 0, 0, new byte[0], new byte[0xFFFF * 8 - 8])).getMessage());
        assertEquals("an extended header of 4 bytes", assertThrows(IllegalArgumentException.class,
                () -> RingWriter.encode(7, 0, 0, new byte[4], new byte[0])).getMessage());
    }

    @Test
    void aRingWrittenInPlaceTouchesOnlyItsOwnBytes() {
        byte[] out = new byte[3 * 4096];
        Arrays.fill(out, (byte) 0x5a);
        new RingWriter(out, 4096, 4096, 4096).startAt(0).putU64(DATA - 4, -1L);
        assertEquals(0x5a, out[4095]);
        assertEquals(1, out[4096 + 64], "feature_bits 1, as hv_ringbuffer_init sets it");
        assertArrayEquals(Hex.parse("ff ff ff ff"), Arrays.copyOfRange(out, 2 * 4096, 2 * 4096 + 4));
        assertArrayEquals(Hex.parse("ff ff ff ff"), Arrays.copyOfRange(out, 3 * 4096 - 4, 3 * 4096));
        assertEquals("a ring of 4096 + 4096 bytes at 8192 does not fit 12288 bytes", assertThrows(
                IllegalArgumentException.class, () -> new RingWriter(out, 8192, 4096, 4096)).getMessage());
    }
}
