package ringtool.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import ringtool.core.carve.Carver;
import ringtool.core.image.ImageWriters.Codec;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

class CarvePlantedTest {

    static final List<String> PLANTED = List.of(
            "0x200000 outbound pair 0 data 16384 packets 0",
            "0x205000 inbound pair 0 data 16384 packets 3",
            "0x400000 ring pair 1 data 12288 packets 0");

    static final String DECOY_REJECTED = "carve.candidate.rejected ring header at physical 0x600000 not"
            + " reported as a ring (confidence 0.30): header as Linux initialises it; no neighbouring header, data"
            + " size 12288 (the smallest Linux size that holds its indices: a guess); no packet evidence: trailers"
            + " do not chain back from read_index 320 and no walk from offset 0 reaches it; a stale copy of a header"
            + " (page cache) or a freed ring";

    private static final String EXCLUDED = "dump.page.missing physical 0x7f8000-0x7fffff (8 pages) not in the"
            + " image (excluded by the dump filter, lost, or undecodable): not scanned";

    static InputReport carve(byte[] image) throws InputException {
        PhysicalMemory mem = Images.open(ByteSource.of(image), false);
        return new Carver(Carver.Options.defaults()).carve("image", mem);
    }

    static List<String> rings(InputReport report) {
        List<String> out = new ArrayList<>();
        for (RingReport r : report.rings()) {
            out.add("0x" + Long.toHexString(r.carve().physicalAddress()) + " " + r.name() + " pair "
                    + r.carve().pair() + " data " + r.dataSize() + " packets " + r.summary().packets());
        }
        return out;
    }

    static List<String> findings(InputReport report) {
        List<String> out = new ArrayList<>();
        for (Finding f : report.findings()) {
            out.add(f.rule().id() + " " + f.message());
        }
        return out;
    }

    private static void assertPlantedFound(InputReport report, String container, boolean excludedReported) {
        assertEquals(container, report.container());
        assertEquals(PLANTED, rings(report));
        List<String> expected = new ArrayList<>();
        if (excludedReported) {
            expected.add(EXCLUDED);
        }
        expected.add(DECOY_REJECTED);
        assertEquals(expected, findings(report));
        for (RingReport r : report.rings()) {
            assertTrue(r.carve().confidence() >= 0.5, r.carve().toString());
            assertEquals(List.of(), r.findingList(), "findings of the ring at " + r.carve().physicalAddress());
        }
    }

    @Test
    void rawImageYieldsEveryPlantedRingAtItsAddressAndSize() throws InputException {
        PhysicalMemory mem = new RawImage(ByteSource.of(ImageWriters.raw(PlantedImages.guest())));
        InputReport report = new Carver(Carver.Options.defaults()).carve("image", mem);
        assertPlantedFound(report, "raw", false);
    }

    static Stream<Arguments> elfVariants() {
        return Stream.of(Arguments.of(true, false), Arguments.of(false, false), Arguments.of(true, true),
                Arguments.of(false, true));
    }

    @ParameterizedTest(name = "ELF core, 64-bit {0}, PN_XNUM {1}")
    @MethodSource("elfVariants")
    void elfCoreYieldsEveryPlantedRingAndReportsPagesBeyondFilesz(boolean is64, boolean xnum)
            throws InputException {
        byte[] elf = ImageWriters.elf(PlantedImages.guest(), is64, xnum);
        assertPlantedFound(carve(elf), "elf", true);
    }

    @Test
    void elfCoreDescribesItselfFromItsVmcoreinfoNote() throws InputException {
        PhysicalMemory mem = Images.open(ByteSource.of(ImageWriters.elf(PlantedImages.guest(), true, false)), false);
        assertEquals("ELF core, 2 PT_LOAD segments, release 6.12.95+deb12-amd64, page size 4096",
                mem.description());
    }

