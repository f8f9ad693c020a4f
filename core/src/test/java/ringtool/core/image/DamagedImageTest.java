package ringtool.core.image;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ringtool.core.carve.Carver;
import ringtool.core.report.InputReport;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

/**
 * Headers, bitmaps, descriptors and program headers overwritten at random: every damaged image is either refused
 * with a {@link InputException} or carved into a report, never an exception escaping, never a hang.
 */
class DamagedImageTest {

    private static byte[] small(int kind) {
        GuestMemory m = new GuestMemory(320).ram(0, 320).noise(5, 4);
        m.plant(0x40000, PlantedImages.outbound()).plant(0x45000, PlantedImages.inbound());
        m.exclude(300);
        return switch (kind) {
            case 0 -> ImageWriters.kdump(m, true, 6, ImageWriters.Codec.ZLIB, new BitSet());
            case 1 -> ImageWriters.kdump(m, false, 1, ImageWriters.Codec.LZO, new BitSet());
            case 2 -> ImageWriters.elf(m, true, true);
            default -> ImageWriters.flatten(ImageWriters.kdump(m, true, 6, ImageWriters.Codec.ZSTD, new BitSet()),
                    4096);
        };
    }

    @Test
    void damagedContainersAreRefusedOrCarvedNeverThrown() {
        Random random = new Random(2026);
        for (int kind = 0; kind < 4; kind++) {
            byte[] pristine = small(kind);
            for (int round = 0; round < 60; round++) {
                byte[] image = pristine.clone();
                int hits = 1 + random.nextInt(8);
                for (int h = 0; h < hits; h++) {
                    // Mostly the metadata at the front (headers, bitmaps, descriptors), sometimes anywhere.
                    int span = random.nextInt(4) == 0 ? image.length : Math.min(image.length, 5 * 4096 + 2048);
                    image[random.nextInt(span)] = (byte) random.nextInt(256);
                }
                try {
                    PhysicalMemory mem = Images.open(ByteSource.of(image), false);
                    InputReport report = new Carver(Carver.Options.defaults()).carve("damaged", mem);
                    assertNotNull(report.decision());
                    report.rings().forEach(r -> r.summary());
                } catch (InputException expected) {
                    assertNotNull(expected.getMessage());
                }
            }
        }
    }
}
