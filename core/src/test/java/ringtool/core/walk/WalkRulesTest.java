package ringtool.core.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.rules.Severity;
import ringtool.core.testing.Hex;
import ringtool.core.synth.RingWriter;

/** One test per walk rule, on the smallest ring that triggers it, and the valid edge cases beside them. */
class WalkRulesTest {

    private static final int DATA = 0x1000;
    private static final long DATA_FILE = 0x1000;

    /** A header with feature bits 1 and the given indices, then the data area given as hex. */
    private static byte[] ring(long write, long read, String dataHex) {
        byte[] data = Hex.parse(dataHex);
        ByteBuffer b = ByteBuffer.allocate(4096 + DATA).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, (int) write).putInt(4, (int) read).putInt(0x40, 1);
        b.put(4096, data);
        return b.array();
    }

    @Test
    void wellFormedInbandPacketFromHexHasNoFinding() {
        RingReport r = Rings.single(ring(0x20, 0, """
                06 00 02 00 03 00 00 00  07 00 00 00 00 00 00 00   |................|
                68 65 6c 6c 6f 00 00 00  00 00 00 00 00 00 00 00   |hello...........|
                """));
        assertEquals(List.of(), Rings.ruleIds(r));
        Packet p = r.packetList().get(0);
        assertEquals(6, p.descriptor().type());
        assertEquals(7, p.descriptor().transactionId());
        assertEquals(16, p.payloadOffset());
        assertEquals(5, p.payloadLength());
        assertEquals(8, p.paddedPayloadLength());
        assertFalse(p.wraps());
    }

    @Test
    void fewerThan24BytesToTheWriteIndexIsAvailableTooSmall() {
        Finding f = Rings.only(Rings.single(ring(0x10, 0, """
                06 00 02 00 02 00 00 00  01 00 00 00 00 00 00 00   |................|
                """)));
        assertEquals(Rules.RING_AVAILABLE_TOO_SMALL, f.rule());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("bytes from the cursor 0x0 to the write index 0x10: expected 0 or at least 24, got 16",
                f.message());
        assertEquals(0L, f.offset());
        assertEquals(DATA_FILE, f.fileOffset());
        assertEquals(0L, f.packet());
    }

    @Test
    void len8BelowTwoEndsTheWalk() {
        RingReport r = Rings.single(ring(0x50, 0, """
                06 00 02 00 01 00 00 00  01 00 00 00 00 00 00 00   |................|
                """));
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_LEN8_TOO_SMALL, f.rule());
        assertEquals("len8 of the packet at 0x0: expected >= 2, got 1", f.message());
        assertEquals(0L, f.packet());
        assertEquals(16L, f.length());
        assertEquals(0, r.summary().packets());
    }

    @Test
    void packetAndTrailerBeyondTheWriteIndexExceedAvailable() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).inband(1, new byte[16]).writeIndex(32).build()));
        assertEquals(Rules.PKT_LEN8_EXCEEDS_AVAILABLE, f.rule());
        assertEquals("len8 of the packet at 0x0: expected len8 * 8 + 8 <= 32 (the bytes left to the write index),"
                + " got 4 (40 bytes with the trailer)", f.message());
    }

    @Test
    void packetThatFillsTheAvailableBytesWithoutRoomForItsTrailerExceedsAvailable() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).inband(1, new byte[16]).writeIndex(40 - 8).build()));
        assertEquals(Rules.PKT_LEN8_EXCEEDS_AVAILABLE, f.rule());
    }

    @Test
    void offset8InsideTheDescriptorIsTooSmall() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).inband(1, new byte[8]).putU16(2, 1).build()));
        assertEquals(Rules.PKT_OFFSET8_TOO_SMALL, f.rule());
        assertEquals("offset8 of the packet at 0x0: expected >= 2, got 1", f.message());
    }

    @Test
    void transferPagePacketNeedsOffset8OfThree() {
        byte[] ext = new byte[8];
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).packet(7, 0, 1, ext, new byte[8]).putU16(2, 2)
                .build()));
        assertEquals(Rules.PKT_OFFSET8_TOO_SMALL, f.rule());
        assertEquals("offset8 of the packet at 0x0: expected >= 3 (type 7 carries an 8-byte extended header), got 2",
                f.message());
    }

    @Test
    void offset8BeyondLen8EndsTheWalk() {
        RingReport r = Rings.single(new RingWriter(DATA).inband(1, new byte[8]).putU16(2, 4).inband(2).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_OFFSET8_BEYOND_LEN8, f.rule());
        assertEquals("offset8 of the packet at 0x0: expected <= len8 3, got 4", f.message());
        assertEquals(0, r.summary().packets());
    }

    @Test
    void offset8EqualToLen8IsAnEmptyPayload() {
        RingReport r = Rings.single(new RingWriter(DATA).packet(11, 0, 9, new byte[0], new byte[0]).build());
        assertEquals(List.of(), Rings.ruleIds(r));
        assertEquals(0, r.packetList().get(0).payloadLength());
    }

    @Test
    void typeZeroIsUnknownAndTheWalkGoesOn() {
        RingReport r = Rings.single(new RingWriter(DATA).packet(0, 0, 1, new byte[0], new byte[8]).inband(2).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_TYPE_UNKNOWN, f.rule());
        assertEquals("type of the packet at 0x0: expected 0x1 to 0xd, got 0x0", f.message());
        assertEquals(2, r.summary().packets());
    }

    @Test
    void typeAboveThirteenIsUnknown() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).packet(0xe, 0, 1, new byte[0], new byte[0]).build()));
        assertEquals(Rules.PKT_TYPE_UNKNOWN, f.rule());
    }

    @Test
    void flagBitOtherThanCompletionRequestedIsUnknown() {
        RingReport r = Rings.single(new RingWriter(DATA).packet(6, 1, 1, new byte[0], new byte[0])
                .packet(6, 3, 2, new byte[0], new byte[0]).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_FLAGS_UNKNOWN, f.rule());
        assertEquals(1L, f.packet());
        assertEquals("flags of the packet at 0x18: expected 0x0 or 0x1, got 0x3", f.message());
    }

    @Test
    void trailerNotHoldingThePacketStartIsAMismatch() {
        RingReport r = Rings.single(new RingWriter(DATA).inband(1, new byte[16]).putU64(0x20, 8L << 32).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_TRAILER_MISMATCH, f.rule());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("trailer at 0x20: expected 0x0000000000000000, got 0x0000000800000000", f.message());
        assertEquals(32L, f.offset());
        assertEquals(4096L + 32, f.fileOffset());
        assertEquals(0L, f.packet());
    }

    @Test
    void trailerWithNonZeroLowHalfIsAMismatch() {
        RingReport r = Rings.single(new RingWriter(DATA).startAt(0x100).inband(1).putU64(0x110, (0x100L << 32) | 1)
                .build());
        assertEquals(List.of("pkt.trailer.mismatch"), Rings.ruleIds(r));
    }

    @Test
    void zeroTrailerAfterAPacketNotAtZeroIsANote() {
        RingReport r = Rings.single(new RingWriter(DATA).inband(1).inband(2).putU64(0x18 + 0x10, 0).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_TRAILER_ZERO, f.rule());
        assertEquals(Severity.NOTE, f.severity());
        assertEquals("trailer at 0x28: expected 0x0000001800000000, got 0x0000000000000000", f.message());
    }

    @Test
    void zeroTrailerOfThePacketAtZeroIsWhatLinuxWrites() {
        assertEquals(List.of(), Rings.ruleIds(Rings.single(new RingWriter(DATA).inband(1).build())));
    }

    @Test
    void transferPageRangeCountBeyondTheHeaderAreaOverflows() {
        byte[] ext = Hex.parse("""
                01 00 00 00 05 00 00 00                            |........| pageset 1, range_count 5
                00 01 00 00 00 00 00 00                            |........| one range: 256 bytes at 0
                """);
        RingReport r = Rings.single(new RingWriter(DATA).packet(7, 0, 1, ext, new byte[0]).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_XFER_RANGE_COUNT_OVERFLOW, f.rule());
        assertEquals("range_count of the transfer-page packet at 0x0: expected <= 1 (24 + range_count * 8"
                + " <= offset8 * 8 = 32), got 5", f.message());
        assertEquals(20L, f.offset());
        PacketExtension.TransferPages t = (PacketExtension.TransferPages) r.packetList().get(0).extension();
        assertEquals(1, t.ranges().size());
        assertEquals(256, t.ranges().get(0).byteCount());
    }

    @Test
    void gpaDirectWithoutRangesIsRangeCountZero() {
        RingReport r = Rings.single(new RingWriter(DATA).packet(9, 1, 1, new byte[8], new byte[0]).build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_GPA_RANGE_COUNT_ZERO, f.rule());
        assertEquals("range_count of the GPA-direct packet at 0x0: expected >= 1, got 0", f.message());
    }

    @Test
    void gpaRangeWithZeroByteCountIsInvalid() {
        assertEquals("GPA range 0 of the packet at 0x0: expected byte_count > 0, got 0",
                gpaFinding(0, 0, 1).message());
    }

    @Test
    void gpaRangeOffsetBeyondThePageIsInvalid() {
        assertEquals("GPA range 0 of the packet at 0x0: expected byte_offset <= 0xfff, got 0x1000",
                gpaFinding(16, 0x1000, 2).message());
    }

    @Test
    void gpaRangeWithFewerPfnsThanItSpansIsInvalid() {
        assertEquals("GPA range 0 of the packet at 0x0: expected 2 PFNs (the pages it spans), got 1 before the payload",
                gpaFinding(4096, 0x10, 1).message());
    }

    @Test
    void gpaRangeWithItsPfnsIsValid() {
        byte[] ext = gpaExt(4096, 0x10, 2);
        RingReport r = Rings.single(new RingWriter(DATA).packet(9, 1, 1, ext, new byte[4]).build());
        assertEquals(List.of(), Rings.ruleIds(r));
        PacketExtension.GpaDirect g = (PacketExtension.GpaDirect) r.packetList().get(0).extension();
        assertEquals(List.of(0x100L, 0x101L), g.ranges().get(0).pfns());
    }

    private static Finding gpaFinding(long count, long offset, int pfns) {
        RingReport r = Rings.single(new RingWriter(DATA).packet(9, 1, 1, gpaExt(count, offset, pfns), new byte[0])
                .build());
        Finding f = Rings.only(r);
        assertEquals(Rules.PKT_GPA_RANGE_INVALID, f.rule());
        assertEquals(24L, f.offset());
        return f;
    }

    /** reserved, range_count 1, then one range with {@code pfns} PFNs 0x100, 0x101, ... */
    private static byte[] gpaExt(long count, long offset, int pfns) {
        ByteBuffer b = ByteBuffer.allocate(16 + 8 * pfns).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(1).putInt((int) count).putInt((int) offset);
        for (int i = 0; i < pfns; i++) {
            b.putLong(0x100 + i);
        }
        return b.array();
    }

    @Test
    void emptyRingIsValid() {
        RingReport r = Rings.single(new RingWriter(DATA).startAt(0x800).build());
        assertEquals(List.of(), Rings.ruleIds(r));
        assertEquals(0, r.bytesToRead());
        assertEquals(DATA, r.bytesToWrite());
    }

    @Test
    void fullRingWithTheWriteIndexEightBytesBehindIsValid() {
        RingWriter b = new RingWriter(DATA).startAt(0x100);
        long payload = DATA - 8 - 16 - 8;
        b.inband(1, new byte[(int) payload]);
        assertEquals(0x100 - 8, b.cursor());
        RingReport r = Rings.single(b.build());
        assertEquals(List.of(), Rings.ruleIds(r));
        assertEquals(DATA - 8, r.bytesToRead());
        assertEquals(8, r.bytesToWrite());
        assertTrue(r.packetList().get(0).wraps());
    }

    @Test
    void packetSplitAtTheEndOfTheDataAreaIsValid() {
        byte[] payload = new byte[40];
        java.util.Arrays.fill(payload, (byte) 0xaa);
        RingReport r = Rings.single(new RingWriter(DATA).startAt(DATA - 32).inband(5, payload).inband(6).build());
        assertEquals(List.of(), Rings.ruleIds(r));
        List<Packet> packets = r.packetList();
        assertEquals(DATA - 32, packets.get(0).offset());
        assertTrue(packets.get(0).wraps());
        assertEquals(40, packets.get(0).payloadLength());
        assertEquals(32, packets.get(1).offset());
    }

    @Test
    void descriptorSplitAtTheEndIsReassembled() {
        RingReport r = Rings.single(new RingWriter(DATA).startAt(DATA - 8).inband(0x1122334455667788L, new byte[8])
                .build());
        assertEquals(List.of(), Rings.ruleIds(r));
        Packet p = r.packetList().get(0);
        assertEquals(0x1122334455667788L, p.descriptor().transactionId());
        assertEquals(3, p.descriptor().len8());
    }

    @Test
    void trailerAtOffsetZeroAfterAPacketThatEndsAtTheEnd() {
        RingReport r = Rings.single(new RingWriter(DATA).startAt(DATA - 16).inband(1).inband(2).build());
        assertEquals(List.of(), Rings.ruleIds(r));
        assertEquals(List.of(DATA - 16L, 8L), r.packetList().stream().map(Packet::offset).toList());
        assertTrue(r.packetList().get(0).wraps());
    }

    @Test
    void readIndexOverrideStartsTheWalkThere() {
        RingWriter b = new RingWriter(DATA).inband(1).inband(2).inband(3);
        b.readIndex(b.cursor());
        RingReport r = Rings.single(b.build(), 0);
        assertEquals(3, r.summary().packets());
        assertEquals(0, r.start());
    }

    @Test
    void walkNeverHasMoreStepsThanDataSizeOver24() {
        RingWriter b = new RingWriter(DATA).startAt(8);
        while (b.cursor() + 24 < DATA) {
            b.inband(1);
        }
        RingReport r = Rings.single(b.build());
        long steps = 0;
        for (WalkStep ignored : r.steps()) {
            steps++;
        }
        assertEquals(DATA / 24, steps);
    }
}
