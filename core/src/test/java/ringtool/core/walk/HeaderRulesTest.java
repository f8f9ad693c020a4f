package ringtool.core.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ringtool.core.report.InputReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.rules.Severity;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;

class HeaderRulesTest {

    private static final int DATA = 0x3000;

    @Test
    void dataAreaNotAMultipleOfThePageIsRingSizeInvalid() {
        byte[] bytes = new byte[4096 + 5000];
        bytes[0x40] = 1;
        Finding f = Rings.only(Rings.single(bytes));
        assertEquals(Rules.RING_SIZE_INVALID, f.rule());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("data area size: expected a non-zero multiple of 4096, got 5000", f.message());
        assertEquals(4096L, f.fileOffset());
        assertNull(f.offset());
    }

    @Test
    void uioPairOfBareHeadersHasEmptyDataAreas() {
        byte[] bytes = new byte[8192];
        InputReport report = Rings.inspect(bytes, Layout.UIO_PAIR);
        assertEquals(List.of("outbound", "inbound"), report.rings().stream().map(r -> r.name()).toList());
        for (var ring : report.rings()) {
            assertEquals(List.of("ring.size.invalid", "ring.write_index.out_of_range", "ring.read_index.out_of_range"),
                    Rings.ruleIds(ring));
            assertEquals(0, ring.summary().packets());
            Finding size = ring.findingList().get(0);
            assertEquals(ring.fileOffset(), size.fileOffset(), "an empty data area points at its header");
            assertNull(size.length());
        }
    }

    @Test
    void writeIndexAtTheDataSizeIsOutOfRange() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).writeIndex(DATA).build()));
        assertEquals(Rules.RING_WRITE_INDEX_OUT_OF_RANGE, f.rule());
        assertEquals("write_index: expected < 0x3000 (the data size), got 0x3000", f.message());
        assertEquals(0L, f.fileOffset());
        assertEquals(4L, f.length());
    }

    @Test
    void unalignedWriteIndexIsReportedAndTheShortTailToo() {
        var ring = Rings.single(new RingWriter(DATA).writeIndex(12).build());
        assertEquals(List.of("ring.write_index.unaligned", "ring.available.too_small"), Rings.ruleIds(ring));
        assertEquals("write_index: expected a multiple of 8, got 0xc", ring.findingList().get(0).message());
    }

    @Test
    void readIndexBeyondTheDataAreaIsOutOfRangeAndNothingIsWalked() {
        var ring = Rings.single(new RingWriter(DATA).inband(1, new byte[8]).readIndex(0x10000).build());
        Finding f = Rings.only(ring);
        assertEquals(Rules.RING_READ_INDEX_OUT_OF_RANGE, f.rule());
        assertEquals(4L, f.fileOffset());
        assertEquals(0, ring.summary().packets());
    }

    @Test
    void unalignedReadIndexIsReportedAndTheWalkFromItToo() {
        // An unaligned read index with an aligned write index always leaves an unaligned tail to walk.
        var ring = Rings.single(new RingWriter(DATA).readIndex(4).writeIndex(8).build());
        assertEquals(List.of("ring.read_index.unaligned", "ring.available.too_small"), Rings.ruleIds(ring));
        Finding f = ring.findingList().get(0);
        assertEquals("read_index: expected a multiple of 8, got 0x4", f.message());
    }

    @Test
    void interruptMaskOtherThanZeroOrOneIsAWarning() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).interruptMask(2).build()));
        assertEquals(Rules.RING_INTERRUPT_MASK_INVALID, f.rule());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(8L, f.fileOffset());
    }

    @Test
    void pendingSendSizeBeyondTheDataSizeIsAWarning() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).pendingSendSize(DATA + 1).build()));
        assertEquals(Rules.RING_PENDING_SEND_SIZE_INVALID, f.rule());
        assertEquals("pending_send_size: expected <= 0x3000 (the data size), got 0x3001", f.message());
    }

    @Test
    void pendingSendSizeEqualToTheDataSizeIsAccepted() {
        assertEquals(List.of(), Rings.ruleIds(Rings.single(new RingWriter(DATA).pendingSendSize(DATA).build())));
    }

    @Test
    void unknownFeatureBitIsAWarning() {
        Finding f = Rings.only(Rings.single(new RingWriter(DATA).featureBits(0x3).build()));
        assertEquals(Rules.RING_FEATURE_BITS_UNKNOWN, f.rule());
        assertEquals(0x40L, f.fileOffset());
    }

    /**
     * Bytes in both reserved areas, only after {@code feature_bits} (0x40..0x43, not reserved: 0x44 is the first
     * byte of the second area), only before it.
     */
    static Stream<Arguments> reservedBytes() {
        return Stream.of(
                Arguments.of(new int[] {0x10, 0xfff}, "got 2 non-zero, the first at header offset 0x10", 0x10, 0xfff),
                Arguments.of(new int[] {0x44, 0x45, 0xfff}, "got 3 non-zero, the first at header offset 0x44", 0x44,
                        0xfff),
                Arguments.of(new int[] {0x11, 0x3f}, "got 2 non-zero, the first at header offset 0x11", 0x11, 0x3f));
    }

    @ParameterizedTest
    @MethodSource("reservedBytes")
    void nonZeroReservedBytesAreANoteSpanningFirstToLast(int[] offsets, String got, int first, int last) {
        RingWriter ring = new RingWriter(DATA);
        for (int i = 0; i < offsets.length; i++) {
            ring.headerByte(offsets[i], i + 1);
        }
        Finding f = Rings.only(Rings.single(ring.build()));
        assertEquals(Rules.RING_RESERVED_NONZERO, f.rule());
        assertEquals(Severity.NOTE, f.severity());
        assertEquals("reserved header bytes: expected all zero, " + got, f.message());
        assertEquals((long) first, f.fileOffset());
        assertEquals(last - first + 1L, f.length());
    }

    @Test
    void bytesBeyondTheHostsPageOfA64KibHeaderAreNotJudged() {
        byte[] bytes = new RingWriter(65536, DATA).headerByte(0x2000, 9).build();
        var report = new ringtool.core.inspect.Inspector(
                new ringtool.core.source.FramingOptions(Layout.SINGLE, 65536, null), null)
                .inspect("x", ringtool.core.bytes.ByteSource.of(bytes));
        assertEquals(List.of(), Rings.ruleIds(report.rings().get(0)));
        assertEquals(DATA, report.rings().get(0).dataSize());
    }
}
