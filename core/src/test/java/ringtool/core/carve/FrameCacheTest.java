package ringtool.core.carve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.image.RawImage;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;

/**
 * A carve's reported rings read their bytes through one cache for the whole image, so what they hold until the
 * report is written does not grow with the number of rings found.
 */
class FrameCacheTest {

    private static final int PAIRS = 100;

    @Test
    void aHundredRingPairsReadWholeAfterTheCarveHoldSixtyFourFramesBetweenThem() throws IOException {
        byte[] pair = Files.readAllBytes(Path.of("../samples/balloon-uio-pair.bin"));
        byte[] image = new byte[PAIRS * pair.length];
        for (int i = 0; i < PAIRS; i++) {
            System.arraycopy(pair, 0, image, i * pair.length, pair.length);
        }
        InputReport report = new Carver(Carver.Options.defaults()).carve("image", new RawImage(ByteSource.of(image)));
        assertEquals(2 * PAIRS, report.rings().size());
        Map<FrameCache, Integer> caches = new IdentityHashMap<>();
        for (RingReport r : report.rings()) {
            r.summary();
            // Every frame of the data area, read back through the shared cache: the sample's bytes.
            byte[] data = new byte[(int) r.dataSize()];
            r.snapshot().data().copy(0, data, 0, data.length);
            int at = (int) (r.carve().physicalAddress() % pair.length + r.headerSize());
            assertArrayEquals(Arrays.copyOfRange(pair, at, at + data.length), data, r.name());
            LazyFrames frames = assertInstanceOf(LazyFrames.class, r.snapshot().data().base());
            caches.merge(frames.cache(), 1, Integer::sum);
        }
        assertEquals(1, caches.size(), "one cache for all rings");
        FrameCache cache = caches.keySet().iterator().next();
        assertEquals(FrameCache.MAX_CACHED, cache.maxBlocks());
    }
}
