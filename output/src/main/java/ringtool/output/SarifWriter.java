package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;

/**
 * {@code --format sarif}: one SARIF 2.1.0 log with one run. The rule registry is {@code tool.driver.rules}; each
 * finding is a result whose physical location is a byte region of the input file, so SARIF viewers and code
 * scanning dashboards point at the bytes. Inputs that cannot be processed become tool execution notifications.
 * Results are streamed as the walk produces them.
 */
public final class SarifWriter implements ReportWriter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";

    private final JsonGenerator g;
    private final List<Rule> rules = Rules.all();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final List<String[]> failedInputs = new java.util.ArrayList<>();

    public SarifWriter(Writer out) {
        try {
            g = Utf8Output.generator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
    }

    @Override
    public void begin() throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", VERSION);
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "ringtool");
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", r.meaning());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", r.severity().id());
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("group", r.group());
            if (r.linuxCheck() != null) {
                g.writeStringField("linux_check", r.linuxCheck());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        if (report.error() != null) {
            failedInputs.add(new String[] {report.source(), report.error()});
        }
        for (RingReport ring : report.rings()) {
            results(report.source(), ring.name(), ring.findings());
        }
        results(report.source(), null, report.findings());
    }

    /**
     * Findings about one artifact that is not an inspected input (a sysfs device directory).
     *
     * @param ring the ring the findings concern, or null
     */
    void results(String source, String ring, Iterable<Finding> findings) throws IOException {
        for (Finding f : findings) {
            result(source, ring, f);
        }
        g.flush();
    }

    /** An artifact that could not be read, reported with the run's invocation. */
    void failed(String source, String error) {
        failedInputs.add(new String[] {source, error});
    }

    private void result(String source, String ring, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        Integer index = ruleIndex.get(f.rule().id());
        if (index != null) {
            g.writeNumberField("ruleIndex", index);
        }
        g.writeStringField("level", f.severity().id());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(source));
        g.writeEndObject();
        if (f.fileOffset() != null) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("byteOffset", f.fileOffset());
            g.writeNumberField("byteLength", f.length() == null ? 0 : f.length());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        if (ring != null) {
            g.writeStringField("ring", ring);
        }
        if (f.offset() != null) {
            g.writeNumberField("offset", f.offset());
        }
        if (f.packet() != null) {
            g.writeNumberField("packet", f.packet());
        }
        if (f.model() != null) {
            g.writeStringField("model", f.model());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A relative URI reference for the path as given: separators as '/', reserved characters escaped. */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte c : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = c & 0xFF;
            if (Character.isLetterOrDigit(u) && u < 0x80 || "/-._~".indexOf(u) >= 0) {
                b.append((char) u);
            } else {
                b.append('%').append(String.format("%02X", u));
            }
        }
        return b.toString();
    }

    @Override
    public void end(RunTotals run, int exitCode) throws IOException {
        g.writeEndArray();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", exitCode <= 1);
        g.writeNumberField("exitCode", exitCode);
        if (!failedInputs.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (String[] failed : failedInputs) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", failed[0] + ": " + failed[1]);
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                g.writeObjectFieldStart("artifactLocation");
                g.writeStringField("uri", uri(failed[0]));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }
}
