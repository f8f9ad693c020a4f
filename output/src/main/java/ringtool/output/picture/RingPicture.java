package ringtool.output.picture;

import static ringtool.core.rules.Finding.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ringtool.core.format.PacketType;
import ringtool.core.model.EndReason;
import ringtool.core.model.ModelResult;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Severity;
import ringtool.core.walk.Packet;
import ringtool.output.TextWriter;

/**
 * One ring drawn to scale: its data area as a band from offset 0 (left) to the end of the data area (right, where
 * the writer wraps to 0), with what the walk found laid on it. Layout of a panel, top to bottom:
 *
 * <pre>
 *   y +  0  ring name, sizes, counts                          (TITLE_Y)
 *   y + 26  finding markers at their offsets, by severity     (MARK_Y .. MARK_Y + MARK_H)
 *   y + 48  the band: free, pending, packets, unknown bytes   (BAND_Y .. BAND_Y + BAND_H)
 *   y + 86  index markers: read, write, walk start, models    (INDEX_Y)
 *   y +110  index labels, one row each
 *   y +...  header facts, one line each
 * </pre>
 *
 * Everything is streamed from the report's lazy walks: packets narrower than a pixel are merged with their
 * neighbours into one segment, findings into one marker per pixel column and severity, so that a ring of a million
 * packets gives a picture of at most a few thousand elements (docs/glossary.md: data-area offsets).
 */
final class RingPicture {

    static final double WIDTH = 760;
    static final double BAND_X = 20;
    static final double BAND_W = 720;
    static final double TITLE_Y = 16;
    static final double MARK_Y = 26;
    static final double MARK_H = 16;
    static final double BAND_Y = 48;
    static final double BAND_H = 36;
    static final double INDEX_Y = BAND_Y + BAND_H + 2;
    static final double LABEL_Y = INDEX_Y + 24;
    static final double ROW = 14;
    static final double FACTS_GAP = 10;

    private static final int COLUMNS = (int) BAND_W;

    private final RingReport ring;
    private final long size;
    private final boolean drawable;

    RingPicture(RingReport ring) {
        this.ring = ring;
        this.size = ring.dataSize();
        this.drawable = size > 0;
    }

    /** The panel's height: the label rows and fact lines depend on what the ring has. */
    double height() {
        return factsTop() + facts().size() * ROW + FACTS_GAP;
    }

    private double factsTop() {
        return LABEL_Y + labelRows() * ROW + FACTS_GAP;
    }

    private int labelRows() {
        int rows = 2;
        if (walkStartDiffers()) {
            rows++;
        }
        return rows + divergingModels().size();
    }

    void draw(Svg svg, double x0, double y0) {
        svg.group("ring", "[" + ring.name() + "] ring at file offset " + hex(ring.fileOffset()) + ", data area of "
                + size + " bytes");
        svg.text(x0 + BAND_X, y0 + TITLE_Y, "start", "title", "[" + ring.name() + "] data area of " + size
                + " bytes at file offset " + hex(ring.fileOffset() + ring.headerSize()) + ": "
                + TextWriter.counts(ring.summary()));
        double bx = x0 + BAND_X;
        double by = y0 + BAND_Y;
        svg.rect(bx, by, BAND_W, BAND_H, "free", null, "free space: between the write index and the read index");
        if (!drawable) {
            svg.text(bx + BAND_W / 2, by + BAND_H / 2 + 4, "middle", "none", "no data area to draw");
        } else {
            pending(svg, bx, by);
            if (ring.hasHistory()) {
                segments(svg, bx, by, ring.consumed().packets(), true);
            }
            long end = segments(svg, bx, by, ring.packets(), false);
            unknown(svg, bx, by, end);
            svg.text(bx + BAND_W, by - 3, "end", "small", "wraps to 0 \u21ba");
        }
        svg.rect(bx, by, BAND_W, BAND_H, "outline", null, null);
        if (drawable) {
            findings(svg, bx, y0 + MARK_Y);
            indices(svg, bx, y0);
        }
        double y = y0 + factsTop();
        for (String line : facts()) {
            svg.text(bx, y, "start", "fact", line);
            y += ROW;
        }
        svg.endGroup();
    }

