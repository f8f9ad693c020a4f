package ringtool.output.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import ringtool.core.bytes.ByteSource;
import ringtool.core.inspect.Inspector;
import ringtool.core.model.Models;
import ringtool.core.report.InputReport;
import ringtool.core.source.FramingOptions;
import ringtool.core.synth.RingWriter;

/**
 * The picture follows the ring: every test draws a ring it built, parses the SVG as XML and finds each element
 * where the ring puts it. A panel's band starts at x = 8 (margin) + 20 and is 720 wide, so offset {@code o} of a
 * data area of {@code n} bytes is at {@code 28 + o * 720 / n}.
 */
class RingPictureTest {

    private static final double BAND_LEFT = 28;

    private static double x(long offset, long size) {
        return BAND_LEFT + offset * 720.0 / size;
    }

    private static Document draw(InputReport report) throws Exception {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            RingPictures.document(out, report);
        }
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The elements of the ring panels that match, leaving out the legend's samples of them. */
    private static List<Element> all(Document d, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                xpath + "[not(ancestor::*[@class='legend'])]", d, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String title(Element e) {
        return e.getElementsByTagName("title").item(0).getTextContent();
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The tip of an index marker's triangle: its first point. */
    private static double tip(Element polygon) {
        return Double.parseDouble(polygon.getAttribute("points").split("[ ,]")[0]);
    }

    private static InputReport inspect(byte[] ring) {
        return Inspector.defaults().inspect("ring.bin", ByteSource.of(ring));
    }

    @Test
    void packetsAreSegmentsToScaleColouredByType() throws Exception {
        byte[] ring = new RingWriter(4096).startAt(0).inband(1, new byte[100])
                .packet(7, 0, 2, new byte[16], new byte[8]).packet(11, 0, 3, new byte[0], new byte[40]).build();
        Document d = draw(inspect(ring));
        List<Element> packets = all(d, "//rect[contains(@class,'packet')]");
        assertEquals(3, packets.size());
        // footprints: 16 + 100 -> 120, trailer 8 = 128; 16 + 16 + 8 = 40 + 8 = 48; 16 + 40 + 8 = 64
        long[][] expected = {{0, 128}, {128, 48}, {176, 64}};
        String[] classes = {"t-inband packet", "t-xfer packet", "t-comp packet"};
        for (int i = 0; i < 3; i++) {
            Element r = packets.get(i);
            assertEquals(x(expected[i][0], 4096), num(r, "x"), 0.01);
            assertEquals(expected[i][1] * 720.0 / 4096, num(r, "width"), 0.01);
            assertEquals(classes[i], r.getAttribute("class"));
        }
        assertEquals("packet 1: DATA_USING_XFER_PAGES at 0x80", title(packets.get(1)));
    }

    @Test
    void aPacketThatWrapsIsDrawnAsTwoPieces() throws Exception {
        byte[] ring = new RingWriter(4096).startAt(4096 - 24).inband(1, new byte[16]).build();
        Document d = draw(inspect(ring));
        List<Element> pieces = all(d, "//rect[contains(@class,'packet')]");
        assertEquals(2, pieces.size());
        assertEquals("packet 0: DATA_INBAND at 0xfe8, wraps: piece 1 of 2", title(pieces.get(0)));
        assertEquals(x(4096 - 24, 4096), num(pieces.get(0), "x"), 0.01);
        assertEquals(x(4096, 4096), num(pieces.get(0), "x") + num(pieces.get(0), "width"), 0.01);
        assertEquals("packet 0: DATA_INBAND at 0x0, wraps: piece 2 of 2", title(pieces.get(1)));
        assertEquals(BAND_LEFT, num(pieces.get(1), "x"), 0.01);
        assertEquals(16 * 720.0 / 4096, num(pieces.get(1), "width"), 0.01);
    }

    @Test
    void readWriteAndTheWalkStartAreMarkedWhereTheyAre() throws Exception {
        byte[] ring = new RingWriter(8192).startAt(0x100).inband(1, new byte[8]).inband(2, new byte[8])
                .readIndex(0x128).build();
        InputReport report = new Inspector(FramingOptions.defaults(), 0x100L).inspect("ring.bin",
                ByteSource.of(ring));
        Document d = draw(report);
        Element read = all(d, "//polygon[@class='index-read']").get(0);
        Element write = all(d, "//polygon[@class='index-write']").get(0);
        Element start = all(d, "//polygon[@class='index-start']").get(0);
        assertEquals(x(0x128, 8192), tip(read), 0.01);
        assertEquals(x(0x140, 8192), tip(write), 0.01);
        assertEquals(x(0x100, 8192), tip(start), 0.01);
        assertEquals("read_index 0x128", title(read));
        assertEquals("walk start (--read-index) 0x100", title(start));
        Element pending = all(d, "//rect[@class='pending']").get(0);
        assertEquals(x(0x100, 8192), num(pending, "x"), 0.01);
        assertEquals("pending: 64 bytes from 0x100 to the write index 0x140", title(pending));
    }

    @Test
    void anIndexBeyondTheDataAreaIsMarkedAtTheEndAndSaysSo() throws Exception {
        byte[] ring = new RingWriter(4096).writeIndex(0x2000).build();
        Document d = draw(inspect(ring));
        Element write = all(d, "//polygon[@class='index-write']").get(0);
        assertEquals(x(4096, 4096), tip(write), 0.01);
        assertEquals("write_index 0x2000 (out of range: beyond the data area)", title(write));
    }

    @Test
    void findingsAreMarkedAtTheirOffsetsBySeverityAndShape() throws Exception {
        RingWriter w = new RingWriter(4096).startAt(0).inband(1, new byte[8]);
        w.putU64(24, 0x1234L << 32);
        Document d = draw(inspect(w.build()));
        List<Element> warnings = all(d, "//polygon[@class='sev-warning']");
        assertEquals(1, warnings.size());
        double[] p = java.util.Arrays.stream(warnings.get(0).getAttribute("points").split("[ ,]"))
                .mapToDouble(Double::parseDouble).toArray();
        // A diamond centred on the pixel column of the trailer at 0x18.
        assertEquals(Math.floor(24 * 720.0 / 4096) + BAND_LEFT + 0.5, p[0], 0.01);
        assertTrue(title(warnings.get(0)).startsWith("warning pkt.trailer.mismatch at 0x18: trailer at 0x18"),
                title(warnings.get(0)));
        assertEquals(0, all(d, "//polygon[@class='sev-error']").size());
    }

    @Test
    void bytesAfterADescriptorTheWalkWouldNotTrustAreUnknown() throws Exception {
        RingWriter w = new RingWriter(4096).startAt(0).inband(1, new byte[8]).inband(2, new byte[8])
                .inband(3, new byte[8]);
        w.putU16(32 + 4, 0); // packet 1's len8
        Document d = draw(inspect(w.build()));
        assertEquals(1, all(d, "//rect[contains(@class,'packet')]").size());
        Element unknown = all(d, "//rect[@class='unknown']").get(0);
        assertEquals(x(32, 4096), num(unknown, "x"), 0.01);
        assertEquals(64 * 720.0 / 4096, num(unknown, "width"), 0.01);
        assertEquals("unknown: the walk stopped at 0x20, 64 bytes before the write index 0x60", title(unknown));
        Element stop = all(d, "//line[@class='stop']").get(0);
        assertEquals(x(32, 4096), num(stop, "x1"), 0.01);
        assertEquals(1, all(d, "//polygon[@class='sev-error']").size());
    }

    @Test
    void consumedPacketsBehindTheReadIndexAreDrawnLighter() throws Exception {
        byte[] ring = new RingWriter(4096).startAt(0).inband(1, new byte[8]).inband(2, new byte[8])
                .readIndex(64).writeIndex(64).build();
        InputReport report = new Inspector(FramingOptions.defaults(), null, List.of(), true)
                .inspect("ring.bin", ByteSource.of(ring));
        Document d = draw(report);
        List<Element> consumed = all(d, "//rect[contains(@class,'consumed')]");
        assertEquals(2, consumed.size());
        assertEquals("consumed packet -2: DATA_INBAND at 0x0", title(consumed.get(0)));
        assertEquals(0, all(d, "//rect[contains(@class,' packet')]").size());
    }

    @Test
    void aModelThatGoesItsOwnWayIsMarkedAtItsCursor() throws Exception {
        // len8 beyond the available bytes: linux-5.14 clamps it and lands inside the ring where no packet starts.
        RingWriter w = new RingWriter(4096).startAt(0).inband(1, new byte[8]).inband(2, new byte[8]);
        w.putU16(4, 8);
        InputReport report = new Inspector(FramingOptions.defaults(), null, Models.expand(List.of("linux-5.14"),
                ringtool.core.model.Linux514Model.DEFAULT_PKT_BUFFER_SIZE), false).inspect("ring.bin", ByteSource.of(w.build()));
        Document d = draw(report);
        List<Element> models = all(d, "//polygon[@class='index-model']");
        assertEquals(1, models.size());
        assertTrue(title(models.get(0)).startsWith("model linux-5.14: "), title(models.get(0)));
    }

    @Test
    void aRingOfAMillionPacketsGivesASmallPicture() throws Exception {
        int size = 16 << 20;
        RingWriter w = new RingWriter(size).startAt(0);
        long packets = 0;
        while (w.cursor() + 24 < size - 24) {
            w.inband(packets++);
        }
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            RingPictures.document(out, inspect(w.build()));
        }
        assertTrue(packets > 690_000, "packets " + packets);
        int rects = s.toString().split("<rect", -1).length - 1;
        assertTrue(rects <= 2 * 720 + 40, "rects " + rects);
        assertTrue(s.getBuffer().length() < 400_000, "bytes " + s.getBuffer().length());
        assertTrue(s.toString().contains("packets 0 to "), "merged segments say which packets they hold");
    }

    @Test
    void hostileNamesAndMessagesCannotBreakTheDocument() throws Exception {
        byte[] ring = new RingWriter(4096).startAt(0).inband(1, new byte[8]).build();
        String source = "a<b>&\"c'\u0001\u001b[31m\ud800.bin";
        InputReport report = Inspector.defaults().inspect(source, ByteSource.of(ring));
        Document d = draw(report);
        String label = d.getDocumentElement().getAttribute("aria-label");
        assertEquals("a<b>&\"c'\ufffd\ufffd[31m\ufffd.bin: layout single, 1 ring", label);
    }

    @Test
    void theRealCapturesPairIsDrawnSideBySide() throws Exception {
        Path sample = Path.of("..", "samples", "balloon-uio-pair.bin");
        InputReport report = new Inspector(FramingOptions.defaults(), 0L)
                .inspect("balloon-uio-pair.bin", ByteSource.of(Files.readAllBytes(sample)));
        Document d = draw(report);
        List<Element> titles = all(d, "//text[@class='title']");
        assertEquals(2, titles.size());
        assertEquals(Map.of("outbound", 28.0, "inbound", 788.0), Map.of(
                titles.get(0).getTextContent().substring(1, 9), num(titles.get(0), "x"),
                titles.get(1).getTextContent().substring(1, 8), num(titles.get(1), "x")));
        // 29 consumed-looking packets from offset 0 on the outbound ring, 3 on the inbound one (--read-index 0).
        assertEquals(32, all(d, "//rect[contains(@class,'packet')]").size());
    }
}
