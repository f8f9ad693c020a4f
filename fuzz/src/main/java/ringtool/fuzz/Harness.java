package ringtool.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.commons.io.output.NullWriter;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingMath;
import ringtool.core.report.InputReport;
import ringtool.core.report.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Severity;
import ringtool.core.source.ByteSource;
import ringtool.core.walk.Packet;
import ringtool.core.walk.WalkStep;
import ringtool.output.JsonWriter;
import ringtool.output.JsonlWriter;
import ringtool.output.ReportWriter;
import ringtool.output.RunTotals;
import ringtool.output.TextOptions;
import ringtool.output.TextWriter;
import ringtool.output.Utf8Output;

/**
 * What every fuzz target does with its bytes: inspect them through the CLI's own front door, run every writer on
 * the report, and check the reader's invariants. Anything thrown from here is a finding: the inspector turns the
 * one declared failure (an input that cannot be framed) into an error report, so no other exception may escape.
 */
public final class Harness {

    private static final JsonFactory JSON = new JsonFactory();
    /** The field tree and hex dump cover every text path; four packets keep the dump cheap. */
    static final TextOptions TEXT = new TextOptions(true, true, 4);
    static final String SOURCE = "fuzz-input";

    private Harness() {
    }

    /**
     * Loads and initialises every class the harness reaches (Jackson's above all) before libFuzzer's per-input
     * timeout starts counting: on a busy machine the first input would otherwise take longer than the timeout.
     */
    public static void warmUp() {
        SeedCorpus.Dump ring = new SeedCorpus.Dump(4096).startAt(4096 - 24);
        ring.inband(new byte[20], 1).transferPages(2).gpaDirect(1);
        run(Inspector.defaults(), ring.bytes(), TEXT);
        run(Inspector.defaults(), new byte[16], TextOptions.DEFAULT);
    }

    public static InputReport run(Inspector inspector, byte[] input) {
        return run(inspector, input, TEXT);
    }

    /** @param text the text writer's options: the field tree and hex dump are costly, so targets choose them */
    public static InputReport run(Inspector inspector, byte[] input, TextOptions text) {
        InputReport report = inspector.inspect(SOURCE, ByteSource.of(input));
        if (report.error() != null && !report.rings().isEmpty()) {
            throw new InvariantViolation("a report with an error also has " + report.rings().size() + " ring(s)");
        }
        for (Finding f : report.findings()) {
            checkFileRange(f, input.length);
        }
        for (RingReport ring : report.rings()) {
            checkRing(ring, input.length);
        }
        checkWriters(report, text);
        if (report.error() == null && report.summary().count(Severity.ERROR) == 0) {
            ModelEncoder.verify(report, input);
        }
        return report;
    }

    /**
     * The walk's promises: it ends within {@code data_size / 24} steps (plus the step that reports why it stopped),
     * packets come in ring order, each starting where the previous one's trailer ended, none beyond the bytes
     * between the start and the write index, and every offset lies inside the data area.
     */
    static void checkRing(RingReport ring, long fileSize) {
        long dataSize = ring.dataSize();
        long dataStart = ring.fileOffset() + ring.headerSize();
        if (dataSize < 0 || dataStart + dataSize > fileSize) {
            throw new InvariantViolation("ring " + ring.name() + " frames " + dataSize + " data bytes at " + dataStart
                    + " in a " + fileSize + "-byte input");
        }
        long write = ring.header().writeIndex();
        long start = ring.start();
        boolean walkable = dataSize > 0 && start >= 0 && start < dataSize && write < dataSize;
        long available = walkable ? RingMath.bytesToRead(start, write, dataSize) : 0;
        long maxSteps = dataSize / PacketDescriptor.MIN_FOOTPRINT + 1;
        long steps = 0;
        long index = 0;
        long next = start;
        long consumed = 0;
        for (Finding f : ring.headerFindings()) {
            checkFinding(f, ring, fileSize);
        }
        for (WalkStep step : ring.steps()) {
            if (++steps > maxSteps) {
                throw new InvariantViolation("walk of " + ring.name() + " did not end within " + maxSteps
                        + " steps (data_size " + dataSize + " / 24, plus the final step)");
            }
            Packet p = step.packet();
            if (p != null) {
                if (p.index() != index) {
                    throw new InvariantViolation("packet numbered " + p.index() + " where " + index + " was due");
                }
                if (p.offset() != next) {
                    throw new InvariantViolation("packet " + index + " at " + p.offset() + ", but the previous one"
                            + " ended at " + next + " (out of ring order or overlapping)");
                }
                checkOffset("packet " + index, p.offset(), dataSize);
                if (p.fileOffset() != dataStart + p.offset()) {
                    throw new InvariantViolation("packet " + index + " file offset " + p.fileOffset()
                            + " is not data start " + dataStart + " + offset " + p.offset());
                }
                long footprint = p.descriptor().footprint();
                consumed += footprint;
                if (consumed > available) {
                    throw new InvariantViolation("packets take " + consumed + " bytes, but only " + available
                            + " lie between the start " + start + " and the write index " + write);
                }
                if (p.payloadLength() < 0 || p.payloadLength() > p.paddedPayloadLength()) {
                    throw new InvariantViolation("packet " + index + " payload length " + p.payloadLength()
                            + " outside 0.." + p.paddedPayloadLength());
                }
                boolean wraps = p.offset() + footprint > dataSize;
                if (p.wraps() != wraps) {
                    throw new InvariantViolation("packet " + index + " wraps=" + p.wraps() + ", expected " + wraps);
                }
                next = (p.offset() + footprint) % dataSize;
                index++;
            }
            for (Finding f : step.findings()) {
                checkFinding(f, ring, fileSize);
            }
        }
        if (walkable && consumed == available && available > 0 && next != write) {
            throw new InvariantViolation("walk consumed every byte to the write index " + write + " but ended at "
                    + next);
        }
    }

