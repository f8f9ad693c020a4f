package ringtool.output;

import static ringtool.core.rules.Finding.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.io.HexDump;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.TransferPageRange;
import ringtool.core.history.History;
import ringtool.core.model.ModelRead;
import ringtool.core.model.ModelResult;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.report.Summary;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.core.walk.PacketExtension;
import ringtool.core.walk.RingView;

/**
 * {@code --format text}: for people. Per input a header line, per ring its header fields, one line per packet,
 * then the findings and a summary line; the run ends with a totals line.
 */
public final class TextWriter implements ReportWriter {

    private static final String PACKET_HEADER = String.format("  %6s  %-10s  %-28s %5s  %-18s %7s %5s  %-14s %s",
            "#", "offset", "type", "flags", "transaction_id", "offset8", "len8", "payload", "").stripTrailing();

    private final PrintWriter out;
    private final TextOptions options;

    public TextWriter(PrintWriter out, TextOptions options) {
        this.out = out;
        this.options = options;
    }

    @Override
    public void begin() {
        // Text has no envelope.
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        if (report.error() != null) {
            out.printf("%s: cannot be processed: %s%n%n", report.source(), report.error());
            return;
        }
        out.printf("%s: layout %s, %d ring%s%n", report.source(), report.layout(), report.rings().size(),
                report.rings().size() == 1 ? "" : "s");
        if (report.decision() != null) {
            out.printf("  (auto: %s)%n", report.decision());
        }
        for (Finding f : report.findings()) {
            finding(f);
        }
        for (RingReport ring : report.rings()) {
            ring(ring);
        }
        out.printf("%s: %s; exit %d%n%n", report.source(), counts(report.summary()), exitCode.getAsInt());
        out.flush();
    }

    private void ring(RingReport r) throws IOException {
        out.printf("%n[%s] header at %s (%d bytes), data area of %d bytes at %s%n", r.name(), hex(r.fileOffset()),
                r.headerSize(), r.dataSize(), hex(r.fileOffset() + r.headerSize()));
        out.printf("  write_index %s  read_index %s  interrupt_mask %d  pending_send_size %d  feature_bits %s%n",
                hex(r.header().writeIndex()), hex(r.header().readIndex()), r.header().interruptMask(),
                r.header().pendingSendSize(), hex(r.header().featureBits()));
        out.printf("  bytes to read %d, to write %d", r.bytesToRead(), r.bytesToWrite());
        if (r.start() != r.header().readIndex()) {
            out.printf("; walk starts at %s (--read-index)", hex(r.start()));
        }
        out.println();
        if (r.hasHistory()) {
            consumed(r.consumed());
        }
        long shown = 0;
        long total = 0;
        for (Packet p : r.packets()) {
            total++;
            if (shown >= options.maxPackets()) {
                continue;
            }
            if (shown == 0) {
                if (r.hasHistory()) {
                    out.println("  live: from the read index to the write index");
                }
                out.println(PACKET_HEADER);
            }
            shown++;
            packet(p, false);
            if (options.verbose()) {
                tree(p, r.dataSize());
            }
            if (options.hex()) {
                hexDump(p, r);
            }
        }
        if (total == 0) {
            out.println("  no packets between the read index and the write index");
        } else if (shown < total) {
            out.printf("  ... %d more packet%s not shown (-c %d)%n", total - shown, total - shown == 1 ? "" : "s",
                    options.maxPackets());
        }
        if (r.hasModels()) {
            models(r.modelResults());
        }
        boolean any = false;
        for (Finding f : r.findings()) {
            if (!any) {
                out.println("  findings:");
                any = true;
            }
            finding(f);
        }
        out.printf("  [%s] %s%n", r.name(), counts(r.summary()));
    }

    private void packet(Packet p, boolean consumed) {
        PacketDescriptor d = p.descriptor();
        String mark = consumed ? (p.wraps() ? "consumed wraps" : "consumed") : p.wraps() ? "wraps" : "";
        out.println(String.format("  %6d  %-10s  %-28s %5s  %-18s %7d %5d  %-14s %s", p.index(), hex(p.offset()),
                p.typeName() + " (" + d.type() + ")", hex(d.flags()), Long.toUnsignedString(d.transactionId()),
                d.offset8(), d.len8(), p.payloadLength() + " @" + p.payloadOffset(), mark).stripTrailing());
    }

    /** Consumed packets before the live ones, oldest first, each marked; then why the walk back stopped. */
    private void consumed(History history) {
        int n = history.packets().size();
        out.printf("  consumed: %d packet%s recovered behind the read index, oldest first%n", n, plural(n));
        long shown = 0;
        for (Packet p : history.packets()) {
            if (shown >= options.maxPackets()) {
                out.printf("  ... %d more consumed packet%s not shown (-c %d)%n", n - shown, plural(n - shown),
                        options.maxPackets());
                break;
            }
            if (shown++ == 0) {
                out.println(PACKET_HEADER);
            }
            packet(p, true);
        }
        out.printf("  walk back stopped at %s: %s%n", hex(history.stop().offset()), history.stop().reason());
    }

