package ringtool.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.rules.Finding;
import ringtool.core.testing.RealCaptures;
import ringtool.core.synth.RingWriter;

class FramerTest {

    private static final FramingOptions AUTO = FramingOptions.defaults();

    private static FramedInput frame(byte[] bytes, FramingOptions options) throws InputException {
        return Framer.frame(ByteSource.of(bytes), options);
    }

    private static RingWriter used(int dataSize) {
        return new RingWriter(dataSize).inband(1, "hello".getBytes()).inband(2, new byte[20]);
    }

    /** Eight packets of 64 bytes of 0x55: enough non-zero bytes that copies may differ in a few. */
    private static RingWriter busy() {
        RingWriter busy = new RingWriter(8192);
        byte[] payload = new byte[64];
        java.util.Arrays.fill(payload, (byte) 0x55);
        for (int i = 0; i < 8; i++) {
            busy.inband(i + 1, payload);
        }
        return busy;
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void autoFramesTheRealBalloonRingAsAUioPair() throws InputException {
        FramedInput f = frame(RealCaptures.balloonRing(), AUTO);
        assertEquals(Layout.UIO_PAIR, f.layout());
        assertEquals(List.of(new FramedRing("outbound", 0, 4096, 16384), new FramedRing("inbound", 20480, 4096, 16384)),
                f.rings());
        assertEquals("two ring headers, at 0 and at 0x5000 (20480 bytes each: a 4096-byte header and 16384 bytes of"
                + " data), indices inside the data areas", f.decision());
    }

    @Test
    void uioPairWithACorruptInboundRingIsStillAPairAndOnlyTheInboundRingHasFindings() {
        byte[] pair = RingWriter.pair(used(16384), used(16384).writeIndex(0x10000));
        InputReport r = Inspector.defaults().inspect("pair.bin", ByteSource.of(pair));
        assertEquals("uio-pair", r.layout());
        assertEquals(List.of(), r.rings().get(0).findingList());
        assertEquals(List.of("ring.write_index.out_of_range"), rules(r.rings().get(1).findingList()));
        assertEquals(2, r.rings().get(0).packetList().size());
    }

    @Test
    void explicitUioPairNamesBothRings() throws InputException {
        FramedInput f = frame(RingWriter.pair(used(8192), new RingWriter(8192)),
                new FramingOptions(Layout.UIO_PAIR, 4096, null));
        assertEquals(List.of("outbound", "inbound"), f.rings().stream().map(FramedRing::name).toList());
        assertEquals(null, f.decision());
    }

    @Test
    void explicitUioPairRejectsAnOddSize() {
        InputException e = assertThrows(InputException.class,
                () -> frame(new byte[16385], new FramingOptions(Layout.UIO_PAIR, 4096, null)));
        assertEquals("uio-pair needs two equal halves, but the file has an odd size (16385 bytes)", e.getMessage());
    }

    @Test
    void autoTakesADumpWhoseDataAreaAppearsTwiceAsDoubleMapped() throws InputException {
        FramedInput f = frame(used(8192).buildDoubleMapped(), AUTO);
        assertEquals(Layout.DOUBLE_MAPPED, f.layout());
        assertEquals(List.of(new FramedRing("ring", 0, 4096, 8192)), f.rings());
        assertEquals("the 8192-byte data area appears twice after the 4096-byte header, byte for byte", f.decision());
        assertEquals(List.of(), f.findings());
    }

    @Test
    void autoTakesAnUnusedRingOfTwiceTheSizeAsSingleNotDoubleMapped() throws InputException {
        FramedInput f = frame(new RingWriter(16384).build(), AUTO);
        assertEquals(Layout.SINGLE, f.layout());
        assertEquals(List.of(new FramedRing("ring", 0, 4096, 16384)), f.rings());
    }

    @Test
    void autoTakesASingleRingWithPacketsAsSingleThoughItsSizeIsHeaderPlusTwoPages() throws InputException {
        FramedInput f = frame(used(8192).build(), AUTO);
        assertEquals(Layout.SINGLE, f.layout());
        assertEquals("one ring fills the file (12288 bytes: a 4096-byte header and 8192 bytes of data), indices inside"
                + " the data area", f.decision());
    }

    @Test
    void doubleMappedCopiesThatDifferGiveTheFirstDifferingOffset() throws InputException {
        byte[] dump = used(8192).buildDoubleMapped();
        dump[4096 + 8192 + 0x30] ^= 1;
        dump[4096 + 8192 + 0x40] ^= 1;
        FramedInput f = frame(dump, new FramingOptions(Layout.DOUBLE_MAPPED, 4096, null));
        Finding m = f.findings().get(0);
        assertEquals("dump.double_map.mismatch", m.rule().id());
        assertEquals("second copy of the data area at data offset 0x30: expected the same bytes as the first copy,"
                + " got 2 differing bytes, the first at 0x30 (file offset 0x3030)", m.message());
        assertEquals(0x30L, m.offset());
        assertEquals(0x3030L, m.fileOffset());
        assertEquals(0x11L, m.length());
    }

    @Test
    void autoStillTakesADoubleMappedDumpWithAFewDifferingBytesAndReportsThem() throws InputException {
        byte[] dump = busy().buildDoubleMapped();
        dump[4096 + 8192 + 0x30] ^= 1;
        FramedInput f = frame(dump, AUTO);
        assertEquals(Layout.DOUBLE_MAPPED, f.layout());
        assertEquals("the 8192-byte data area appears twice after the 4096-byte header, except 1 differing byte"
                + " (see dump.double_map.mismatch)", f.decision());
        assertEquals(List.of("dump.double_map.mismatch"), rules(f.findings()));
    }

    @Test
    void autoReportsDoubleMappedCopiesDifferingFarApartWithTheFirstAndLastDifference() throws InputException {
        byte[] dump = busy().buildDoubleMapped();
        dump[4096 + 8192 + 0x30] ^= 1;
        dump[4096 + 8192 + 0x1f00] ^= 1;
        FramedInput f = frame(dump, AUTO);
        assertEquals(Layout.DOUBLE_MAPPED, f.layout());
        Finding m = f.findings().get(0);
        assertEquals("second copy of the data area at data offset 0x30: expected the same bytes as the first copy,"
                + " got 2 differing bytes, the first at 0x30 (file offset 0x3030)", m.message());
        assertEquals(0x1f00L - 0x30 + 1, m.length());
    }

    @Test
    void theCopiesOfASingleRingStopBeingCountedOnceTheyDifferBeyondTheTolerance() {
        RingWriter w = new RingWriter(16384);
        byte[] payload = new byte[40];
        java.util.Arrays.fill(payload, (byte) 0x55);
        for (int i = 0; i < 100; i++) {
            w.inband(i, payload);
        }
        ByteSource src = ByteSource.of(w.build());
        LayoutDetector.Copies early = LayoutDetector.Copies.compare(src, 4096, 8192, false);
        LayoutDetector.Copies all = LayoutDetector.Copies.compare(src, 4096, 8192, true);
        assertFalse(early.complete());
        assertTrue(early.differing().last() < 256 + 512, "counted no further than blocks of 256 and 512 bytes");
        assertTrue(all.complete());
        assertEquals(src.countDiffering(4096, 4096 + 8192, 8192), all.differing());
        assertEquals(src.countNonZero(4096, 8192).count(), all.nonZero());
    }

    @Test
    void autoDetectsA64KibHeaderFromTheZeroRestOfTheGuestPage() throws InputException {
        FramedInput f = frame(new RingWriter(65536, 65536).inband(1, new byte[8]).build(), AUTO);
        assertEquals(Layout.SINGLE, f.layout());
        assertEquals(List.of(new FramedRing("ring", 0, 65536, 65536)), f.rings());
        assertEquals("one ring fills the file (131072 bytes: a 65536-byte header and 65536 bytes of data), indices"
                + " inside the data area; bytes 0x1000..0xffff of each header are zero, the rest of a 64 KiB guest"
                + " page (--header-size 4096 to override)", f.decision());
    }

    @Test
    void autoDetectsA64KibHeaderUioPair() throws InputException {
        byte[] pair = RingWriter.pair(new RingWriter(65536, 65536).inband(1, new byte[8]),
                new RingWriter(65536, 65536));
        FramedInput f = frame(pair, AUTO);
        assertEquals(Layout.UIO_PAIR, f.layout());
        assertEquals(List.of(new FramedRing("outbound", 0, 65536, 65536),
                new FramedRing("inbound", 131072, 65536, 65536)), f.rings());
    }

    @Test
    void anUnusedRingIsNotTakenAsA64KibHeader() throws InputException {
        FramedInput f = frame(new RingWriter(65536, 65536).build(), AUTO);
        assertEquals(List.of(new FramedRing("ring", 0, 4096, 126976)), f.rings());
    }

    @Test
    void aGivenHeaderSizeIsKeptByAuto() throws InputException {
        byte[] ring = new RingWriter(65536, 65536).inband(1, new byte[8]).build();
        FramedInput f = frame(ring, new FramingOptions(Layout.AUTO, 4096, null, true));
        assertEquals(List.of(new FramedRing("ring", 0, 4096, 126976)), f.rings());
    }

    @Test
    void autoFramesASizeThatIsNotAPageMultipleAsSingleAndSaysSo() throws InputException {
        byte[] ring = new byte[4096 + 5000];
        System.arraycopy(used(4096).build(), 0, ring, 0, 8192);
        FramedInput f = frame(ring, AUTO);
        assertEquals(Layout.SINGLE, f.layout());
        assertEquals("one ring fills the file (9096 bytes: a 4096-byte header and 5000 bytes of data), indices inside"
                + " the data area; the data area is not a multiple of 4096 (--data-size N forces one)", f.decision());
    }

    @Test
    void aForcedDataSizeFramesAFileWithTrailingBytes() throws InputException {
        byte[] ring = new byte[4096 + 8192 + 100];
        System.arraycopy(used(8192).build(), 0, ring, 0, 12288);
        FramedInput f = frame(ring, new FramingOptions(Layout.AUTO, 4096, 8192L));
        assertEquals(List.of(new FramedRing("ring", 0, 4096, 8192)), f.rings());
    }

    @Test
    void autoReadsADamagedRingOfWholePagesAsOneRingAndSaysWhy() throws InputException {
        byte[] ring = used(8192).writeIndex(0xFFFF_FFF8L).build();
        FramedInput f = frame(ring, AUTO);
        assertEquals(Layout.SINGLE, f.layout());
        assertEquals("no other layout explains the file, and one ring of a 4096-byte header and 8192 bytes of data"
                + " fills it, although its header is not one Linux leaves (write_index 0xfffffff8 lies outside);"
                + " --layout chooses another", f.decision());
    }

    @Test
    void autoWithNoPlausibleFramingSaysWhyForEachLayout() {
        byte[] ring = java.util.Arrays.copyOf(used(8192).writeIndex(0xFFFF_FFF8L).build(), 12288 + 100);
        InputException e = assertThrows(InputException.class, () -> frame(ring, AUTO));
        assertEquals("no layout explains the file (12388 bytes): not uio-pair: halves of 6194 bytes cannot hold a"
                + " header and a page of data; not double-mapped: the bytes after the header do not hold two copies of"
                + " a data area of whole pages; not single: write_index 0xfffffff8 lies outside of a 8292-byte data"
                + " area; --layout single inspects it as one ring anyway", e.getMessage());
    }

    @Test
    void aFileTooSmallForAHeaderAndAPageIsRejected() {
        InputException e = assertThrows(InputException.class, () -> frame(new byte[8191], AUTO));
        assertEquals("too small: 8191 bytes, a ring needs at least 8192 (a 4096-byte header and one 4096-byte page of"
                + " data)", e.getMessage());
    }

    @Test
    void aSecondHalfThatIsABlankPageIsNotAnInboundRing() throws InputException {
        FramedInput f = frame(used(12288).build(), AUTO);
        assertTrue(f.layout() == Layout.SINGLE, f.decision());
    }

    @Test
    void aDataPageThatStartsWithADescriptorIsNoControlPage() {
        byte[] page = new byte[4096];
        byte[] start = ringtool.core.testing.Hex.parse("""
                06 00 02 00 03 00 00 00  01 00 00 00 00 00 00 00   |................|  type 6, offset8 2, len8 3, id 1
                68 65 6c 6c 6f 00 00 00  00 00 00 00 00 00 00 00   |hello...........|  payload, then the trailer
                """);
        System.arraycopy(start, 0, page, 0, start.length);
        assertEquals("indices 0x20006/0x3 are not 8-aligned", LayoutDetector.controlPage(ByteSource.of(page), 0));
        byte[] control = new byte[4096];
        byte[] words = ringtool.core.testing.Hex.parse("""
                28 00 00 00 28 00 00 00  00 00 00 00 00 00 00 00   |(...(...........|  write 0x28, read 0x28
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|  reserved1
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                01 00 00 00                                        |....|              feature_bits 1
                """);
        System.arraycopy(words, 0, control, 0, words.length);
        assertEquals(null, LayoutDetector.controlPage(ByteSource.of(control), 0));
    }
}