    static Stream<Arguments> kdumpVariants() {
        List<Arguments> out = new ArrayList<>();
        for (Codec codec : Codec.values()) {
            for (boolean is64 : new boolean[] {true, false}) {
                for (int version : new int[] {1, 6}) {
                    out.add(Arguments.of(codec, is64, version));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "kdump-compressed {0}, 64-bit header {1}, version {2}")
    @MethodSource("kdumpVariants")
    void kdumpCompressedYieldsEveryPlantedRingAndReportsExcludedPages(Codec codec, boolean is64, int version)
            throws InputException {
        byte[] kdump = ImageWriters.kdump(PlantedImages.guest(), is64, version, codec, new BitSet());
        InputReport report = carve(kdump);
        assertPlantedFound(report, "kdump-compressed", true);
        assertTrue(report.decision().startsWith("kdump-compressed v" + version + " (" + (is64 ? 64 : 32)
                + "-bit header), 4096-byte blocks, 2048 frames, release 6.12.95+deb12-amd64; "), report.decision());
    }

    @ParameterizedTest(name = "flattened {0}")
    @EnumSource(value = Codec.class, names = {"ZLIB", "ZSTD"})
    void flattenedKdumpIsReadInPlace(Codec codec) throws InputException {
        byte[] kdump = ImageWriters.kdump(PlantedImages.guest(), true, 6, codec, new BitSet());
        InputReport report = carve(ImageWriters.flatten(kdump, 10_000));
        assertPlantedFound(report, "kdump-flattened", true);
    }

    @Test
    void pagesLostFromAnIncompleteDumpAreMissingNotZero() throws InputException {
        BitSet lost = new BitSet();
        long lostFrame = (PlantedImages.INBOUND >>> 12) + 2;
        lost.set((int) lostFrame);
        byte[] kdump = ImageWriters.kdump(PlantedImages.guest(), true, 6, Codec.ZLIB, lost);
        InputReport report = carve(kdump);
        assertEquals(List.of(
                "0x200000 outbound pair 0 data 16384 packets 0",
                "0x205000 inbound pair 0 data 16384 packets 0",
                "0x400000 ring pair 1 data 12288 packets 0"), rings(report));
        RingReport inbound = report.rings().get(1);
        assertEquals(List.of("dump.page.missing physical 0x207000-0x207fff (1 page) of this ring is not in the"
                + " image: not walked"), inbound.findingList().stream()
                .map(f -> f.rule().id() + " " + f.message()).toList());
        assertEquals("dump.page.missing physical 0x207000-0x207fff (1 page) not in the image (excluded by the dump"
                + " filter, lost, or undecodable): not scanned", findings(report).get(0));
        assertTrue(report.decision().contains(", INCOMPLETE;"), report.decision());
    }

    @Test
    void noiseAndZeroPagesYieldNoRingAndNoCandidate() throws InputException {
        GuestMemory noise = new GuestMemory(1024).ram(0, 1024).noise(7, 3);
        InputReport report = carve(ImageWriters.kdump(noise, true, 6, Codec.ZLIB, new BitSet()));
        assertEquals(List.of(), rings(report));
        assertEquals(List.of(), findings(report));
        GuestMemory zero = new GuestMemory(1024).ram(0, 1024);
        report = carve(ImageWriters.elf(zero, true, false));
        assertEquals(List.of(), rings(report));
        assertEquals(List.of(), findings(report));
    }

    @Test
    void aSegmentClaimingATerabyteItDoesNotHoldIsOneMissingRunNotABillionSteps() throws InputException {
        byte[] elf = ImageWriters.elf(PlantedImages.guest(), true, false);
        // The second PT_LOAD (RAM from frame 192): p_memsz at 40 bytes into the third program header.
        java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(64 + 2 * 56 + 40, 1L << 40);
        InputReport report = carve(elf);
        assertEquals(PLANTED, rings(report));
        long pages = ((1L << 40) + 0xc0000 - 0x7f8000) / 4096;
        assertEquals("dump.page.missing physical 0x7f8000-0x100000bffff (" + pages + " pages) not in the image"
                + " (excluded by the dump filter, lost, or undecodable): not scanned", findings(report).get(0));
    }

    @Test
    void manyRunsOfExcludedPagesAreListedUpToSixteenThenSummed() throws InputException {
        GuestMemory m = PlantedImages.guest();
        for (int f = 1200; f < 1240; f += 2) {
            m.exclude(f);
        }
        List<String> found = findings(carve(ImageWriters.kdump(m, true, 6, Codec.ZLIB, new BitSet())));
        assertEquals(18, found.size(), found.toString());
        assertEquals("dump.page.missing physical 0x4b0000-0x4b0fff (1 page) not in the image (excluded by the dump"
                + " filter, lost, or undecodable): not scanned", found.get(0));
        assertEquals("dump.page.missing 21 runs of missing pages in all (28 pages); the first 16 are listed",
                found.get(16));
        assertEquals(DECOY_REJECTED, found.get(17));
    }

    @Test
    void anImageWhoseEveryPageLooksLikeAHeaderIsCarvedInLinearTimeWithTheRejectionsCapped()
            throws InputException {
        byte[] image = new byte[16384 * 4096];
        for (int at = 0; at < image.length; at += 4096) {
            image[at + 0x40] = 1;
        }
        InputReport report = new Carver(Carver.Options.defaults()).carve("headers", new RawImage(ByteSource.of(image)));
        assertEquals(List.of(), rings(report));
        List<String> found = findings(report);
        assertEquals(33, found.size());
        assertEquals("carve.candidate.rejected 16384 ring headers rejected in all; the first 32 are listed",
                found.get(32));
    }
}