    /**
     * One table for all models: a row per read step, a column per model, then how each ended. A cell shows the
     * cursor, type and len8 as that reader saw them, and whether the strict walk has that packet ({@code #n}),
     * the bytes are stale ({@code ghost}) or neither ({@code no strict}).
     */
    private void models(List<ModelResult> results) {
        StringBuilder head = new StringBuilder(String.format("  %6s", "step"));
        long rows = 0;
        for (ModelResult m : results) {
            String title = m.pktBufferSize() == null ? m.model() : m.model() + " (buffer " + m.pktBufferSize() + ")";
            head.append(String.format("  %-" + MODEL_CELL + "s", title));
            rows = Math.max(rows, m.reads().size());
        }
        out.println("  reader models:");
        out.println(head.toString().stripTrailing());
        long shownRows = Math.min(rows, options.maxPackets());
        for (int i = 0; i < shownRows; i++) {
            StringBuilder row = new StringBuilder(String.format("  %6d", i));
            for (ModelResult m : results) {
                row.append(String.format("  %-" + MODEL_CELL + "s", i < m.reads().size() ? cell(m.reads().get(i)) : ""));
            }
            out.println(row.toString().stripTrailing());
        }
        if (shownRows < rows) {
            out.printf("  ... %d more step%s not shown (-c %d)%n", rows - shownRows, plural(rows - shownRows),
                    options.maxPackets());
        }
        StringBuilder endRow = new StringBuilder(String.format("  %6s", "end"));
        for (ModelResult m : results) {
            endRow.append(String.format("  %-" + MODEL_CELL + "s", m.end().reason().id() + " at "
                    + hex(m.end().cursor())));
        }
        out.println(endRow.toString().stripTrailing());
        for (ModelResult m : results) {
            out.printf("  %s: %s at %s after %d read%s: %s%n", m.model(), m.end().reason().id(),
                    hex(m.end().cursor()), m.end().reads(), plural(m.end().reads()), m.end().detail());
        }
    }

    private static final int MODEL_CELL = 30;

    private static String cell(ModelRead r) {
        String mark = r.strictPacket() != null ? "#" + r.strictPacket() : r.beyondWriteIndex() ? "ghost" : "no strict";
        return hex(r.offset()) + " t" + r.type() + " len8 " + r.len8() + " " + mark;
    }

    private void tree(Packet p, long dataSize) {
        PacketDescriptor d = p.descriptor();
        out.printf("          descriptor at %s (file %s)%n", hex(p.offset()), hex(p.fileOffset()));
        out.printf("            type            %d (%s)%n", d.type(), p.typeName());
        out.printf("            offset8         %d (payload at +%d)%n", d.offset8(), d.payloadOffset());
        out.printf("            len8            %d (%d bytes, %d with the trailer)%n", d.len8(), d.lengthBytes(),
                d.footprint());
        out.printf("            flags           %s%s%n", hex(d.flags()),
                (d.flags() & PacketDescriptor.FLAG_COMPLETION_REQUESTED) != 0 ? " (completion requested)" : "");
        out.printf("            transaction_id  %s (%s)%n", Long.toUnsignedString(d.transactionId()),
                Finding.hex64(d.transactionId()));
        if (p.extension() instanceof PacketExtension.TransferPages t) {
            out.printf("          transfer pages: pageset %d, sender owns %d, %d range%s%n", t.header().pagesetId(),
                    t.header().senderOwnsSet(), t.header().rangeCount(), t.header().rangeCount() == 1 ? "" : "s");
            int i = 0;
            for (TransferPageRange range : t.ranges()) {
                out.printf("            range %d: %d bytes at %s%n", i++, range.byteCount(), hex(range.byteOffset()));
            }
        } else if (p.extension() instanceof PacketExtension.GpaDirect g) {
            out.printf("          GPA direct: %d range%s%n", g.header().rangeCount(),
                    g.header().rangeCount() == 1 ? "" : "s");
            int i = 0;
            for (GpaRange range : g.ranges()) {
                out.printf("            range %d: %d bytes at page offset %s, %d PFN%s%n", i++, range.byteCount(),
                        hex(range.byteOffset()), range.pfns().size(), range.pfns().size() == 1 ? "" : "s");
            }
        }
        out.printf("          payload %d bytes at +%d (%d with padding)%n", p.payloadLength(), p.payloadOffset(),
                p.paddedPayloadLength());
        out.printf("          trailer %s at %s%n", Finding.hex64(p.trailer()), hex(p.trailerOffset(dataSize)));
    }

    /** The packet and its trailer, offsets as data-area offsets (past the end when the packet wraps). */
    private void hexDump(Packet p, RingReport r) throws IOException {
        RingView view = r.snapshot().data();
        byte[] bytes = new byte[(int) p.descriptor().footprint()];
        view.copy(p.offset(), bytes, 0, bytes.length);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HexDump.dump(bytes, p.offset(), buf, 0);
        for (String line : buf.toString(StandardCharsets.US_ASCII).split("\\R")) {
            out.println("          " + line);
        }
    }

    private void finding(Finding f) {
        StringBuilder where = new StringBuilder();
        if (f.offset() != null) {
            where.append(" at ").append(hex(f.offset()));
        }
        if (f.fileOffset() != null) {
            where.append(" (file ").append(hex(f.fileOffset())).append(')');
        }
        if (f.packet() != null) {
            where.append(" packet ").append(f.packet());
        }
        out.printf("    %-7s %s%s: %s%n", f.severity().id(), f.rule().id(), where,
                f.model() == null ? f.message() : "[" + f.model() + "] " + f.message());
    }

    static String counts(Summary s) {
        return String.format("%d packet%s, %d error%s, %d warning%s, %d note%s", s.packets(), plural(s.packets()),
                s.errors(), plural(s.errors()), s.warnings(), plural(s.warnings()), s.notes(), plural(s.notes()));
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    @Override
    public void end(RunTotals run, int exitCode) {
        if (run.inputs() > 1) {
            out.printf("%d inputs (%d could not be processed): %s; exit %d%n", run.inputs(), run.failed(),
                    counts(run.summary()), exitCode);
        }
        out.flush();
    }
}
