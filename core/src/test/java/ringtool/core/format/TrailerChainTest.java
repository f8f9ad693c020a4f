package ringtool.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.testing.Hex;

/** The walk back through trailers that history, carve evidence and synth's describer share: each way it ends. */
class TrailerChainTest {

    /** A 64-byte data area: two packets whose trailers name their starts, then 8 free bytes. */
    private static final String TWO_PACKETS = """
            06 00 02 00 03 00 00 00  01 00 00 00 00 00 00 00   |................|  0x00 inband, len8 3
            41 42 43 00 00 00 00 00  00 00 00 00 00 00 00 00   |ABC.............|  payload; trailer: start 0
            06 00 02 00 02 00 00 00  02 00 00 00 00 00 00 00   |................|  0x20 inband, len8 2
            00 00 00 00 20 00 00 00  00 00 00 00 00 00 00 00   |.... ...........|  trailer: start 0x20; free
            """;

    private static TrailerChain chain(byte[] data, long budget) {
        return new TrailerChain(ByteSource.of(data), data.length, 0x38, budget);
    }

    @Test
    void followsTheTrailersBackUntilTheBudgetIsAccountedFor() {
        TrailerChain c = chain(Hex.parse(TWO_PACKETS), 64);
        assertTrue(c.back());
        assertEquals(0x20, c.cursor());
        assertEquals(24, c.span());
        assertEquals(2, c.descriptor().transactionId());
        assertTrue(c.back());
        assertEquals(0, c.cursor());
        assertEquals(3, c.descriptor().payloadLength(ByteSource.of(Hex.parse(TWO_PACKETS)), 0));
        assertFalse(c.back());
        assertEquals(TrailerChain.Stop.ACCOUNTED_FOR, c.stop());
        assertEquals(0, c.cursor());
    }

    @Test
    void aPacketLargerThanTheBytesLeftWouldOverlapLiveData() {
        TrailerChain c = chain(Hex.parse(TWO_PACKETS), 50);
        assertTrue(c.back());
        assertFalse(c.back());
        assertEquals(TrailerChain.Stop.OVERLAP, c.stop());
        assertEquals(32, c.span());
        assertEquals(0x20, c.cursor());
    }

    @Test
    void aDescriptorNoWriterSendsEndsTheChain() {
        byte[] data = Hex.parse(TWO_PACKETS);
        data[0] = 0x20;
        TrailerChain c = chain(data, 64);
        assertTrue(c.back());
        assertFalse(c.back());
        assertEquals(TrailerChain.Stop.IMPLAUSIBLE, c.stop());
        assertEquals("type 0x20 is not a packet type", c.descriptor().implausibility());
    }

    @Test
    void aTrailerWithItsLowHalfSetIsNoTrailer() {
        byte[] data = Hex.parse(TWO_PACKETS);
        data[0x30] = 1;
        TrailerChain c = chain(data, 64);
        assertFalse(c.back());
        assertEquals(TrailerChain.Stop.NOT_A_TRAILER, c.stop());
        assertEquals(0x30, c.trailerAt());
        assertEquals(0x38, c.cursor());
    }

    @Test
    void aLen8ThatDoesNotEndAtTheTrailerIsAMismatch() {
        byte[] data = Hex.parse(TWO_PACKETS);
        data[0x24] = 3;
        TrailerChain c = chain(data, 64);
        assertFalse(c.back());
        assertEquals(TrailerChain.Stop.LENGTH_MISMATCH, c.stop());
    }
}
