package ringtool.core.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.testing.Hex;
import ringtool.core.walk.RingView;

class PayloadViewTest {

    private static final byte[] TEXT = Hex.parse("""
            4b 00 56 00 50 00 00 00  41 00 42 00 43 00 44 00   |K.V.P...A.B.C.D.|
            """);

    @Test
    void aReadPastThePayloadIsRefusedEvenWhenTheRingHasTheBytes() {
        RingView ring = new RingView(ByteSource.of(new byte[4096]), 0, 4096);
        PayloadView p = PayloadView.of(ring, 100, 12, 0x1000);
        assertTrue(p.has(8, 4));
        assertFalse(p.has(9, 4));
        assertFalse(p.has(-1, 1));
        assertFalse(p.has(4, Long.MAX_VALUE));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> p.u32(9));
        assertEquals("read of 4 bytes at 9 in a payload of 12 bytes", e.getMessage());
    }

    @Test
    void offsetsOfAPayloadThatWrapsPointIntoTheRingAndTheFile() {
        byte[] data = new byte[4096];
        data[4095] = 0x34;
        data[0] = 0x12;
        PayloadView p = PayloadView.of(new RingView(ByteSource.of(data), 0, 4096), 4095, 8, 0x1000);
        assertEquals(0x1234, p.u16(0));
        assertEquals(4095, p.dataOffset(0));
        assertEquals(0, p.dataOffset(1));
        assertEquals(0x1000 + 3, p.fileOffset(4));
    }

    @Test
    void utf16StopsAtTheTerminatorInsideTheDeclaredSize() {
        PayloadView p = PayloadView.of(ByteSource.of(TEXT));
        assertEquals(new PayloadView.Utf16("KVP", true, 6), p.utf16(0, 16));
        assertEquals(new PayloadView.Utf16("ABCD", false, 8), p.utf16(8, 8));
        assertEquals(new PayloadView.Utf16("AB", false, 4), p.utf16(8, 5));
    }

    @Test
    void aSliceReadsOnlyItsOwnBytes() {
        PayloadView slice = PayloadView.of(ByteSource.of(TEXT)).slice(8, 4);
        assertEquals(0x41, slice.u8(0));
        assertEquals(4, slice.length());
        assertEquals(8, slice.dataOffset(0));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.u8(4));
    }
}
