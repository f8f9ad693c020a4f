package ringtool.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.bytes.FileByteSource;
import ringtool.core.model.Models;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.InputFiles;
import ringtool.core.testing.RingFiles;
import ringtool.core.walk.Packet;

/**
 * The memory an input takes is the block cache's, whatever the ring's size and however it is walked: forwards, back
 * through the consumed packets, once per reader model. Counted in bytes cached and blocks read, not in RSS, so that
 * the bound is exact and the test cannot flake.
 */
class BoundedReadTest {

    private static final int PAYLOAD = 40;

    @TempDir
    Path dir;

    @Test
    void everyWalkOfARingSixteenTimesTheCacheHoldsAtMostTheCacheAndReadsEachBlockOncePerWalk() throws Exception {
        Path file = dir.resolve("ring.bin");
        long dataSize = 16L * FileByteSource.MAX_CACHED;
        long footprint = RingFiles.footprint(PAYLOAD);
        long packets = dataSize / footprint - 1;
        RingFiles.inband(file, dataSize, packets, PAYLOAD);
        long readIndex = footprint * (packets / 2);
        FileByteSource src = assertInstanceOf(FileByteSource.class, InputFiles.open(file));
        Inspector inspector = new Inspector(FramingOptions.defaults(), readIndex,
                Models.expand(List.of(Models.ALL), Models.PKT_BUFFER_PRESETS.get("default")), true);
        InputReport report = inspector.inspect("ring.bin", src);
        assertNull(report.error());
        RingReport ring = report.rings().get(0);

        long walked = 0;
        for (Packet p : ring.packets()) {
            walked++;
        }
        List<String> findings = new java.util.ArrayList<>();
        for (Finding f : ring.findings()) {
            findings.add(f.rule().id() + ": " + f.message());
        }
        assertEquals(packets - packets / 2, walked);
        assertEquals(List.of(), findings);
        assertEquals(packets / 2, ring.consumed().packets().size());
        assertEquals(Models.NAMES.size(), ring.modelResults().size());
        assertEquals(packets - packets / 2, ring.summary().packets());

        long blocks = (src.size() + src.blockSize() - 1) / src.blockSize();
        // Each walk covers half the ring (forwards from the read index, or back from it) and reads each of its blocks
        // once: a cache that thrashed would read a block per packet, tens of thousands.
        long walks = Models.NAMES.size() + 4;
        assertTrue(src.loads() <= walks * blocks, src.loads() + " blocks read, " + blocks + " in the file");
    }
}
