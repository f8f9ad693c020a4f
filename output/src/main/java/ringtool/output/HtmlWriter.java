package ringtool.output;

import static ringtool.core.rules.Finding.hex;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.IntSupplier;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.payload.ProtocolChoice;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.output.picture.RingPictures;

/**
 * {@code --format html}: one self-contained report for the run: per input the picture of its rings (inline SVG),
 * then per ring its packet table and findings; the command line that made it at the top. No script, no font or
 * style from anywhere else: it opens offline and as a mail attachment. Tables stop at {@code maxRows} rows per
 * ring (the picture and the counts still cover everything), so a ring of a million packets gives a page a browser
 * can open.
 */
public final class HtmlWriter implements ReportWriter {

    /** Rows per table when {@code -c} does not say. */
    public static final long DEFAULT_ROWS = 1000;

    private static final String CSS = String.join("\n",
            "body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:1.5em;color:#111111;background:#ffffff}",
            "h1{font-size:1.4em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #999999}",
            "h3{font-size:1.05em}code,td.n,td.m{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace}",
            "figure{margin:0.5em 0;overflow-x:auto}figure svg{max-width:none}",
            "table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}",
            "th,td{border:1px solid #bbbbbb;padding:2px 6px;text-align:left;vertical-align:top}",
            "th{background:#eeeeee}td.n{text-align:right}",
            "tr.error td.sev{color:#ffffff;background:#D55E00}tr.warning td.sev{background:#F0E442}",
            "tr.note td.sev{background:#cfe8f7}p.more{font-style:italic}",
            "svg.defs{position:absolute;width:0;height:0}",
            "@media print{figure{overflow:visible}}");

    private final PrintWriter out;
    private final String commandLine;
    private final long maxRows;

    /**
     * @param commandLine the run's command line, shown at the top (null: not shown)
     * @param maxRows     packet and finding rows per ring
     */
    public HtmlWriter(PrintWriter out, String commandLine, long maxRows) {
        this.out = out;
        this.commandLine = commandLine;
        this.maxRows = maxRows;
    }