    private double x(double bx, long offset) {
        return bx + (double) offset * BAND_W / size;
    }

    private boolean inRange(long index) {
        return index >= 0 && index < size;
    }

    /** The bytes from the walk's start to the write index: what the reader has still to read. */
    private void pending(Svg svg, double bx, double by) {
        long from = ring.start();
        long to = ring.header().writeIndex();
        if (!inRange(from) || !inRange(to) || from == to) {
            return;
        }
        String title = "pending: " + Math.floorMod(to - from, size) + " bytes from " + hex(from) + " to the write index "
                + hex(to);
        span(svg, bx, by, from, to, "pending", title);
    }

    /** A forward stretch of the ring, drawn as one rectangle or, where it wraps, as two. */
    private void span(Svg svg, double bx, double by, long from, long to, String cssClass, String title) {
        if (from < to) {
            svg.rect(x(bx, from), by, x(bx, to) - x(bx, from), BAND_H, cssClass, null, title);
        } else {
            svg.rect(x(bx, from), by, bx + BAND_W - x(bx, from), BAND_H, cssClass, null, title);
            if (to > 0) {
                svg.rect(bx, by, x(bx, to) - bx, BAND_H, cssClass, null, title);
            }
        }
    }

    /**
     * Packets as segments coloured by type; a run of packets each narrower than a pixel becomes one segment once it
     * is a pixel wide. Returns where the last packet's trailer ends (the walk's stop), or the start when none.
     */
    private long segments(Svg svg, double bx, double by, Iterable<Packet> packets, boolean consumed) {
        Segment run = new Segment(consumed);
        long end = ring.start();
        for (Packet p : packets) {
            long from = p.offset();
            long length = p.descriptor().footprint();
            if (!inRange(from) || length <= 0 || length > size) {
                continue;
            }
            long stop = from + length;
            end = stop % size;
            if (stop <= size) {
                run.add(svg, this, bx, by, p, from, stop, 0);
            } else {
                run.add(svg, this, bx, by, p, from, size, 1);
                run.add(svg, this, bx, by, p, 0, stop - size, 2);
            }
        }
        run.flush(svg, this, bx, by);
        return end;
    }

    /** Segment of packets: one packet, or a run of thin neighbours merged until the run is a pixel wide. */
    private static final class Segment {
        private final boolean consumed;
        private long from = -1;
        private long to;
        private long first;
        private long last;
        private long count;
        private int type = -1;
        private boolean mixed;
        private int piece;
        /** Packets per type class of a merged run: the run takes the colour of the most frequent. */
        private final long[] byClass = new long[TYPE_CLASSES.length];

        Segment(boolean consumed) {
            this.consumed = consumed;
        }

        void add(Svg svg, RingPicture pic, double bx, double by, Packet p, long start, long stop, int piece) {
            boolean thin = (double) (stop - start) * BAND_W / pic.size < 1;
            if (from >= 0 && (start != to || !thin || pic.pixels(from, to) >= 1)) {
                flush(svg, pic, bx, by);
            }
            if (from < 0) {
                from = start;
                first = p.index();
                type = p.descriptor().type();
                mixed = false;
                this.piece = piece;
                Arrays.fill(byClass, 0);
            } else if (p.descriptor().type() != type) {
                mixed = true;
            }
            byClass[typeIndex(p.descriptor().type())]++;
            to = stop;
            last = p.index();
            count++;
            if (!thin) {
                flush(svg, pic, bx, by);
            }
        }

