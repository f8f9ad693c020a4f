package ringtool.core.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.testing.Hex;

class SynthesizerTest {

    private static PacketDescription inband(long id, String payload) {
        return new PacketDescription(6, null, id, payload, null, null, null, null, null, null);
    }

    private static PacketDescription with(PacketDescription p, String state, Damage damage) {
        return new PacketDescription(p.type(), p.flags(), p.transactionId(), p.payload(), p.fill(),
                p.transferPages(), p.gpaDirect(), p.extendedHeader(), state, damage);
    }

    private static DumpDescription single(long dataSize, Long start, HeaderFields header, PacketDescription... ps) {
        return new DumpDescription(null, null, null,
                List.of(new RingDescription(dataSize, start, header, List.of(ps), null, null)), null);
    }

    private static byte[] data(byte[] dump, int from, int length) {
        return Arrays.copyOfRange(dump, 4096 + from, 4096 + from + length);
    }

    @Test
    void packetsAreLaidOutAsTheLinuxWriterDoes() throws Exception {
        byte[] dump = Synthesizer.write(single(4096, null, null, inband(7, "0102030405"), inband(8, "")));
        assertArrayEquals(Hex.parse("""
                06 00 02 00 03 00 00 00  07 00 00 00 00 00 00 00 |type 6, offset8 2, len8 3, id 7
                01 02 03 04 05 00 00 00                          |payload, zero padding to 8
                00 00 00 00 00 00 00 00                          |trailer: start 0 << 32
                06 00 02 00 02 00 00 00  08 00 00 00 00 00 00 00 |an empty payload: len8 2
                00 00 00 00 20 00 00 00                          |trailer: start 0x20 << 32
                """), data(dump, 0, 56));
        assertArrayEquals(Hex.parse("""
                38 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00 |write 0x38, read 0
                """), Arrays.copyOfRange(dump, 0, 16));
        assertEquals(1, dump[64], "feature_bits 1, as hv_ringbuffer_init sets it");
    }

    @Test
    void aDescriptionWritesWhatTheFluentWriterWrites() throws Exception {
        byte[] expected = new RingWriter(8192).startAt(8160).inband(1, new byte[40]).inband(2, (byte) 9).build();
        byte[] built = Synthesizer.write(single(8192, 8160L, null,
                inband(1, "00".repeat(40)), inband(2, "09")));
        assertArrayEquals(expected, built);
    }

    @Test
    void aDescriptionWithoutDamageHasNoFindingsEvenWhenItWraps() throws Exception {
        byte[] dump = Synthesizer.write(single(4096, 4088L, null, inband(1, "00112233445566778899"),
                inband(2, "aa")));
        RingReport ring = Inspector.defaults().inspect("x", ByteSource.of(dump)).rings().get(0);
        assertEquals(List.of(), ring.findingList());
        assertEquals(2, ring.packetList().size());
        assertEquals(true, ring.packetList().get(0).wraps());
    }

    @Test
    void damageOverwritesFieldsButTheCursorFollowsTheBytesWritten() throws Exception {
        byte[] dump = Synthesizer.write(single(4096, null, null,
                with(inband(1, "01"), null, new Damage(0x2a, null, 0, 2, 5L, null)), inband(2, "02")));
        assertArrayEquals(Hex.parse("""
                2a 00 02 00 00 00 02 00  01 00 00 00 00 00 00 00 |type 0x2a, len8 0, flags 2
                01 00 00 00 00 00 00 00  05 00 00 00 00 00 00 00 |payload; trailer 5
                06 00 02 00 03 00 00 00                          |the next packet where the bytes put it
                """), data(dump, 0, 40));
    }

    @Test
    void consumedPacketsLieBehindTheReadIndexAndUnpublishedOnesAfterTheWriteIndex() throws Exception {
        byte[] dump = Synthesizer.write(single(4096, 64L, null, with(inband(1, "aa"), "consumed", null),
                inband(2, "bb"), with(inband(3, "cc"), "unpublished", null)));
        assertArrayEquals(Hex.parse("80 00 00 00 60 00 00 00 |write 0x80, read 0x60"),
                Arrays.copyOfRange(dump, 0, 8));
        assertEquals(6, data(dump, 0x80, 1)[0], "the unpublished packet is still written");
    }

    @Test
    void headerFieldsGivenAreWrittenAsGiven() throws Exception {
        byte[] dump = Synthesizer.write(single(4096, null, new HeaderFields(36L, 4100L, 1L, 8L, 3L)));
        assertArrayEquals(Hex.parse("""
                24 00 00 00 04 10 00 00  01 00 00 00 08 00 00 00
                """), Arrays.copyOfRange(dump, 0, 16));
        assertEquals(3, dump[64]);
    }

