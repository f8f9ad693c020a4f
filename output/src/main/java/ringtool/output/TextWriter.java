package ringtool.output;

import static ringtool.core.rules.Finding.hex;

import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.io.HexDump;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.TransferPageRange;
import ringtool.core.history.History;
import ringtool.core.model.ModelRead;
import ringtool.core.model.ModelResult;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadDecoder;
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

    private static final String PACKET_HEADER = packetRow("#", "offset", "type", "flags", "transaction_id", "offset8",
            "len8", "payload", "info");

    private final PrintWriter out;
    private final TextOptions options;

    public TextWriter(PrintWriter out, TextOptions options) {
        this.out = ControlEscapes.wrap(out);
        this.options = options;
    }

    @Override
    public void begin() {
        // Text has no envelope.
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        if (report.error() != null) {
            // The command has said it once on stderr; the run's last line counts it.
            return;
        }
        int rings = report.rings().size();
        out.println(report.source() + ": layout " + report.layout() + ", " + rings + " ring" + plural(rings));
        if (report.decision() != null) {
            out.println("  (auto: " + report.decision() + ")");
        }
        for (Finding f : report.findings()) {
            finding(f);
        }
        for (RingReport ring : report.rings()) {
            ring(ring);
        }
        out.println(report.source() + ": " + counts(report.summary()) + "; exit " + exitCode.getAsInt());
        out.println();
        out.flush();
    }

    private void ring(RingReport r) throws IOException {
        out.println();
        out.println("[" + r.name() + "] header at " + hex(r.fileOffset()) + " (" + r.headerSize()
                + " bytes), data area of " + r.dataSize() + " bytes at " + hex(r.fileOffset() + r.headerSize()));
        out.println("  write_index " + hex(r.header().writeIndex()) + "  read_index " + hex(r.header().readIndex())
                + "  interrupt_mask " + r.header().interruptMask() + "  pending_send_size "
                + r.header().pendingSendSize() + "  feature_bits " + hex(r.header().featureBits()));
        String walkStart = r.start() == r.header().readIndex() ? ""
                : "; walk starts at " + hex(r.start()) + " (--read-index)";
        out.println("  bytes to read " + r.bytesToRead() + ", to write " + r.bytesToWrite() + walkStart);
        out.println("  protocol " + r.protocol().name() + " (" + r.protocol().decision() + ")");
        if (r.hasHistory()) {
            consumed(r.consumed(), r.decoder());
        }
        // [total, shown]; the pass that prints the packets counts their findings, so a ring without any is walked
        // only this once.
        long[] seen = new long[2];
        r.eachPacket((p, decoded) -> {
            seen[0]++;
            if (seen[1] >= options.maxPackets()) {
                return;
            }
            if (seen[1] == 0) {
                if (r.hasHistory()) {
                    out.println("  live: from the read index to the write index");
                }
                out.println(PACKET_HEADER);
            }
            seen[1]++;
            packet(p, false, decoded);
            if (options.verbose()) {
                tree(p, r.dataSize());
                if (decoded != null) {
                    decodedTree(decoded);
                }
            }
            if (options.hex()) {
                hexDump(p, r);
            }
        });
        long total = seen[0];
        long shown = seen[1];
        if (total == 0) {
            out.println("  no packets between the read index and the write index");
        } else if (shown < total) {
            notShown(total - shown, "packet");
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
        out.println("  [" + r.name() + "] " + counts(r.summary()));
    }

    /** The last column: the consumed / wraps marks, then the decoded payload's info. */
    private void packet(Packet p, boolean consumed, Decoded decoded) {
        PacketDescriptor d = p.descriptor();
        String mark = consumed ? (p.wraps() ? "consumed wraps" : "consumed") : p.wraps() ? "wraps" : "";
        String info = decoded == null ? mark : mark.isEmpty() ? decoded.info() : mark + "  " + decoded.info();
        out.println(packetRow(Long.toString(p.index()), hex(p.offset()), p.typeName() + " (" + d.type() + ")",
                hex(d.flags()), Long.toUnsignedString(d.transactionId()), Integer.toString(d.offset8()),
                Integer.toString(d.len8()), p.payloadLength() + " @" + p.payloadOffset(), info));
    }

    private static String packetRow(String index, String offset, String type, String flags, String transactionId,
                                    String offset8, String len8, String payload, String mark) {
        return new StringBuilder(128).append("  ").append(right(index, 6)).append("  ").append(left(offset, 10))
                .append("  ").append(left(type, 28)).append(' ').append(right(flags, 5)).append("  ")
                .append(left(transactionId, 18)).append(' ').append(right(offset8, 7)).append(' ')
                .append(right(len8, 5)).append("  ").append(left(payload, 14)).append(' ').append(mark)
                .toString().stripTrailing();
    }

    /** Consumed packets before the live ones, oldest first, each marked; then why the walk back stopped. */
    private void consumed(History history, PayloadDecoder decoder) {
        int n = history.packets().size();
        out.println("  consumed: " + n + " packet" + plural(n) + " recovered behind the read index, oldest first");
        long shown = 0;
        for (Packet p : history.packets()) {
            if (shown >= options.maxPackets()) {
                notShown(n - shown, "consumed packet");
                break;
            }
            if (shown++ == 0) {
                out.println(PACKET_HEADER);
            }
            packet(p, true, decoder.decode(p).decoded());
        }
        out.println("  walk back stopped at " + hex(history.stop().offset()) + ": " + history.stop().reason());
    }

    /**
     * One table for all models: a row per read step, a column per model, then how each ended. A cell shows the
     * cursor, type and len8 as that reader saw them, and whether the strict walk has that packet ({@code #n}),
     * the bytes are stale ({@code ghost}) or neither ({@code no strict}).
     */
    private void models(List<ModelResult> results) {
        StringBuilder head = new StringBuilder("  ").append(right("step", 6));
        long rows = 0;
        for (ModelResult m : results) {
            String title = m.pktBufferSize() == null ? m.model() : m.model() + " (buffer " + m.pktBufferSize() + ")";
            head.append("  ").append(left(title, MODEL_CELL));
            rows = Math.max(rows, m.reads().size());
        }
        out.println("  reader models:");
        out.println(head.toString().stripTrailing());
        long shownRows = Math.min(rows, options.maxPackets());
        for (int i = 0; i < shownRows; i++) {
            StringBuilder row = new StringBuilder("  ").append(right(Integer.toString(i), 6));
            for (ModelResult m : results) {
                row.append("  ").append(left(i < m.reads().size() ? cell(m.reads().get(i)) : "", MODEL_CELL));
            }
            out.println(row.toString().stripTrailing());
        }
        if (shownRows < rows) {
            notShown(rows - shownRows, "step");
        }
        StringBuilder endRow = new StringBuilder("  ").append(right("end", 6));
        for (ModelResult m : results) {
            endRow.append("  ").append(left(m.end().reason().id() + " at " + hex(m.end().cursor()), MODEL_CELL));
        }
        out.println(endRow.toString().stripTrailing());
        for (ModelResult m : results) {
            out.println("  " + m.model() + ": " + m.end().reason().id() + " at " + hex(m.end().cursor()) + " after "
                    + m.end().reads() + " read" + plural(m.end().reads()) + ": " + m.end().detail());
        }
    }

    private static final int MODEL_CELL = 30;

    private static String cell(ModelRead r) {
        String mark = r.strictPacket() != null ? "#" + r.strictPacket() : r.beyondWriteIndex() ? "ghost" : "no strict";
        return hex(r.offset()) + " t" + r.type() + " len8 " + r.len8() + " " + mark;
    }

    private void tree(Packet p, long dataSize) {
        PacketDescriptor d = p.descriptor();
        out.println("          descriptor at " + hex(p.offset()) + " (file " + hex(p.fileOffset()) + ")");
        out.println("            type            " + d.type() + " (" + p.typeName() + ")");
        out.println("            offset8         " + d.offset8() + " (payload at +" + d.payloadOffset() + ")");
        out.println("            len8            " + d.len8() + " (" + d.lengthBytes() + " bytes, " + d.footprint()
                + " with the trailer)");
        boolean completion = (d.flags() & PacketDescriptor.FLAG_COMPLETION_REQUESTED) != 0;
        out.println("            flags           " + hex(d.flags()) + (completion ? " (completion requested)" : ""));
        out.println("            transaction_id  " + Long.toUnsignedString(d.transactionId()) + " ("
                + Finding.hex64(d.transactionId()) + ")");
        if (p.extension() instanceof PacketExtension.TransferPages t) {
            long count = t.header().rangeCount();
            out.println("          transfer pages: pageset " + t.header().pagesetId() + ", sender owns "
                    + t.header().senderOwnsSet() + ", " + count + " range" + plural(count));
            int i = 0;
            for (TransferPageRange range : t.ranges()) {
                out.println("            range " + i++ + ": " + range.byteCount() + " bytes at "
                        + hex(range.byteOffset()));
            }
        } else if (p.extension() instanceof PacketExtension.GpaDirect g) {
            long count = g.header().rangeCount();
            out.println("          GPA direct: " + count + " range" + plural(count));
            int i = 0;
            for (GpaRange range : g.ranges()) {
                int pfns = range.pfns().size();
                out.println("            range " + i++ + ": " + range.byteCount() + " bytes at page offset "
                        + hex(range.byteOffset()) + ", " + pfns + " PFN" + plural(pfns));
            }
        }
        out.println("          payload " + p.payloadLength() + " bytes at +" + p.payloadOffset() + " ("
                + p.paddedPayloadLength() + " with padding)");
        out.println("          trailer " + Finding.hex64(p.trailer()) + " at " + hex(p.trailerOffset(dataSize)));
    }

    /** {@code -V}: the decoded struct under the descriptor's tree, one field a line, nested by indentation. */
    private void decodedTree(Decoded d) {
        out.println("          " + d.protocol() + " " + d.message());
        fields(d.fields(), "            ");
    }

    /** Recursion as deep as the decoders' structs nest, which their code fixes, never the payload. */
    private void fields(Fields fields, String indent) {
        for (Fields.Field f : fields.entries()) {
            field(f.name(), f.value(), indent);
        }
    }

    private void field(String name, FieldValue value, String indent) {
        if (value instanceof Fields nested) {
            out.println(indent + name);
            fields(nested, indent + "  ");
        } else if (value instanceof FieldValue.Items items) {
            out.println(indent + name + " [" + items.items().size() + "]");
            int i = 0;
            for (FieldValue item : items.items()) {
                field("[" + i++ + "]", item, indent + "  ");
            }
        } else {
            out.println(left(indent + name, FIELD_COLUMN) + " " + value);
        }
    }

    private static final int FIELD_COLUMN = 32;

    /** The packet and its trailer, offsets as data-area offsets (past the end when the packet wraps). */
    private void hexDump(Packet p, RingReport r) throws IOException {
        RingView view = r.snapshot().data();
        byte[] bytes = new byte[(int) p.descriptor().footprint()];
        view.copy(p.offset(), bytes, 0, bytes.length);
        long end = p.offset() + bytes.length;
        if (end > r.dataSize()) {
            out.println("          wraps: the bytes shown at " + hex(r.dataSize()) + ".." + hex(end - 1)
                    + " are at 0x0.." + hex(end - 1 - r.dataSize()) + " of the data area");
        }
        StringBuilder dump = new StringBuilder(bytes.length * 5);
        HexDump.dump(bytes, p.offset(), dump, 0, bytes.length);
        // HexDump ends every line with the platform's separator; split by hand, not by a regular expression.
        String eol = System.lineSeparator();
        for (int from = 0, to; from < dump.length(); from = to + eol.length()) {
            to = dump.indexOf(eol, from);
            if (to < 0) {
                to = dump.length();
            }
            out.println("          " + dump.substring(from, to));
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
        out.println("    " + left(f.severity().id(), 7) + " " + f.rule().id() + where + ": "
                + (f.model() == null ? f.message() : "[" + f.model() + "] " + f.message()));
    }

    /** {@code 1 packet, 0 errors, 2 warnings, 1 note}: how every human-readable output counts. */
    public static String counts(Summary s) {
        return s.packets() + " packet" + plural(s.packets()) + ", " + s.errors() + " error" + plural(s.errors())
                + ", " + s.warnings() + " warning" + plural(s.warnings()) + ", " + s.notes() + " note"
                + plural(s.notes());
    }

    private void notShown(long hidden, String what) {
        out.println("  ... " + hidden + " more " + what + plural(hidden) + " not shown (-c " + options.maxPackets()
                + ")");
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }

    /*
     * Columns are padded by hand: Formatter parses its pattern with a regular expression on every call, which
     * costs more than the rest of a packet's line, and far more under the fuzzer, whose hooks trace each regex step.
     */

    /** {@code %-Ns}: {@code s} followed by spaces to {@code width}. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code %Ns}: spaces to {@code width}, then {@code s}. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    @Override
    public void end(RunTotals run, int exitCode) {
        if (run.inputs() > 1) {
            out.println(run.inputs() + " inputs (" + run.failed() + " could not be processed): "
                    + counts(run.summary()) + "; exit " + exitCode);
        }
        out.flush();
    }
}
