package ringtool.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.testing.Hex;

/** The descriptor rules every path asks of {@link PacketDescriptor}: one definition, pinned here. */
class PacketDescriptorTest {

    private static PacketDescriptor descriptor(int type, int offset8, int len8, int flags) {
        return new PacketDescriptor(type, offset8, len8, flags, 0);
    }

    @Test
    void typesSevenAndNineNeedRoomForTheirExtendedHeader() {
        assertEquals(2, descriptor(PacketType.DATA_INBAND, 2, 2, 0).minOffset8());
        assertEquals(2, descriptor(PacketType.COMP, 2, 2, 0).minOffset8());
        assertEquals(3, descriptor(PacketType.DATA_USING_XFER_PAGES, 3, 3, 0).minOffset8());
        assertEquals(3, descriptor(PacketType.DATA_USING_GPA_DIRECT, 3, 3, 0).minOffset8());
    }

    @Test
    void plausibleMeansKnownTypeAndFlagsAndLengthsThatHoldThePayload() {
        assertTrue(descriptor(6, 2, 2, 1).plausible());
        assertNull(descriptor(6, 2, 2, 1).implausibility());
        assertEquals("type 0x0 is not a packet type", descriptor(0, 2, 2, 0).implausibility());
        assertEquals("type 0xe is not a packet type", descriptor(0xe, 2, 2, 0).implausibility());
        assertEquals("flags 0x2 are not plausible", descriptor(6, 2, 2, 2).implausibility());
        assertEquals("offset8 2 does not lie in [3, len8 4]", descriptor(7, 2, 4, 0).implausibility());
        assertEquals("offset8 5 does not lie in [2, len8 4]", descriptor(6, 5, 4, 0).implausibility());
        assertFalse(descriptor(6, 1, 1, 0).lengthsValid());
    }

    @Test
    void payloadLengthLeavesOutAtMostSevenTrailingZeroBytes() {
        // inband, offset8 2, len8 4: 16 payload bytes, the last 8 of them "05 00 .. 00".
        ByteSource packet = ByteSource.of(Hex.parse("""
                06 00 02 00 04 00 00 00  00 00 00 00 00 00 00 00   |................|
                01 02 03 04 05 06 07 08  05 00 00 00 00 00 00 00   |................|
                """));
        PacketDescriptor d = PacketDescriptor.parse(packet, 0);
        assertEquals(16, d.paddedPayloadLength());
        assertEquals(9, d.payloadLength(packet, 0));
        ByteSource zeros = ByteSource.of(Hex.parse("""
                06 00 02 00 04 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """));
        assertEquals(9, PacketDescriptor.parse(zeros, 0).payloadLength(zeros, 0));
        ByteSource bare = ByteSource.of(Hex.parse("06 00 02 00 02 00 00 00  00 00 00 00 00 00 00 00 |................|"));
        assertEquals(0, PacketDescriptor.parse(bare, 0).payloadLength(bare, 0));
    }

    @Test
    void aTrailerRecordsThePacketStartInItsHighHalf() {
        assertEquals(0x0000_1f00_0000_0000L, PacketDescriptor.expectedTrailer(0x1f00));
        assertEquals(0x1f00, PacketDescriptor.trailerStart(0x0000_1f00_0000_0000L));
        assertTrue(PacketDescriptor.trailerShaped(0));
        assertFalse(PacketDescriptor.trailerShaped(0x0000_1f00_0000_0001L));
    }
}
