package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * {@code --format json}: one document per run, written by Jackson's streaming generator as the walk goes, so a
 * ring of a million packets is never held in memory.
 */
public final class JsonWriter implements ReportWriter {

    /** From the one shared factory ({@link Utf8Output#generator}), straight onto the bytes when it can. */
    private final JsonGenerator g;
    private final JsonOut fields;

    public JsonWriter(Writer out) {
        try {
            g = Utf8Output.generator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new FastPrettyPrinter());
            fields = JacksonOut.of(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin() throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", JsonFields.SCHEMA);
        g.writeArrayFieldStart("inputs");
        // Flushed so that inputs rendered elsewhere (inspect --jobs) can follow it on the same Writer.
        g.flush();
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", report.source());
        g.writeStringField("layout", report.layout());
        if (report.container() != null) {
            g.writeStringField("container", report.container());
        }
        if (report.decision() != null) {
            g.writeStringField("layout_decision", report.decision());
        }
        if (report.error() != null) {
            g.writeStringField("error", report.error());
        }
        g.writeArrayFieldStart("rings");
        for (RingReport ring : report.rings()) {
            ring(ring);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            finding(f);
        }
        g.writeEndArray();
        // After the rings, so they stream before the counting walk the exit code needs.
        g.writeNumberField("exit_code", exitCode.getAsInt());
        g.writeObjectFieldStart("summary");
        JsonFields.summaryFields(fields, report.summary());
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }

    private void ring(RingReport ring) throws IOException {
        g.writeStartObject();
        JsonFields.ringFields(fields, ring);
        g.writeArrayFieldStart("packets");
        // The pass that writes the packets counts their findings: a ring without any is walked only this once.
        ring.eachPacket((p, decoded) -> {
            g.writeStartObject();
            JsonFields.packetFields(fields, p, decoded);
            g.writeEndObject();
        });
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : ring.findings()) {
            finding(f);
        }
        g.writeEndArray();
        if (ring.hasModels()) {
            g.writeArrayFieldStart("models");
            for (ModelResult m : ring.modelResults()) {
                g.writeStartObject();
                JsonFields.modelFields(fields, m);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (ring.hasHistory()) {
            History history = ring.consumed();
            g.writeArrayFieldStart("consumed");
            PayloadDecoder consumed = ring.decoder();
            for (Packet p : history.packets()) {
                g.writeStartObject();
                JsonFields.consumedPacketFields(fields, p, consumed.decode(p).decoded());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("consumed_stop");
            JsonFields.consumedStopFields(fields, history.stop());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void finding(Finding f) throws IOException {
        g.writeStartObject();
        JsonFields.findingFields(fields, f);
        g.writeEndObject();
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("inputs", run.inputs());
        g.writeNumberField("failed_inputs", run.failed());
        JsonFields.summaryFields(fields, run.summary());
        g.writeNumberField("exit_code", exitCode);
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
