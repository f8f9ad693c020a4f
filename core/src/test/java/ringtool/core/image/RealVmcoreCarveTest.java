package ringtool.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ringtool.core.carve.Carver;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.source.InputException;
import ringtool.core.source.InputFiles;

/**
 * The real guest's memory, written by QEMU's dump-guest-memory (kdump-compressed v6, zlib), read from
 * {@code ../shared/real/} beside the repository (or {@code -Dringtool.real=DIR}); its README gives the true
 * ring addresses and the page-cache decoys. Too big to commit, so the test is skipped where it is absent.
 */
class RealVmcoreCarveTest {

    private static final long OUTBOUND = 0x25a0000;
    private static final long INBOUND = 0x25a5000;
    private static final int RING = 20480;
    private static Path dir;
    private static InputReport report;

    @BeforeAll
    static void carveOnce() throws InputException {
        String property = System.getProperty("ringtool.real");
        // Surefire runs in the module directory; the repository root is its parent, shared/ sits beside that.
        dir = property != null ? Path.of(property)
                : Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("real");
        Path core = dir.resolve("balloon-vmcore.kdump");
        if (Files.isRegularFile(core)) {
            report = new Carver(Carver.Options.defaults())
                    .carve("balloon-vmcore.kdump", Images.open(InputFiles.open(core), false));
        }
    }

    /** Per test rather than in {@code @BeforeAll}, so that each skip is counted and says why. */
    @BeforeEach
    void requireTheRealCore() {
        assumeTrue(report != null, "real vmcore not found at " + dir.resolve("balloon-vmcore.kdump")
                + ": clone the shared data beside the repository or pass -Dringtool.real=DIR");
    }

    @Test
    void bothBalloonRingsAreOneUioStylePairWith16KiBDataAreas() {
        assertEquals("kdump-compressed", report.container());
        assertEquals(List.of("0x25a0000 outbound pair 0 data 16384", "0x25a5000 inbound pair 0 data 16384"),
                report.rings().stream().map(r -> "0x" + Long.toHexString(r.carve().physicalAddress()) + " "
                        + r.name() + " pair " + r.carve().pair() + " data " + r.dataSize()).toList());
        assertEquals("header as Linux initialises it; next header 20480 bytes on (data size 16384); 29 trailers"
                + " chain back from read_index 2040", report.rings().get(0).carve().evidence());
        assertEquals(0.99, report.rings().get(0).carve().confidence());
        assertEquals("header as Linux initialises it; previous header 20480 bytes before (data size 16384); 3"
                + " packets from offset 0 reach read_index 120 (trailers do not chain back)",
                report.rings().get(1).carve().evidence());
    }

    @Test
    void inboundRingEqualsTheCapturedRingFileAndOutboundHistoryToo() throws IOException {
        byte[] captured = Files.readAllBytes(dir.resolve("balloon-ring.bin"));
        RingReport outbound = report.rings().get(0);
        RingReport inbound = report.rings().get(1);
        assertArrayEquals(Arrays.copyOfRange(captured, RING, 2 * RING), bytes(inbound, INBOUND, RING));
        // The outbound ring may have moved on by a status report since the capture; the 29 packets before
        // read_index 2040 are history and stay.
        assertArrayEquals(Arrays.copyOfRange(captured, 4096, 4096 + 2040), bytes(outbound, OUTBOUND + 4096, 2040));
        assertEquals(List.of(), inbound.findingList());
    }

    @Test
    void pageCacheCopiesOfTheHeadersAreReportedApartWithTheReason() {
        List<String> rejected = report.findings().stream().map(f -> f.rule().id() + " " + f.message()).toList();
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("carve.candidate.rejected ring header at physical 0x6591000 not"
                + " reported as a ring (confidence 0.40): "), rejected.get(0));
        assertTrue(rejected.get(1).startsWith("carve.candidate.rejected ring header at physical 0x6596000 not"
                + " reported as a ring (confidence 0.40): "), rejected.get(1));
        assertTrue(rejected.get(1).endsWith("no packet evidence: trailers do not chain back from read_index 2040"
                + " and no walk from offset 0 reaches it; a stale copy of a header (page cache) or a freed ring"),
                rejected.get(1));
    }

    /**
     * Below the default confidence the page-cache copies are reported, and the inbound ring's copy comes first in
     * physical memory: a pair by position, but nothing says which way either runs, so neither is named outbound.
     */
    @Test
    void decoysReportedAtLowConfidenceAreNotNamedForADirection() throws InputException {
        InputReport low = new Carver(new Carver.Options(0.3, null))
                .carve("balloon-vmcore.kdump", Images.open(InputFiles.open(dir.resolve("balloon-vmcore.kdump")),
                        false));
        assertEquals(List.of("0x25a0000 outbound read 2040", "0x25a5000 inbound read 120", "0x6591000 ring read 120",
                "0x6596000 ring read 2040"), low.rings().stream().map(r -> "0x"
                + Long.toHexString(r.carve().physicalAddress()) + " " + r.name() + " read " + r.header().readIndex())
                .toList());
        assertTrue(low.rings().get(2).carve().evidence().contains("next header 20480 bytes on (paired by position"
                + " only: no packet shows which way either ring runs)"), low.rings().get(2).carve().evidence());
    }

    private static byte[] bytes(RingReport ring, long physical, int length) {
        byte[] out = new byte[length];
        ring.snapshot().data().base().copy(physical, out, 0, length);
        return out;
    }

    @Test
    void theSameCoreFlattenedAsMakedumpfileFWritesItGivesTheSameRings() throws IOException, InputException {
        byte[] kdump = Files.readAllBytes(dir.resolve("balloon-vmcore.kdump"));
        InputReport flat = new Carver(Carver.Options.defaults()).carve("flattened",
                Images.open(ringtool.core.bytes.ByteSource.of(ImageWriters.flatten(kdump, 1 << 20)), false));
        assertEquals("kdump-flattened", flat.container());
        assertEquals(report.rings().stream().map(r -> r.carve().toString()).toList(),
                flat.rings().stream().map(r -> r.carve().toString()).toList());
    }
}
