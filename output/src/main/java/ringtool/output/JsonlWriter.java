package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.Writer;
import java.io.UncheckedIOException;
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
 */
public final class JsonlWriter implements ReportWriter {

    /** Thread-safe and costly to build (symbol tables, buffer recyclers): one per JVM, not one per writer. */
    private final JsonGenerator g;
    private final boolean lineBuffered;

    /** Block-buffered: what a pipe or a file gets. */
    public JsonlWriter(Writer out) {
        this(out, false);
    }

    public JsonlWriter(Writer out, boolean lineBuffered) {
        this.lineBuffered = lineBuffered;
        try {
            g = Utf8Output.generator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Jackson separates root values with a space by default, which would start every line but the first.
            g.setRootValueSeparator(new SerializedString(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin() {
        // JSONL has no envelope.
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        String source = report.source();
        start(INPUT, source);
        g.writeStringField("layout", report.layout());
        if (report.container() != null) {
            g.writeStringField("container", report.container());
        }
        if (report.decision() != null) {
            g.writeStringField("layout_decision", report.decision());
        }
        if (report.error() != null) {
            g.writeNumberField("exit_code", exitCode.getAsInt());
            g.writeStringField("error", report.error());
        }
        end();
        for (Finding f : report.findings()) {
            start(FINDING, source);
            JsonFields.nul(g, RING);
            JsonFields.findingFields(g, f);
            end();
        }
        for (RingReport ring : report.rings()) {
            start(RING, source);
            JsonFields.string(g, RING, ring.name());
            JsonFields.ringFields(g, ring);
            History history = ring.consumed();
            if (history != null) {
                g.writeObjectFieldStart("consumed_stop");
                JsonFields.consumedStopFields(g, history.stop());
                g.writeEndObject();
            }
            end();
            if (history != null) {
                PayloadDecoder consumed = ring.decoder();
                for (Packet p : history.packets()) {
                    start(PACKET, source);
                    JsonFields.string(g, RING, ring.name());
                    JsonFields.consumedPacketFields(g, p, consumed.decode(p).decoded());
                    end();
                }
            }
            PayloadDecoder decoder = ring.decoder();
            for (Packet p : ring.packets()) {
                start(PACKET, source);
                JsonFields.string(g, RING, ring.name());
                JsonFields.packetFields(g, p, decoder.decode(p).decoded());
                end();
            }
            if (ring.hasModels()) {
                for (ModelResult m : ring.modelResults()) {
                    start(MODEL, source);
                    JsonFields.string(g, RING, ring.name());
                    JsonFields.modelFields(g, m);
                    end();
                }
            }
            for (Finding f : ring.findings()) {
                start(FINDING, source);
                JsonFields.string(g, RING, ring.name());
                JsonFields.findingFields(g, f);
                end();
            }
        }
        start(SUMMARY, source);
        g.writeStringField("scope", "input");
        g.writeNumberField("exit_code", exitCode.getAsInt());
        JsonFields.summaryFields(g, report.summary());
        end();
        g.flush();
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        start(SUMMARY, null);
        g.writeStringField("scope", "run");
        g.writeNumberField("inputs", run.inputs());
        g.writeNumberField("failed_inputs", run.failed());
        g.writeNumberField("exit_code", exitCode);
        JsonFields.summaryFields(g, run.summary());
        end();
        g.flush();
    }

    private void start(SerializableString record, String source) throws IOException {
        g.writeStartObject();
        g.writeFieldName(RECORD);
        g.writeString(record);
        g.writeFieldName(SCHEMA);
        g.writeString(SCHEMA_VALUE);
        if (source == null) {
            JsonFields.nul(g, SOURCE);
        } else {
            JsonFields.string(g, SOURCE, source);
        }
    }

    /** Pre-encoded, as in {@link JsonFields}: every record starts with them. */
    private static final SerializableString RECORD = JsonFields.name("record");
    private static final SerializableString SCHEMA = JsonFields.name("schema");
    private static final SerializableString SCHEMA_VALUE = JsonFields.name(JsonFields.SCHEMA);
    private static final SerializableString SOURCE = JsonFields.name("source");
    private static final SerializableString INPUT = JsonFields.name("input");
    private static final SerializableString FINDING = JsonFields.name("finding");
    private static final SerializableString RING = JsonFields.name("ring");
    private static final SerializableString PACKET = JsonFields.name("packet");
    private static final SerializableString MODEL = JsonFields.name("model");
    private static final SerializableString SUMMARY = JsonFields.name("summary");

    private void end() throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
        if (lineBuffered) {
            g.flush();
        }
    }
}