    @Test
    void typeSevenAndNineCarryTheirExtendedHeaders() throws Exception {
        PacketDescription xfer = new PacketDescription(7, 1, 5L, "ee", null,
                new TransferPages(0xcafe, null, List.of(new TransferPages.Range(1514, 0x2000))), null, null, null,
                null);
        PacketDescription gpa = new PacketDescription(9, 1, 6L, null, null, null,
                new GpaDirect(List.of(new GpaDirect.Range(100, 8, List.of(0x1234L)))), null, null, null);
        byte[] dump = Synthesizer.write(single(4096, null, null, xfer, gpa));
        assertArrayEquals(Hex.parse("""
                07 00 04 00 05 00 01 00  05 00 00 00 00 00 00 00 |type 7, offset8 4 (16 + 8 + 8), len8 5
                fe ca 00 00 01 00 00 00  ea 05 00 00 00 20 00 00 |pageset 0xcafe, 1 range: 1514 at 0x2000
                ee 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00 |payload; trailer start 0
                09 00 05 00 05 00 01 00  06 00 00 00 00 00 00 00 |type 9, offset8 5 = len8
                00 00 00 00 01 00 00 00  64 00 00 00 08 00 00 00 |1 range: 100 bytes at 8
                34 12 00 00 00 00 00 00                          |pfn 0x1234
                """), data(dump, 0, 88));
        InputReport report = Inspector.defaults().inspect("x", ByteSource.of(dump));
        assertEquals(List.of(), report.rings().get(0).findingList());
    }

    @Test
    void aDoubleMappedDumpRepeatsTheDataAreaWithItsPatches() throws Exception {
        DumpDescription d = new DumpDescription(null, "double-mapped", null,
                List.of(new RingDescription(4096, null, null, List.of(inband(1, "01")), null, null)),
                List.of(new Patch(4095, "ff")));
        byte[] dump = Synthesizer.write(d);
        assertEquals(4096 + 2 * 4096, dump.length);
        assertArrayEquals(data(dump, 0, 4095), data(dump, 4096, 4095));
        assertEquals((byte) 0xff, dump[dump.length - 1]);
    }

    @Test
    void describingADumpRebuildsItByteForByte() throws Exception {
        byte[] dump = new RingWriter(8192).startAt(8000).inband(3, (byte) 1, (byte) 2).inband(4, new byte[300])
                .headerByte(0x20, 0x55).put(16, new byte[] {1, 2, 3}).build();
        DumpDescription d = Describer.describe(dump, new FramingOptions(Layout.SINGLE, 4096, null));
        assertEquals(2, d.rings().get(0).packets().size());
        assertArrayEquals(dump, Synthesizer.write(d));
    }

    @Test
    void describingFollowsTheTrailersBackThroughConsumedPackets() throws Exception {
        RingWriter b = new RingWriter(4096).startAt(4000).inband(1, new byte[50]).inband(2, (byte) 7);
        byte[] dump = b.readIndex(b.cursor()).inband(3, (byte) 8).build();
        DumpDescription d = Describer.describe(dump, new FramingOptions(Layout.SINGLE, 4096, null));
        RingDescription ring = d.rings().get(0);
        assertEquals(4000L, ring.start());
        assertEquals(List.of("consumed", "consumed", "pending"),
                ring.packets().stream().map(p -> p.state() == null ? "pending" : p.state()).toList());
        assertEquals(null, ring.patches());
        assertArrayEquals(dump, Synthesizer.write(d));
    }

    @Test
    void zeroTrailersStopTheWalkBackAndTheBytesBecomePatches() throws Exception {
        RingWriter b = new RingWriter(4096).startAt(64)
                .raw(new byte[] {6, 0, 2, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, 0);
        byte[] dump = b.readIndex(b.cursor()).build();
        DumpDescription d = Describer.describe(dump, new FramingOptions(Layout.SINGLE, 4096, null));
        assertEquals(List.of(), d.rings().get(0).packets());
        assertEquals(List.of(new Patch(64, "0600020002000000" + "01")), d.rings().get(0).patches());
        assertArrayEquals(dump, Synthesizer.write(d));
    }

    @Test
    void packetsThatWouldLeaveLessThanEightBytesFreeAreRefused() {
        SynthException e = assertThrows(SynthException.class,
                () -> Synthesizer.write(single(4096, null, null, inband(1, "00".repeat(4096 - 24)))));
        assertEquals("ring: the pending packets take 4096 bytes; a writer leaves at least 8 of the 4096 free",
                e.getMessage());
    }

    @Test
    void badDescriptionsAreRefusedWithTheFieldNamed() {
        assertEquals("ring: packet 0: payload: an odd number of hex digits (3), two make a byte: 'abc'", assertThrows(
                SynthException.class, () -> Synthesizer.write(single(4096, null, null, inband(1, "abc"))))
                .getMessage());
        assertEquals("layout must be single, uio-pair or double-mapped, got 'auto'", assertThrows(
                SynthException.class, () -> Synthesizer.write(new DumpDescription(null, "auto", null, List.of(), null)))
                .getMessage());
        assertEquals("ring: start must be a multiple of 8 below data_size 4096, got 4",
                assertThrows(SynthException.class, () -> Synthesizer.write(single(4096, 4L, null))).getMessage());
        assertEquals("data_size must be a positive multiple of 8, got 0",
                assertThrows(SynthException.class, () -> Synthesizer.write(single(0, null, null))).getMessage());
        assertEquals("the dump would be 1073745920 bytes, more than the limit of 268435456", assertThrows(
                SynthException.class, () -> Synthesizer.write(single(1L << 30, null, null))).getMessage());
        assertEquals("ring: packet 1: consumed packets must come before the pending ones", assertThrows(
                SynthException.class, () -> Synthesizer.write(single(4096, null, null, inband(1, ""),
                        with(inband(2, ""), "consumed", null)))).getMessage());
        assertEquals("ring: packet 0: type 7 needs transfer_pages, gpa_direct or extended_header", assertThrows(
                SynthException.class, () -> Synthesizer.write(single(4096, null, null,
                        new PacketDescription(7, null, 1L, "", null, null, null, null, null, null)))).getMessage());
    }
}
