package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import ringtool.core.format.GpaRange;
import ringtool.core.format.TransferPageRange;
import ringtool.core.history.ConsumedStop;
import ringtool.core.model.ModelRead;
import ringtool.core.model.ModelResult;
import ringtool.core.report.RingReport;
import ringtool.core.report.Summary;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Severity;
import ringtool.core.walk.Packet;
import ringtool.core.walk.PacketExtension;

/**
 * The field sets that JSON and JSONL share, so the two formats carry the same facts under the same names
 * (contract: "the packet and finding objects carry the same fields as in JSON").
 */
public final class JsonFields {

    public static final String SCHEMA = "ringtool/1";

    private JsonFields() {
    }

    /** An unsigned u64 as an exact decimal number, beyond {@link Long#MAX_VALUE} too. */
    public static void u64(JsonGenerator g, String name, long value) throws IOException {
        g.writeFieldName(name);
        if (value >= 0) {
            g.writeNumber(value);
        } else {
            g.writeNumber(Long.toUnsignedString(value));
        }
    }

    static void nullableNumber(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** The ring's own fields, without packets and findings. */
    public static void ringFields(JsonGenerator g, RingReport r) throws IOException {
        g.writeStringField("name", r.name());
        g.writeNumberField("file_offset", r.fileOffset());
        g.writeNumberField("header_size", r.headerSize());
        g.writeNumberField("data_size", r.dataSize());
        g.writeNumberField("write_index", r.header().writeIndex());
        g.writeNumberField("read_index", r.header().readIndex());
        g.writeNumberField("interrupt_mask", r.header().interruptMask());
        g.writeNumberField("pending_send_size", r.header().pendingSendSize());
        g.writeNumberField("feature_bits", r.header().featureBits());
        g.writeNumberField("bytes_to_read", r.bytesToRead());
        g.writeNumberField("bytes_to_write", r.bytesToWrite());
        g.writeNumberField("walk_start", r.start());
        if (r.carve() != null) {
            u64(g, "physical_address", r.carve().physicalAddress());
            g.writeNumberField("pair", r.carve().pair());
            g.writeNumberField("confidence", r.carve().confidence());
            g.writeStringField("evidence", r.carve().evidence());
        }
    }

    public static void packetFields(JsonGenerator g, Packet p) throws IOException {
        g.writeNumberField("index", p.index());
        packetBody(g, p);
    }

    /** A packet recovered behind the read index ({@code --history}): negative index, {@code "consumed": true}. */
    public static void consumedPacketFields(JsonGenerator g, Packet p) throws IOException {
        g.writeNumberField("index", p.index());
        g.writeBooleanField("consumed", true);
        packetBody(g, p);
    }

    public static void consumedStopFields(JsonGenerator g, ConsumedStop stop) throws IOException {
        g.writeNumberField("offset", stop.offset());
        g.writeStringField("reason", stop.reason());
    }

    /** One reader model: {@code model}, {@code pkt_buffer_size} (for the models that have one), reads, end. */
    public static void modelFields(JsonGenerator g, ModelResult m) throws IOException {
        g.writeStringField("model", m.model());
        if (m.pktBufferSize() != null) {
            g.writeNumberField("pkt_buffer_size", m.pktBufferSize());
        }
        g.writeArrayFieldStart("reads");
        for (ModelRead r : m.reads()) {
            g.writeStartObject();
            g.writeNumberField("step", r.step());
            g.writeNumberField("offset", r.offset());
            g.writeNumberField("type", r.type());
            g.writeNumberField("flags", r.flags());
            u64(g, "transaction_id", r.transactionId());
            g.writeNumberField("offset8", r.offset8());
            g.writeNumberField("len8", r.len8());
            g.writeNumberField("bytes", r.bytes());
            nullableNumber(g, "strict_packet", r.strictPacket());
            g.writeBooleanField("beyond_write_index", r.beyondWriteIndex());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("end");
        g.writeStringField("reason", m.end().reason().id());
        g.writeNumberField("cursor", m.end().cursor());
        g.writeNumberField("reads", m.end().reads());
        g.writeStringField("detail", m.end().detail());
        g.writeEndObject();
    }

    private static void packetBody(JsonGenerator g, Packet p) throws IOException {
        g.writeNumberField("offset", p.offset());
        g.writeNumberField("file_offset", p.fileOffset());
        g.writeNumberField("type", p.descriptor().type());
        g.writeStringField("type_name", p.typeName());
        g.writeNumberField("offset8", p.descriptor().offset8());
        g.writeNumberField("len8", p.descriptor().len8());
        g.writeNumberField("flags", p.descriptor().flags());
        u64(g, "transaction_id", p.descriptor().transactionId());
        g.writeNumberField("payload_offset", p.payloadOffset());
        g.writeNumberField("payload_length", p.payloadLength());
        g.writeNumberField("padded_length", p.paddedPayloadLength());
        u64(g, "trailer", p.trailer());
        g.writeBooleanField("wraps", p.wraps());
        if (p.extension() instanceof PacketExtension.TransferPages t) {
            g.writeObjectFieldStart("transfer_pages");
            g.writeNumberField("pageset_id", t.header().pagesetId());
            g.writeNumberField("sender_owns_set", t.header().senderOwnsSet());
            g.writeNumberField("range_count", t.header().rangeCount());
            g.writeArrayFieldStart("ranges");
            for (TransferPageRange range : t.ranges()) {
                g.writeStartObject();
                g.writeNumberField("byte_count", range.byteCount());
                g.writeNumberField("byte_offset", range.byteOffset());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (p.extension() instanceof PacketExtension.GpaDirect gd) {
            g.writeObjectFieldStart("gpa_direct");
            g.writeNumberField("range_count", gd.header().rangeCount());
            g.writeArrayFieldStart("ranges");
            for (GpaRange range : gd.ranges()) {
                g.writeStartObject();
                g.writeNumberField("byte_count", range.byteCount());
                g.writeNumberField("byte_offset", range.byteOffset());
                g.writeArrayFieldStart("pfns");
                for (long pfn : range.pfns()) {
                    g.writeNumber(pfn >= 0 ? Long.toString(pfn) : Long.toUnsignedString(pfn));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static void findingFields(JsonGenerator g, Finding f) throws IOException {
        g.writeStringField("rule", f.rule().id());
        g.writeStringField("severity", f.severity().id());
        nullableNumber(g, "offset", f.offset());
        nullableNumber(g, "file_offset", f.fileOffset());
        nullableNumber(g, "length", f.length());
        nullableNumber(g, "packet", f.packet());
        g.writeStringField("message", f.message());
        if (f.expected() != null) {
            g.writeStringField("expected", f.expected());
        }
        if (f.actual() != null) {
            g.writeStringField("actual", f.actual());
        }
        if (f.model() != null) {
            g.writeStringField("model", f.model());
        }
    }

    /** {@code "counts": {...}, "packets": n, "worst_rule": ...} */
    public static void summaryFields(JsonGenerator g, Summary s) throws IOException {
        g.writeNumberField("packets", s.packets());
        g.writeObjectFieldStart("counts");
        for (Severity sev : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            g.writeNumberField(sev.id(), s.count(sev));
        }
        g.writeEndObject();
        if (s.worst() == null) {
            g.writeNullField("worst_rule");
        } else {
            g.writeStringField("worst_rule", s.worst().id());
        }
    }
}