        void flush(Svg svg, RingPicture pic, double bx, double by) {
            if (from < 0) {
                return;
            }
            String what;
            if (count == 1) {
                what = (consumed ? "consumed packet " : "packet ") + first + ": " + PacketType.name(type) + " at "
                        + hex(from) + (piece == 0 ? "" : ", wraps: piece " + piece + " of 2");
            } else {
                what = (consumed ? "consumed packets " : "packets ") + first + " to " + last + " (" + count
                        + (mixed ? ", mixed types" : ", " + PacketType.name(type)) + ") at " + hex(from) + " to "
                        + hex(to);
            }
            int most = 0;
            for (int i = 1; i < byClass.length; i++) {
                if (byClass[i] > byClass[most]) {
                    most = i;
                }
            }
            String cls = TYPE_CLASSES[most] + (consumed ? " consumed" : " packet") + (count > 1 ? " merged" : "");
            svg.rect(pic.x(bx, from), by + 1, Math.max(pic.x(bx, to) - pic.x(bx, from), 0.5), BAND_H - 2, cls, null,
                    what);
            from = -1;
            count = 0;
        }
    }

    private double pixels(long from, long to) {
        return (double) (to - from) * BAND_W / size;
    }

    /** The CSS classes of packet types, in {@link #typeIndex} order. */
    static final String[] TYPE_CLASSES = {"t-inband", "t-xfer", "t-gpa", "t-comp", "t-other"};

    static int typeIndex(int type) {
        return switch (type) {
            case PacketType.DATA_INBAND -> 0;
            case PacketType.DATA_USING_XFER_PAGES -> 1;
            case PacketType.DATA_USING_GPA_DIRECT -> 2;
            case PacketType.COMP -> 3;
            default -> 4;
        };
    }

    /**
     * Where the walk stopped short of the write index (a descriptor it would not trust), the bytes up to the write
     * index are unknown: nobody can say where packets start there.
     */
    private void unknown(Svg svg, double bx, double by, long end) {
        long write = ring.header().writeIndex();
        if (!inRange(write) || !inRange(end) || end == write) {
            return;
        }
        span(svg, bx, by + 1, end, write, "unknown", "unknown: the walk stopped at " + hex(end) + ", "
                + Math.floorMod(write - end, size) + " bytes before the write index " + hex(write));
        svg.line(x(bx, end), by - 4, x(bx, end), by + BAND_H + 4, "stop");
    }

