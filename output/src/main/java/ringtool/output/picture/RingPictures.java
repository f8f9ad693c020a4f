package ringtool.output.picture;

import java.io.PrintWriter;
import java.util.List;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Severity;

/**
 * Pictures of rings for {@code --format svg} and {@code --format html}: the rings of one input two to a row (a
 * uio pair side by side, outbound left), then a legend. Colours are the Okabe-Ito palette, distinguishable with
 * the common colour-vision deficiencies; severity also has a shape, and every element carries a title (a tooltip
 * in a browser) saying what it is, so nothing depends on colour alone.
 */
public final class RingPictures {

    private static final int PER_ROW = 2;
    private static final double MARGIN = 8;
    private static final double LEGEND_H = 62;

    /** The styles, shared by a standalone SVG and the HTML report (where they go in the head, once). */
    public static final String CSS = String.join("\n",
            ".free{fill:#ffffff}",
            ".outline{fill:none;stroke:#222222;stroke-width:1}",
            ".pending{fill:#fbe9a6}",
            ".unknown{fill:url(#rt-hatch)}",
            ".stop{stroke:#D55E00;stroke-width:2;stroke-dasharray:3 2}",
            ".t-inband{fill:#0072B2}",
            ".t-xfer{fill:#E69F00}",
            ".t-gpa{fill:#009E73}",
            ".t-comp{fill:#CC79A7}",
            ".t-other{fill:#56B4E9}",
            ".packet{stroke:#ffffff;stroke-width:0.5}",
            ".merged{stroke:none}",
            ".consumed{fill-opacity:0.35}",
            ".sev-error{fill:#D55E00}",
            ".sev-warning{fill:#F0E442;stroke:#333333;stroke-width:0.8}",
            ".sev-note{fill:#56B4E9;stroke:#333333;stroke-width:0.6}",
            ".index-read,.index-write{fill:#000000}",
            ".index-start{fill:#0072B2}",
            ".index-model{fill:#CC79A7;stroke:#333333;stroke-width:0.6}",
            ".leader{stroke:#777777;stroke-width:0.6;fill:none}",
            "text{fill:#111111}",
            "text.title{font-weight:bold;font-size:13px}",
            "text.small{font-size:10px;fill:#444444}",
            "text.label,text.legend{font-size:11px}",
            "text.fact{font-size:11px;font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace}",
            "text.none{font-size:12px;fill:#666666}");

    /** The hatch of unknown bytes; defined once per document (an id must be unique in an HTML page). */
    public static final String DEFS = "<defs><pattern id=\"rt-hatch\" width=\"6\" height=\"6\""
            + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\""
            + " fill=\"#e4e4e4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a8a\" stroke-width=\"2\"/>"
            + "</pattern></defs>\n";

    private RingPictures() {
    }

    /**
     * Draws the rings as one SVG element.
     *
     * @param standalone a document of its own (namespace, styles and the hatch inside); else an element inline in
     *                   the HTML report, which carries {@link #CSS} and {@link #DEFS} once
     */
    public static void draw(PrintWriter out, String label, List<RingReport> rings, boolean standalone) {
        Svg svg = new Svg(out);
        int n = Math.max(rings.size(), 1);
        int columns = Math.min(n, PER_ROW);
        double[] rowHeights = new double[(n + PER_ROW - 1) / PER_ROW];
        RingPicture[] pictures = new RingPicture[rings.size()];
        for (int i = 0; i < rings.size(); i++) {
            pictures[i] = new RingPicture(rings.get(i));
            rowHeights[i / PER_ROW] = Math.max(rowHeights[i / PER_ROW], pictures[i].height());
        }
        double height = MARGIN;
        for (double h : rowHeights) {
            height += h;
        }
        if (rings.isEmpty()) {
            height += 40;
        }
        double width = columns * RingPicture.WIDTH + 2 * MARGIN;
        svg.open(width, height + LEGEND_H, standalone, label);
        if (standalone) {
            svg.raw("<style>\n" + CSS + "\n</style>\n" + DEFS);
        }
        svg.raw("<title>" + Svg.escape(label) + "</title>\n");
        if (rings.isEmpty()) {
            svg.text(MARGIN + 20, MARGIN + 24, "start", "none", "no ring to draw");
        }
        double y = MARGIN;
        for (int i = 0; i < pictures.length; i++) {
            if (i > 0 && i % PER_ROW == 0) {
                y += rowHeights[i / PER_ROW - 1];
            }
            pictures[i].draw(svg, MARGIN + (i % PER_ROW) * RingPicture.WIDTH, y);
        }
        legend(svg, MARGIN + RingPicture.BAND_X, height + 4);
        svg.close();
    }

    /** A standalone SVG document of these rings: what {@code --format svg -o DIR} writes for each ring. */
    public static void document(PrintWriter out, String label, List<RingReport> rings) {
        out.print(PROLOG);
        draw(out, label, rings, true);
    }

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** A standalone SVG document for one input: what {@code --format svg} writes. */
    public static void document(PrintWriter out, InputReport report) {
        if (report.error() != null) {
            out.print(PROLOG);
            Svg svg = new Svg(out);
            svg.open(760, 48, true, report.source());
            svg.text(MARGIN, 28, "start", null, report.source() + ": cannot be processed: " + report.error());
            svg.close();
            return;
        }
        document(out, label(report), report.rings());
    }

    /** Text as XML and HTML take it; characters XML 1.0 forbids become U+FFFD. */
    public static String escape(String text) {
        return Svg.escape(text);
    }

    public static String label(InputReport report) {
        return report.source() + ": layout " + report.layout() + ", " + report.rings().size()
                + (report.rings().size() == 1 ? " ring" : " rings");
    }

    /** Three rows (packet types, areas, markers), each narrower than one panel. */
    private static void legend(Svg svg, double x, double y) {
        svg.group("legend", "legend");
        String[][] types = {{"t-inband packet", "DATA_INBAND"}, {"t-xfer packet", "XFER_PAGES"},
            {"t-gpa packet", "GPA_DIRECT"}, {"t-comp packet", "COMP"}, {"t-other packet", "other type"}};
        String[][] areas = {{"t-inband consumed", "consumed (--history)"}, {"pending", "pending"},
            {"free", "free"}, {"unknown", "unknown: after the walk stopped"}};
        double cx = x;
        for (String[][] row : new String[][][] {types, areas}) {
            for (String[] s : row) {
                svg.rect(cx, y, 14, 12, s[0], null, null);
                svg.rect(cx, y, 14, 12, "outline", null, null);
                cx = legendText(svg, cx + 18, y + 10, s[1]);
            }
            cx = x;
            y += 18;
        }
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            RingPicture.marker(svg, s, cx + 6, y - 2, null);
            cx = legendText(svg, cx + 16, y + 10, s.id());
        }
        for (String[] i : new String[][] {{"index-read", "read / write index"}, {"index-start", "walk start"}}) {
            svg.polygon(new double[] {cx + 6, y, cx + 12, y + 12, cx, y + 12}, i[0], null, null);
            cx = legendText(svg, cx + 16, y + 10, i[1]);
        }
        svg.polygon(new double[] {cx + 5, y, cx + 10, y + 6, cx + 5, y + 12, cx, y + 6}, "index-model", null, null);
        legendText(svg, cx + 16, y + 10, "model cursor");
        svg.endGroup();
    }

    /** Writes a legend label and returns where the next entry starts (about 6.5 px a character at 11 px). */
    private static double legendText(Svg svg, double x, double y, String text) {
        svg.text(x, y, "start", "legend", text);
        return x + 6.5 * text.length() + 16;
    }
}
