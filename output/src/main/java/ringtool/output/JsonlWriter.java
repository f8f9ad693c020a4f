package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.Writer;
import java.io.UncheckedIOException;
import ringtool.core.history.History;
import ringtool.core.model.ModelResult;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;

/**
 * {@code --format jsonl}: one object per line, flushed per record. Each input gives an {@code input} record, then
 * per ring a {@code ring} record, its consumed {@code packet}s ({@code --history}, oldest first, with
 * {@code "consumed": true}; the ring record then carries {@code consumed_stop}), its live {@code packet}s, one
 * {@code model} record per reader model ({@code --model}) and its {@code finding}s, then the input's {@code summary}
 * ({@code "scope": "input"}). The last line of the run is the run's {@code summary} ({@code "scope": "run"},
 * {@code "source": null}).
 */
public final class JsonlWriter implements ReportWriter {

    /** Thread-safe and costly to build (symbol tables, buffer recyclers): one per JVM, not one per writer. */
    private final JsonGenerator g;

    public JsonlWriter(Writer out) {
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
        start("input", source);
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
            start("finding", source);
            g.writeNullField("ring");
            JsonFields.findingFields(g, f);
            end();
        }
        for (RingReport ring : report.rings()) {
            start("ring", source);
            g.writeStringField("ring", ring.name());
            JsonFields.ringFields(g, ring);
            History history = ring.consumed();
            if (history != null) {
                g.writeObjectFieldStart("consumed_stop");
                JsonFields.consumedStopFields(g, history.stop());
                g.writeEndObject();
            }
            end();
            if (history != null) {
                for (Packet p : history.packets()) {
                    start("packet", source);
                    g.writeStringField("ring", ring.name());
                    JsonFields.consumedPacketFields(g, p);
                    end();
                }
            }
            for (Packet p : ring.packets()) {
                start("packet", source);
                g.writeStringField("ring", ring.name());
                JsonFields.packetFields(g, p);
                end();
            }
            if (ring.hasModels()) {
                for (ModelResult m : ring.modelResults()) {
                    start("model", source);
                    g.writeStringField("ring", ring.name());
                    JsonFields.modelFields(g, m);
                    end();
                }
            }
            for (Finding f : ring.findings()) {
                start("finding", source);
                g.writeStringField("ring", ring.name());
                JsonFields.findingFields(g, f);
                end();
            }
        }
        start("summary", source);
        g.writeStringField("scope", "input");
        g.writeNumberField("exit_code", exitCode.getAsInt());
        JsonFields.summaryFields(g, report.summary());
        end();
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        start("summary", null);
        g.writeStringField("scope", "run");
        g.writeNumberField("inputs", run.inputs());
        g.writeNumberField("failed_inputs", run.failed());
        g.writeNumberField("exit_code", exitCode);
        JsonFields.summaryFields(g, run.summary());
        end();
    }

    private void start(String record, String source) throws IOException {
        g.writeStartObject();
        g.writeStringField("record", record);
        g.writeStringField("schema", JsonFields.SCHEMA);
        if (source == null) {
            g.writeNullField("source");
        } else {
            g.writeStringField("source", source);
        }
    }

    private void end() throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