    /** One marker per pixel column and severity, with the first finding's message and how many it stands for. */
    private void findings(Svg svg, double bx, double y) {
        Severity[] order = {Severity.NOTE, Severity.WARNING, Severity.ERROR};
        Finding[][] first = new Finding[order.length][COLUMNS];
        long[][] count = new long[order.length][COLUMNS];
        for (Finding f : ring.findings()) {
            if (f.offset() == null || !inRange(f.offset())) {
                continue;
            }
            int row = f.severity() == Severity.ERROR ? 2 : f.severity() == Severity.WARNING ? 1 : 0;
            int col = (int) Math.min(COLUMNS - 1, f.offset() * COLUMNS / size);
            if (first[row][col] == null) {
                first[row][col] = f;
            }
            count[row][col]++;
        }
        for (int row = 0; row < order.length; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                Finding f = first[row][col];
                if (f == null) {
                    continue;
                }
                double cx = bx + col + 0.5;
                String title = f.severity().id() + " " + f.rule().id() + " at " + hex(f.offset()) + ": " + f.message()
                        + (count[row][col] > 1 ? " (and " + (count[row][col] - 1) + " more here)" : "");
                marker(svg, order[row], cx, y, title);
            }
        }
    }

    /** Shapes as well as colours, so that severity survives grey-scale print and colour blindness. */
    static void marker(Svg svg, Severity s, double cx, double y, String title) {
        double h = MARK_H;
        switch (s) {
            case ERROR -> svg.polygon(new double[] {cx - 6, y + h, cx + 6, y + h, cx, y}, "sev-error", null, title);
            case WARNING -> svg.polygon(new double[] {cx, y, cx + 6, y + h / 2, cx, y + h, cx - 6, y + h / 2},
                    "sev-warning", null, title);
            default -> svg.circle(cx, y + h / 2, 5, "sev-note", null, title);
        }
    }

    private boolean walkStartDiffers() {
        return ring.start() != ring.header().readIndex();
    }

    private List<ModelResult> divergingModels() {
        List<ModelResult> out = new ArrayList<>();
        if (ring.hasModels()) {
            for (ModelResult m : ring.modelResults()) {
                if (m.end().reason() != EndReason.CAUGHT_UP || m.end().cursor() != ring.header().writeIndex()
                        || !m.findings().isEmpty()) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Read and write index, the walk's start when --read-index moved it, and each model that went its own way. */
    private void indices(Svg svg, double bx, double y0) {
        int row = 0;
        row = index(svg, bx, y0, row, ring.header().readIndex(), "index-read", "read_index");
        row = index(svg, bx, y0, row, ring.header().writeIndex(), "index-write", "write_index");
        if (walkStartDiffers()) {
            row = index(svg, bx, y0, row, ring.start(), "index-start", "walk start (--read-index)");
        }
        for (ModelResult m : divergingModels()) {
            long cursor = m.end().cursor();
            String label = "model " + m.model() + ": " + m.end().reason().id() + " at " + hex(cursor);
            double cx = inRange(cursor) ? x(bx, cursor) : bx + BAND_W;
            double iy = y0 + INDEX_Y;
            svg.polygon(new double[] {cx, iy, cx + 5, iy + 6, cx, iy + 12, cx - 5, iy + 6}, "index-model", null,
                    label + (m.end().detail() == null ? "" : ": " + m.end().detail()));
            svg.text(clampLabel(bx, cx), y0 + LABEL_Y + row * ROW, anchor(bx, cx), "label model",
                    label + (inRange(cursor) ? "" : " (beyond the data area)"));
            row++;
        }
    }

    private int index(Svg svg, double bx, double y0, int row, long value, String cssClass, String name) {
        boolean in = inRange(value);
        double cx = in ? x(bx, value) : bx + BAND_W;
        double iy = y0 + INDEX_Y;
        String label = name + " " + hex(value) + (in ? "" : " (out of range: beyond the data area)");
        svg.polygon(new double[] {cx, iy, cx + 6, iy + 12, cx - 6, iy + 12}, cssClass, null, label);
        svg.line(cx, iy + 12, cx, y0 + LABEL_Y + row * ROW - 10, cssClass + " leader");
        svg.text(clampLabel(bx, cx), y0 + LABEL_Y + row * ROW, anchor(bx, cx), "label", label);
        return row + 1;
    }

    private static double clampLabel(double bx, double cx) {
        return Math.max(bx, Math.min(bx + BAND_W, cx));
    }

    /** Labels near an edge grow inwards so they stay inside the picture. */
    private static String anchor(double bx, double cx) {
        if (cx < bx + BAND_W * 0.25) {
            return "start";
        }
        return cx > bx + BAND_W * 0.75 ? "end" : "middle";
    }

    private List<String> facts() {
        List<String> lines = new ArrayList<>();
        var h = ring.header();
        lines.add("header " + ring.headerSize() + " bytes at file offset " + hex(ring.fileOffset()) + "; data area "
                + size + " bytes; bytes to read " + ring.bytesToRead() + ", to write " + ring.bytesToWrite());
        lines.add("write_index " + hex(h.writeIndex()) + "  read_index " + hex(h.readIndex()) + "  interrupt_mask "
                + h.interruptMask() + "  pending_send_size " + h.pendingSendSize() + "  feature_bits "
                + hex(h.featureBits()));
        int headerFindings = 0;
        for (Finding f : ring.headerFindings()) {
            if (f.offset() == null) {
                headerFindings++;
            }
        }
        if (headerFindings > 0) {
            lines.add("header findings: " + headerFindings + " (first: " + ring.headerFindings().get(0).rule().id()
                    + ")");
        }
        if (ring.hasHistory()) {
            var stop = ring.consumed().stop();
            lines.add("consumed packets (--history): " + ring.consumed().packets().size() + "; " + stop.reason());
        }
        return lines;
    }
}
