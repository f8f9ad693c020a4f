package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import ringtool.core.report.Summary;
import ringtool.core.rules.Finding;
import ringtool.core.sysfs.ChannelInfo;
import ringtool.core.sysfs.DeviceInfo;
import ringtool.core.sysfs.RingDebugInfo;

/**
 * {@code sysfs --format json} (contract.md, sysfs section) and {@code --format jsonl}: in JSONL each device is a
 * {@code "record": "device"} line without its findings, each finding a {@code "record": "finding"} line with the
 * device's {@code path}, and the last line the run's {@code summary}. Missing attributes are absent.
 */
public final class SysfsJsonWriter implements SysfsWriter {

    private final JsonGenerator g;
    private final boolean lines;

    public SysfsJsonWriter(Writer out, boolean lines) {
        this.lines = lines;
        try {
            g = Utf8Output.generator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (lines) {
                g.setRootValueSeparator(null);
            } else {
                g.useDefaultPrettyPrinter();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin() throws IOException {
        if (!lines) {
            g.writeStartObject();
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeArrayFieldStart("devices");
        }
    }

    @Override
    public void device(DeviceInfo d, int exitCode) throws IOException {
        g.writeStartObject();
        if (lines) {
            g.writeStringField("record", "device");
            g.writeStringField("schema", JsonFields.SCHEMA);
        }
        g.writeStringField("path", d.path());
        optional(g, "device_id", d.deviceId());
        optional(g, "class_id", d.classId());
        optional(g, "kind", d.kind());
        if (d.relid() != null) {
            g.writeNumberField("id", d.relid());
        }
        if (d.state() != null) {
            g.writeNumberField("state", d.state());
        }
        g.writeNumberField("exit_code", exitCode);
        ring("in", d.in());
        ring("out", d.out());
        g.writeArrayFieldStart("channel_vp_mapping");
        for (DeviceInfo.VpMapping m : d.vpMapping()) {
            g.writeStartObject();
            g.writeNumberField("relid", m.relid());
            g.writeNumberField("cpu", m.cpu());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("channels");
        for (ChannelInfo c : d.channels()) {
            g.writeStartObject();
            g.writeNumberField("relid", c.relid());
            for (Map.Entry<String, Long> e : c.values().entrySet()) {
                JsonFields.u64(JacksonOut.of(g), e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (lines) {
            endLine();
            for (Finding f : d.findings()) {
                g.writeStartObject();
                g.writeStringField("record", "finding");
                g.writeStringField("schema", JsonFields.SCHEMA);
                g.writeStringField("path", d.path());
                JsonFields.findingFields(JacksonOut.of(g), f);
                endLine();
            }
        } else {
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) {
                g.writeStartObject();
                JsonFields.findingFields(JacksonOut.of(g), f);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.flush();
    }

    private void ring(String name, RingDebugInfo r) throws IOException {
        g.writeObjectFieldStart(name);
        optional(g, "interrupt_mask", r.interruptMask());
        optional(g, "read_index", r.readIndex());
        optional(g, "write_index", r.writeIndex());
        optional(g, "read_bytes_avail", r.readBytesAvail());
        optional(g, "write_bytes_avail", r.writeBytesAvail());
        optional(g, "data_size", r.dataSize());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, Long value) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value);
        }
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private void endLine() throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    @Override
    public void end(long devices, long failedInputs, Summary totals, int exitCode) throws IOException {
        if (lines) {
            g.writeStartObject();
            g.writeStringField("record", "summary");
            g.writeStringField("schema", JsonFields.SCHEMA);
        } else {
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
        }
        g.writeNumberField("devices", devices);
        g.writeNumberField("failed_inputs", failedInputs);
        JsonFields.summaryFields(JacksonOut.of(g), totals);
        g.writeNumberField("exit_code", exitCode);
        g.writeEndObject();
        if (!lines) {
            g.writeEndObject();
        }
        g.writeRaw('\n');
        g.flush();
    }
}
