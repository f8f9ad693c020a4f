package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code --format svg} and {@code --format html} on every shipped sample: the SVG parses as XML, the HTML report
 * is HTML5 by the Nu Html Checker; the options around them behave as their help says. (Where the pixels land is
 * {@code RingPictureTest}'s and {@code BrowserRenderTest}'s business.)
 */
class PicturesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path PICTURE = SAMPLES.resolve("pictures").resolve("balloon-uio-pair.svg");

    private static List<String> samples() throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            files.filter(p -> p.toString().endsWith(".bin")).sorted().forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySampleDrawsAsAnSvgDocumentThatParses() throws Exception {
        List<String> samples = samples();
        assertTrue(samples.size() > 30, "samples " + samples.size());
        for (String sample : samples) {
            CliRun run = CliRun.of("inspect", "--format", "svg", "--fail-on", "never", sample);
            assertEquals(0, run.exit(), sample + ": " + run.err());
            Document d = xml(run.out());
            assertEquals("svg", d.getDocumentElement().getTagName(), sample);
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getAttribute("xmlns"), sample);
        }
    }

    @Test
    void oneHtmlReportOfEverySampleIsValidHtml5() throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--format", "html", "--fail-on", "never",
                "--history", "--model", "all"));
        args.addAll(samples());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), Html5.problems(run.out()));
        assertTrue(run.out().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), run.out().substring(0, 40));
        assertTrue(run.out().contains("<p>Made by <code>ringtool inspect --format html --fail-on never --history"
                + " --model all ../samples/"), "the command line is in the report");
        assertTrue(run.out().contains("<p>Payloads: storvsc (auto: no class GUID; storvsc fits every packet (7): a"
                + " known message type and a size within the packet)</p>"), "the protocol and why");
        assertTrue(run.out().contains("<td>QUERY_PROTOCOL_VERSION 6.2</td></tr>"), "the payload's info column");
    }

    @Test
    void anInputThatCannotBeProcessedStillGetsItsSectionAndItsPicture() throws Exception {
        CliRun html = CliRun.of("inspect", "--format", "html", "no-such-file.bin");
        assertEquals(3, html.exit());
        assertEquals(List.of(), Html5.problems(html.out()));
        assertTrue(html.out().contains("<h2>no-such-file.bin</h2>\n<p>Cannot be processed: "), html.out());
        CliRun svg = CliRun.of("inspect", "--format", "svg", "no-such-file.bin");
        assertEquals(3, svg.exit());
        assertTrue(xml(svg.out()).getDocumentElement().getTextContent().strip().startsWith(
                "no-such-file.bin: cannot be processed: "), svg.out());
    }

    @Test
    void svgWithADirectoryWritesOnePicturePerRingAndPrintsWhere(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pictures");
        String pair = SAMPLES.resolve("balloon-uio-pair.bin").toString();
        CliRun run = CliRun.of("inspect", "--format", "svg", "-o", out.toString(), pair, pair);
        assertEquals(0, run.exit(), run.err());
        List<Path> expected = List.of(out.resolve("balloon-uio-pair.bin.outbound.svg"),
                out.resolve("balloon-uio-pair.bin.inbound.svg"), out.resolve("balloon-uio-pair.bin.outbound-2.svg"),
                out.resolve("balloon-uio-pair.bin.inbound-2.svg"));
        StringBuilder lines = new StringBuilder();
        for (Path p : expected) {
            lines.append(p).append('\n');
            assertEquals("svg", xml(Files.readString(p)).getDocumentElement().getTagName());
        }
        assertEquals(lines.toString(), run.out());
    }

    @Test
    void aDirectoryGoesOnlyWithSvg() {
        CliRun run = CliRun.of("inspect", "--format", "html", "-o", "x", "../samples/empty.bin");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("ringtool inspect: -o/--output-dir goes with --format svg (the other formats"
                + " write one stream to standard output)\n"), run.err());
    }

    @Test
    void carveDrawsEveryRingItFinds() throws Exception {
        CliRun run = CliRun.of("carve", "--raw", "--format", "html", "../samples/balloon-uio-pair.bin");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(), Html5.problems(run.out()));
        assertTrue(run.out().contains("<h3>[outbound] 16384-byte data area at file offset 0x1000</h3>")
                && run.out().contains("<h3>[inbound] 16384-byte data area at file offset 0x6000</h3>"), run.out());
    }

    @Test
    void sysfsHasNoPicture() {
        CliRun run = CliRun.of("sysfs", "--format", "svg", ".");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("ringtool sysfs: --format svg: sysfs writes text, json, jsonl or sarif"
                + " (pictures are of rings: inspect and carve draw them)\n"), run.err());
    }

    /** The README shows this picture of the real capture; samples/regenerate rewrites it. */
    @Test
    void theReadmesPictureOfTheRealCaptureIsCurrent() throws Exception {
        CliRun run = CliRun.of("inspect", "--format", "svg", "--read-index", "0", "--history",
                "../samples/balloon-uio-pair.bin");
        assertEquals(0, run.exit(), run.err());
        String picture = run.out().replace("../samples/", "samples/");
        if (Boolean.getBoolean("ringtool.update")) {
            Files.createDirectories(PICTURE.getParent());
            Files.writeString(PICTURE, picture, StandardCharsets.UTF_8);
        }
        assertEquals(picture, Files.readString(PICTURE, StandardCharsets.UTF_8),
                PICTURE + " is stale: run samples/regenerate");
    }
}