    @Override
    public void begin() {
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>ringtool report</title>\n<style>\n" + CSS + "\n" + RingPictures.CSS + "\n</style>\n"
                + "</head>\n<body>\n<h1>ringtool report</h1>\n");
        if (commandLine != null) {
            out.print("<p>Made by <code>" + esc(commandLine) + "</code></p>\n");
        }
        // The hatch pattern of unknown bytes, defined once for every picture of the page.
        out.print("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\">" + RingPictures.DEFS
                + "</svg>\n");
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        out.print("<section>\n<h2>" + esc(report.source()) + "</h2>\n");
        if (report.error() != null) {
            out.print("<p>Cannot be processed: " + esc(report.error()) + " (exit " + exitCode.getAsInt()
                    + ")</p>\n</section>\n");
            out.flush();
            return;
        }
        out.print("<p>Layout " + esc(report.layout()) + (report.decision() == null ? ""
                : " (auto: " + esc(report.decision()) + ")") + "</p>\n<figure>\n");
        RingPictures.draw(out, RingPictures.label(report), report.rings(), false);
        out.print("</figure>\n");
        findings(report.findings(), "Findings about the input");
        for (RingReport ring : report.rings()) {
            ring(ring);
        }
        out.print("<p>" + esc(report.source()) + ": " + TextWriter.counts(report.summary()) + "; exit "
                + exitCode.getAsInt() + "</p>\n</section>\n");
        out.flush();
    }

    private void ring(RingReport r) {
        out.print("<h3>[" + esc(r.name()) + "] " + r.dataSize() + "-byte data area at file offset "
                + hex(r.fileOffset() + r.headerSize()) + "</h3>\n");
        ProtocolChoice protocol = r.protocol();
        out.print("<p>Payloads: " + esc(protocol.name()) + " (" + esc(protocol.decision()) + ")</p>\n");
        PayloadDecoder decoder = r.decoder();
        long shown = 0;
        long total = 0;
        for (Packet p : r.packets()) {
            total++;
            if (shown >= maxRows) {
                continue;
            }
            if (shown == 0) {
                out.print("<table>\n<caption>Packets from the read index to the write index</caption>\n<thead><tr>"
                        + "<th>#</th><th>offset</th><th>type</th><th>flags</th><th>transaction_id</th>"
                        + "<th>offset8</th><th>len8</th><th>payload</th><th>wraps</th><th>info</th></tr></thead>\n"
                        + "<tbody>\n");
            }
            shown++;
            var d = p.descriptor();
            out.print("<tr><td class=\"n\">" + p.index() + "</td><td class=\"m\">" + hex(p.offset()) + "</td><td>"
                    + p.typeName() + " (" + d.type() + ")</td><td class=\"m\">" + hex(d.flags())
                    + "</td><td class=\"n\">" + Long.toUnsignedString(d.transactionId()) + "</td><td class=\"n\">"
                    + d.offset8() + "</td><td class=\"n\">" + d.len8() + "</td><td class=\"n\">" + p.payloadLength()
                    + " @" + p.payloadOffset() + "</td><td>" + (p.wraps() ? "wraps" : "") + "</td><td>"
                    + info(decoder.decode(p).decoded()) + "</td></tr>\n");
        }
        if (shown > 0) {
            out.print("</tbody>\n</table>\n");
        } else {
            out.print("<p>No packets between the read index and the write index.</p>\n");
        }
        if (shown < total) {
            out.print("<p class=\"more\">" + (total - shown) + " more packets not shown (-c N shows N)</p>\n");
        }
        findings(r.findings(), "Findings of [" + r.name() + "]");
        out.print("<p>[" + esc(r.name()) + "] " + TextWriter.counts(r.summary()) + "</p>\n");
    }

    private void findings(Iterable<Finding> findings, String caption) {
        long shown = 0;
        long total = 0;
        for (Finding f : findings) {
            total++;
            if (shown >= maxRows) {
                continue;
            }
            if (shown == 0) {
                out.print("<table>\n<caption>" + esc(caption) + "</caption>\n<thead><tr><th>severity</th>"
                        + "<th>rule</th><th>offset</th><th>file offset</th><th>packet</th><th>message</th></tr>"
                        + "</thead>\n<tbody>\n");
            }
            shown++;
            out.print("<tr class=\"" + f.severity().id() + "\"><td class=\"sev\">" + f.severity().id()
                    + "</td><td><code>" + esc(f.rule().id()) + "</code></td><td class=\"m\">" + optHex(f.offset())
                    + "</td><td class=\"m\">" + optHex(f.fileOffset()) + "</td><td class=\"n\">"
                    + (f.packet() == null ? "" : f.packet()) + "</td><td>" + esc(f.message()) + "</td></tr>\n");
        }
        if (shown > 0) {
            out.print("</tbody>\n</table>\n");
        }
        if (shown < total) {
            out.print("<p class=\"more\">" + (total - shown) + " more findings not shown (-c N shows N)</p>\n");
        }
    }

    /** The payload's one-line summary (tshark's Info column), or nothing where no protocol decoded it. */
    private static String info(Decoded d) {
        return d == null ? "" : esc(d.info());
    }

    private static String optHex(Long v) {
        return v == null ? "" : hex(v);
    }

    @Override
    public void end(RunTotals run, int exitCode) {
        out.print("<h2>Run</h2>\n<p>" + run.inputs() + " inputs (" + run.failed() + " could not be processed): "
                + TextWriter.counts(run.summary()) + "; exit " + exitCode + "</p>\n</body>\n</html>\n");
        out.flush();
    }

    /** HTML text escaping, through the same XML-safe rules as the pictures. */
    static String esc(String s) {
        return RingPictures.escape(s);
    }
}
