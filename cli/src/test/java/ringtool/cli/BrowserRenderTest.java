package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: headless Chromium renders it to a PNG, and the pixels must be where the
 * ring puts them. The band is found by the colour of its first packet (DATA_INBAND, #0072B2, at offset 0 in both
 * reports); everything else is measured from there at 720 pixels for the data area.
 *
 * <p>Chromium comes from Debian's package, which {@code .ci/run} installs. Without it the test is skipped with a
 * message on a developer's machine and fails under CI, so that a missing browser never passes silently.
 */
class BrowserRenderTest {

    private static final int BLUE = 0x0072B2;
    private static final int VERMILLION = 0xD55E00;
    private static final double BAND_W = 720;

    private static Path chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                chromium = Path.of(candidate);
                return;
            }
        }
        String message = "headless Chromium is not installed (apt-get install chromium; .ci/run does it)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private BufferedImage render(String... inspectArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--format", "html", "--fail-on", "never"));
        args.addAll(List.of(inspectArgs));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        Path html = tmp.resolve("report.html");
        Files.writeString(html, run.out(), StandardCharsets.UTF_8);
        Path png = tmp.resolve("report.png");
        // The flags a sandboxed root user with no network needs; a profile of its own for every run.
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1600,1000", "--screenshot=" + png,
                html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        assertTrue(Files.size(png) > 0, "no screenshot: " + Files.readString(tmp.resolve("chromium.log")));
        return ImageIO.read(new File(png.toString()));
    }

    /**
     * The bounding box of the pixels of exactly this colour within the columns [fromX, toX), in the band that holds
     * the topmost of them (36 pixels high): the legend and the walk-start marker below use the colour too.
     */
    private static Rectangle box(BufferedImage img, int rgb, int fromX, int toX) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < img.getHeight() && y <= (minY == Integer.MAX_VALUE ? y : minY + 35); y++) {
            for (int x = Math.max(0, fromX); x < Math.min(img.getWidth(), toX); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(maxX >= 0, "no pixel of colour #" + Integer.toHexString(rgb));
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static boolean any(BufferedImage img, int x0, int x1, int y0, int y1, java.util.function.IntPredicate rgb) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (rgb.test(img.getRGB(x, y) & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean black(int rgb) {
        return rgb == 0;
    }

    /** The hatch of unknown bytes: greys between its two shades. */
    private static boolean hatch(int rgb) {
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return r == g && g == b && r >= 0x80 && r <= 0xE8;
    }

    @Test
    void aBrokenDescriptorShowsWhereTheWalkStoppedAndTheUnknownBytesAfterIt() throws Exception {
        // bad-chain-overrun: packet 0 at 0x0..0x58, then a len8 reaching past the write index 0xa0.
        BufferedImage img = render("../samples/bad-chain-overrun.bin");
        Rectangle packet = box(img, BLUE, 0, img.getWidth());
        double scale = BAND_W / 4096;
        int left = packet.x;
        int mid = packet.y + packet.height / 2;
        assertEquals(0x58 * scale, packet.width, 1.5, "packet 0 spans 0x0..0x58");
        int unknownX = (int) Math.round(left + (0x58 + 0xa0) / 2.0 * scale);
        assertTrue(any(img, unknownX - 1, unknownX + 1, mid - 2, mid + 2, BrowserRenderTest::hatch),
                "hatched unknown bytes between the stop and the write index");
        int stopX = (int) Math.round(left + 0x58 * scale);
        assertTrue(any(img, stopX - 3, stopX + 3, packet.y - 32, packet.y - 6, rgb -> rgb == VERMILLION),
                "the error marker above the stop");
        int below = packet.y + packet.height + 2;
        assertTrue(any(img, left - 2, left + 2, below, below + 12, BrowserRenderTest::black), "read index at 0x0");
        int writeX = (int) Math.round(left + 0xa0 * scale);
        assertTrue(any(img, writeX - 2, writeX + 2, below, below + 12, BrowserRenderTest::black),
                "write index at 0xa0");
        assertTrue(!any(img, writeX + 6, writeX + 40, below, below + 12, BrowserRenderTest::black),
                "no index marker beyond the write index");
    }

    @Test
    void theRealCapturesIndicesSitWhereItsRingsSayAndThePairIsSideBySide() throws Exception {
        BufferedImage img = render("--read-index", "0", "../samples/balloon-uio-pair.bin");
        // Outbound: 29 packets from 0 to the write index 0x7f8 of 16384 bytes.
        Rectangle outbound = box(img, BLUE, 0, 800);
        double scale = BAND_W / 16384;
        int left = outbound.x;
        // Packets of 3 pixels with white edges: the last pure blue column lies within a packet of the end.
        double end = 0x7f8 * scale;
        assertTrue(outbound.width <= end + 1 && outbound.width >= end - 6, "the outbound packets end at 0x7f8, "
                + outbound.width + " pixels on");
        int below = outbound.y + outbound.height + 2;
        int indexX = (int) Math.round(left + 0x7f8 * scale);
        assertTrue(any(img, indexX - 2, indexX + 2, below, below + 12, BrowserRenderTest::black),
                "read = write index 0x7f8 on the outbound ring");
        // Inbound: the panel to the right, 760 pixels on; its 3 packets end at 0x78.
        Rectangle inbound = box(img, BLUE, left + 700, img.getWidth());
        assertEquals(left + 760, inbound.x, 1.5, "the inbound ring beside the outbound one");
        int inboundIndexX = (int) Math.round(inbound.x + 0x78 * scale);
        assertTrue(any(img, inboundIndexX - 2, inboundIndexX + 2, below, below + 12, BrowserRenderTest::black),
                "read = write index 0x78 on the inbound ring");
    }
}
