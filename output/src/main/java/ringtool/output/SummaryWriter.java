package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import ringtool.core.report.InputReport;
import ringtool.core.report.Summary;

/**
 * {@code inspect --summary}: one line or record per input with its counts by severity and its worst rule, for
 * triage over many dumps. Each format keeps the shape of its full output minus the rings: text the per-input
 * closing line, JSONL only the {@code summary} records, JSON the document without {@code rings} and
 * {@code findings}. Computing a summary still walks every ring once, but nothing per packet is written.
 */
public final class SummaryWriter implements ReportWriter {

    private final Format format;
    private final PrintWriter text;
    private final JsonGenerator g;

    public SummaryWriter(Format format, Writer out) {
        if (!supports(format)) {
            throw new IllegalArgumentException("--summary has no " + format.id() + " form");
        }
        this.format = format;
        this.text = format == Format.TEXT ? ControlEscapes.wrap(out instanceof PrintWriter p ? p : new PrintWriter(out))
                : null;
        try {
            g = format == Format.TEXT ? null : Utf8Output.generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (g != null) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (format == Format.JSON) {
                g.setPrettyPrinter(new FastPrettyPrinter());
            } else {
                g.setRootValueSeparator(new SerializedString(""));
            }
        }
    }

    public static boolean supports(Format format) {
        return format == Format.TEXT || format == Format.JSON || format == Format.JSONL;
    }

    @Override
    public void begin() throws IOException {
        if (format == Format.JSON) {
            g.writeStartObject();
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeArrayFieldStart("inputs");
            g.flush();
        }
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        if (format == Format.TEXT) {
            if (report.error() != null) {
                // Concatenation, not printf: java.util.Formatter parses its pattern on every call, 7% of a run
                // over 1,000 small inputs.
                text.println(report.source() + ": cannot be processed: " + report.error() + "; exit "
                        + exitCode.getAsInt());
            } else {
                Summary s = report.summary();
                text.println(report.source() + ": layout " + report.layout() + ", " + TextWriter.counts(s)
                        + "; worst " + (s.worst() == null ? "none" : s.worst().id()) + "; exit " + exitCode.getAsInt());
            }
            text.flush();
            return;
        }
        g.writeStartObject();
        if (format == Format.JSONL) {
            g.writeStringField("record", "summary");
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeStringField("source", report.source());
            g.writeStringField("scope", "input");
            g.writeNumberField("exit_code", exitCode.getAsInt());
            if (report.error() != null) {
                g.writeStringField("error", report.error());
            }
            JsonFields.summaryFields(JacksonOut.of(g), report.summary());
            g.writeEndObject();
            g.writeRaw('\n');
        } else {
            g.writeStringField("source", report.source());
            g.writeStringField("layout", report.layout());
            g.writeNumberField("exit_code", exitCode.getAsInt());
            if (report.error() != null) {
                g.writeStringField("error", report.error());
            }
            g.writeObjectFieldStart("summary");
            JsonFields.summaryFields(JacksonOut.of(g), report.summary());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.flush();
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        if (format == Format.TEXT) {
            if (run.inputs() > 1) {
                text.println(run.inputs() + " inputs (" + run.failed() + " could not be processed): "
                        + TextWriter.counts(run.summary()) + "; exit " + exitCode);
            }
            text.flush();
            return;
        }
        if (format == Format.JSONL) {
            g.writeStartObject();
            g.writeStringField("record", "summary");
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeNullField("source");
            g.writeStringField("scope", "run");
            g.writeNumberField("inputs", run.inputs());
            g.writeNumberField("failed_inputs", run.failed());
            g.writeNumberField("exit_code", exitCode);
            JsonFields.summaryFields(JacksonOut.of(g), run.summary());
            g.writeEndObject();
        } else {
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("inputs", run.inputs());
            g.writeNumberField("failed_inputs", run.failed());
            JsonFields.summaryFields(JacksonOut.of(g), run.summary());
            g.writeNumberField("exit_code", exitCode);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }
}
