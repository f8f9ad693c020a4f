package ringtool.output;

import java.io.IOException;
import java.io.Writer;
import java.util.function.IntSupplier;
import ringtool.core.history.History;
import ringtool.core.model.ModelResult;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;

/**
 * {@code --format jsonl}: one object per line. Buffering follows grep: records go out in large blocks, flushed at
 * the end of every input (a consumer sees each input whole and promptly) and of the run; {@code lineBuffered}
 * (a terminal, or {@code --line-buffered}) flushes every record. Each input gives an {@code input} record, then
 * per ring a {@code ring} record, its consumed {@code packet}s ({@code --history}, oldest first, with
 * {@code "consumed": true}; the ring record then carries {@code consumed_stop}), its live {@code packet}s, one
 * {@code model} record per reader model ({@code --model}) and its {@code finding}s, then the input's {@code summary}
 * ({@code "scope": "input"}). The last line of the run is the run's {@code summary} ({@code "scope": "run"},
 * {@code "source": null}).
 *
 * <p>Records are written as bytes ({@link JsonBytes}); what every record of a ring starts with (record type, schema,
 * source, ring name) is encoded once per ring, not once per packet.
 */
public final class JsonlWriter implements ReportWriter {

    private final JsonBytes out;
    private final boolean lineBuffered;

    /** Block-buffered: what a pipe or a file gets. */
    public JsonlWriter(Writer out) {
        this(out, false);
    }

    public JsonlWriter(Writer out, boolean lineBuffered) {
        this.lineBuffered = lineBuffered;
        this.out = JsonBytes.of(out);
    }

    @Override
    public void begin() {
        // JSONL has no envelope.
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        String source = report.source();
        out.raw(start(INPUT, source));
        JsonFields.string(out, LAYOUT, report.layout());
        if (report.container() != null) {
            JsonFields.string(out, CONTAINER, report.container());
        }
        if (report.decision() != null) {
            JsonFields.string(out, LAYOUT_DECISION, report.decision());
        }
        if (report.error() != null) {
            JsonFields.number(out, EXIT_CODE, exitCode.getAsInt());
            JsonFields.string(out, ERROR, report.error());
        }
        end();
        if (!report.findings().isEmpty()) {
            byte[] finding = start(FINDING, source, null);
            for (Finding f : report.findings()) {
                out.raw(finding);
                JsonFields.findingFields(out, f);
                end();
            }
        }
        for (RingReport ring : report.rings()) {
            ring(source, ring);
        }
        out.raw(start(SUMMARY, source));
        JsonFields.string(out, SCOPE, "input");
        JsonFields.number(out, EXIT_CODE, exitCode.getAsInt());
        JsonFields.summaryFields(out, report.summary());
        end();
        out.flush();
    }

    private void ring(String source, RingReport ring) throws IOException {
        out.raw(start(RING, source, ring.name()));
        JsonFields.ringFields(out, ring);
        History history = ring.consumed();
        if (history != null) {
            out.name(CONSUMED_STOP);
            out.startObject();
            JsonFields.consumedStopFields(out, history.stop());
            out.endObject();
        }
        end();
        byte[] packet = start(PACKET, source, ring.name());
        if (history != null) {
            PayloadDecoder consumed = ring.decoder();
            for (Packet p : history.packets()) {
                out.raw(packet);
                JsonFields.consumedPacketFields(out, p, consumed.decode(p).decoded());
                end();
            }
        }
        // The pass that writes the packets counts their findings: a ring without any is walked only this once.
        ring.eachPacket((p, decoded) -> {
            out.raw(packet);
            JsonFields.packetFields(out, p, decoded);
            end();
        });
        if (ring.hasModels()) {
            byte[] model = start(MODEL, source, ring.name());
            for (ModelResult m : ring.modelResults()) {
                out.raw(model);
                JsonFields.modelFields(out, m);
                end();
            }
        }
        byte[] finding = null;
        for (Finding f : ring.findings()) {
            if (finding == null) {
                finding = start(FINDING, source, ring.name());
            }
            out.raw(finding);
            JsonFields.findingFields(out, f);
            end();
        }
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        out.raw(start(SUMMARY, null));
        JsonFields.string(out, SCOPE, "run");
        JsonFields.number(out, INPUTS, run.inputs());
        JsonFields.number(out, FAILED_INPUTS, run.failed());
        JsonFields.number(out, EXIT_CODE, exitCode);
        JsonFields.summaryFields(out, run.summary());
        end();
        out.flush();
    }

    /** {@code {"record":…,"schema":…,"source":…} encoded, without the closing brace. */
    private static byte[] start(String record, String source) {
        return JsonBytes.render(json -> opening(json, record, source));
    }

    /** The same with {@code "ring"} after the source: a ring's name, or null for an input's own findings. */
    private static byte[] start(String record, String source, String ring) {
        return JsonBytes.render(json -> {
            opening(json, record, source);
            json.name(JsonFields.RING);
            if (ring == null) {
                json.nul();
            } else {
                json.string(ring);
            }
        });
    }

    private static void opening(JsonBytes json, String record, String source) throws IOException {
        json.startObject();
        JsonFields.string(json, RECORD, record);
        JsonFields.string(json, SCHEMA, JsonFields.SCHEMA);
        json.name(SOURCE);
        if (source == null) {
            json.nul();
        } else {
            json.string(source);
        }
    }

    private void end() throws IOException {
        out.endObject();
        out.newline();
        if (lineBuffered) {
            out.flush();
        }
    }

    private static final String INPUT = "input";
    private static final String FINDING = "finding";
    private static final String RING = "ring";
    private static final String PACKET = "packet";
    private static final String MODEL = "model";
    private static final String SUMMARY = "summary";

    private static final JsonName RECORD = JsonName.of("record");
    private static final JsonName SCHEMA = JsonName.of("schema");
    private static final JsonName SOURCE = JsonName.of("source");
    private static final JsonName LAYOUT = JsonName.of("layout");
    private static final JsonName CONTAINER = JsonName.of("container");
    private static final JsonName LAYOUT_DECISION = JsonName.of("layout_decision");
    private static final JsonName EXIT_CODE = JsonName.of("exit_code");
    private static final JsonName ERROR = JsonName.of("error");
    private static final JsonName CONSUMED_STOP = JsonName.of("consumed_stop");
    private static final JsonName SCOPE = JsonName.of("scope");
    private static final JsonName INPUTS = JsonName.of("inputs");
    private static final JsonName FAILED_INPUTS = JsonName.of("failed_inputs");
}