    private static void checkFinding(Finding f, RingReport ring, long fileSize) {
        checkFileRange(f, fileSize);
        if (f.offset() != null) {
            checkOffset("finding " + f.rule().id(), f.offset(), ring.dataSize());
            long expected = ring.fileOffset() + ring.headerSize() + f.offset();
            if (f.fileOffset() != null && f.fileOffset() != expected) {
                throw new InvariantViolation("finding " + f.rule().id() + " at data offset " + f.offset()
                        + " names file offset " + f.fileOffset() + ", expected " + expected);
            }
        }
    }

    private static void checkFileRange(Finding f, long fileSize) {
        if (f.fileOffset() != null && (f.fileOffset() < 0 || f.fileOffset() >= fileSize)) {
            throw new InvariantViolation("finding " + f.rule().id() + " points at file offset " + f.fileOffset()
                    + " outside the " + fileSize + "-byte input");
        }
        if (f.length() != null && f.length() < 0) {
            throw new InvariantViolation("finding " + f.rule().id() + " has a negative length " + f.length());
        }
        if (f.packet() != null && f.packet() < 0) {
            throw new InvariantViolation("finding " + f.rule().id() + " names packet " + f.packet());
        }
    }

    private static void checkOffset(String what, long offset, long dataSize) {
        if (offset < 0 || offset >= dataSize) {
            throw new InvariantViolation(what + " at data offset " + offset + " outside a " + dataSize
                    + "-byte data area");
        }
    }

    /**
     * Every writer runs on the report; the JSON and each JSONL line must parse and agree on the packet count. JSON
     * and JSONL go through {@link Utf8Output} into bytes, as the CLI writes them to standard output.
     */
    static void checkWriters(InputReport report, TextOptions text) {
        int exit = report.exitCode(Severity.ERROR);
        RunTotals totals = new RunTotals();
        totals.add(report);
        Sink sink = SINK.get();
        long packets = report.summary().packets();
        try {
            write(new JsonWriter(sink.out), report, totals, exit);
            long listed = countPackets(sink.take());
            if (listed != packets) {
                throw new InvariantViolation("JSON lists " + listed + " packets, the summary counts " + packets);
            }
            write(new JsonlWriter(sink.out), report, totals, exit);
            checkJsonLines(sink.take());
        } catch (IOException e) {
            throw new InvariantViolation("writer output does not parse as JSON: " + e.getMessage(), e);
        }
        write(new TextWriter(TEXT_SINK, text), report, totals, exit);
    }

    private static final PrintWriter TEXT_SINK = new PrintWriter(NullWriter.INSTANCE);
    private static final ThreadLocal<Sink> SINK = ThreadLocal.withInitial(Sink::new);

    /** One writer's output, kept per thread: the buffers behind a {@link Utf8Output} cost more than a small report. */
    private static final class Sink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
        final Utf8Output out = Utf8Output.of(bytes, 1 << 13);

        /** What the last writer wrote, leaving the sink empty for the next. */
        byte[] take() {
            out.flush();
            byte[] written = bytes.toByteArray();
            bytes.reset();
            return written;
        }
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

    /** Parses a whole document (streaming: no tree) and counts the elements of every {@code packets} array. */
    private static long countPackets(byte[] doc) throws IOException {
        long count = 0;
        try (JsonParser p = JSON.createParser(doc)) {
            int packetsDepth = -1;
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
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
