package ringtool.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.io.output.NullWriter;
import org.xml.sax.helpers.DefaultHandler;
import ringtool.core.report.InputReport;
import ringtool.core.rules.Severity;
import ringtool.output.Format;
import ringtool.output.ReportWriter;
import ringtool.output.RunTotals;
import ringtool.output.TextOptions;
import ringtool.output.Utf8Output;

/** The writers' promises about any report: they do not throw, and what they write parses as what it claims. */
final class WriterChecks {

    private static final JsonFactory JSON = new JsonFactory();

    private WriterChecks() {
    }

    /**
     * The chosen writers run on the report: JSON must parse as one document listing as many packets as the summary
     * counts, each JSONL line must be one object, SARIF must parse as one document, SVG as well-formed XML, and HTML
     * must be one whole document whose pictures are well-formed XML. JSON, JSONL and SARIF go through
     * {@link Utf8Output} into bytes, as the CLI writes them to standard output.
     */
    static void check(InputReport report, Set<Format> formats, TextOptions text) {
        int exit = report.exitCode(Severity.ERROR);
        RunTotals totals = new RunTotals();
        totals.add(report);
        Sink sink = SINK.get();
        // A writer that threw on the last input may have left part of its document behind.
        sink.clear();
        long packets = report.summary().packets();
        try {
            for (Format format : formats) {
                if (format == Format.TEXT) {
                    write(format.writer(TEXT_SINK, text), report, totals, exit);
                    continue;
                }
                write(format.writer(sink.out, text), report, totals, exit);
                byte[] written = sink.take();
                if (format == Format.JSONL) {
                    checkJsonLines(written);
                    continue;
                }
                if (format == Format.SVG) {
                    checkXml(written, 0, written.length, "SVG");
                    continue;
                }
                if (format == Format.HTML) {
                    checkHtml(written);
                    continue;
                }
                long listed = countPackets(written);
                if (format == Format.JSON && listed != packets) {
                    throw new InvariantViolation("JSON lists " + listed + " packets, the summary counts " + packets);
                }
            }
        } catch (IOException e) {
            throw new InvariantViolation("writer output does not parse as JSON: " + e.getMessage(), e);
        }
    }

    private static final PrintWriter TEXT_SINK = new PrintWriter(NullWriter.INSTANCE);
    private static final ThreadLocal<Sink> SINK = ThreadLocal.withInitial(Sink::new);

    /** One writer's output, kept per thread: the buffers behind a {@link Utf8Output} cost more than a small report. */
    private static final class Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
        final Utf8Output out = Utf8Output.of(bytes, 1 << 13);

        void clear() {
            out.flush();
            bytes.reset();
        }

        /** What the last writer wrote, leaving the sink empty for the next. */
        byte[] take() {
            out.flush();
            byte[] written = bytes.toByteArray();
            bytes.reset();
            return written;
        }
    }

    private static final SAXParserFactory XML = xmlFactory();

    private static SAXParserFactory xmlFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            // The writers never write a DOCTYPE; refusing one also keeps entity expansion out of the harness.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes [from, to) are one well-formed XML document (a picture, whatever names and messages it holds). */
    private static void checkXml(byte[] doc, int from, int to, String what) {
        try {
            XML.newSAXParser().parse(new java.io.ByteArrayInputStream(doc, from, to - from), new DefaultHandler());
        } catch (org.xml.sax.SAXException | IOException | javax.xml.parsers.ParserConfigurationException e) {
            throw new InvariantViolation(what + " output is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** A whole HTML document whose every picture is well-formed SVG (an unescaped name would break one first). */
    private static void checkHtml(byte[] doc) {
        String text = new String(doc, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.startsWith("<!DOCTYPE html>\n") || !text.endsWith("</html>\n")) {
            throw new InvariantViolation("HTML output is not one whole document");
        }
        byte[] open = "<figure>\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] close = "</figure>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = 0;
        while ((at = indexOf(doc, open, at)) >= 0) {
            int start = at + open.length;
            int end = indexOf(doc, close, start);
            if (end < 0) {
                throw new InvariantViolation("HTML output has a figure that does not end");
            }
            checkXml(doc, start, end, "HTML's SVG");
            at = end;
        }
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Every line of JSONL output is one JSON object. One parser reads the root values one after another (a parser
     * per line cost more than the rest of the harness), and their count must be the count of lines.
     */
    private static void checkJsonLines(byte[] text) throws IOException {
        long lines = 0;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
            }
        }
        if (text.length > 0 && text[text.length - 1] != '\n') {
            throw new InvariantViolation("JSONL output does not end with a newline");
        }
        long values = 0;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new InvariantViolation("JSONL record " + values + " is not an object but " + t);
                }
                p.skipChildren();
                values++;
            }
        }
        if (values != lines) {
            throw new InvariantViolation("JSONL output has " + lines + " lines but " + values + " records");
        }
    }

    /**
     * Parses a whole document (streaming: no tree), which must be one object, and counts the elements of every
     * {@code packets} array that is not inside another (the rings' packets; consumed ones are under {@code consumed}).
     */
    private static long countPackets(byte[] doc) throws IOException {
        long count = 0;
        try (JsonParser p = JSON.createParser(doc)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvariantViolation("the document does not start with an object");
            }
            int packetsDepth = -1;
            int depth = 1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (depth == 0) {
                    throw new InvariantViolation("the document goes on after its object: " + t);
                }
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    if (t == JsonToken.START_OBJECT && depth == packetsDepth) {
                        count++;
                    }
                    if (t == JsonToken.START_ARRAY && "packets".equals(p.currentName()) && packetsDepth < 0) {
                        packetsDepth = depth + 1;
                    }
                    depth++;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    depth--;
                    if (depth + 1 == packetsDepth) {
                        packetsDepth = -1;
                    }
                }
            }
            if (depth != 0) {
                throw new InvariantViolation("JSON document ends at nesting depth " + depth);
            }
        }
        return count;
    }

    private static void write(ReportWriter w, InputReport report, RunTotals totals, int exit) {
        try {
            w.begin();
            w.input(report, exit);
            w.end(totals, exit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
