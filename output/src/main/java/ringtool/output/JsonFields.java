package ringtool.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import ringtool.core.format.GpaRange;
import ringtool.core.format.TransferPageRange;
import ringtool.core.history.ConsumedStop;
import ringtool.core.model.ModelRead;
import ringtool.core.model.ModelResult;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
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

    /*
     * Field names are pre-encoded: Jackson then copies their quoted UTF-8 bytes instead of encoding and escaping each
     * name again for every packet, which was a third of the time of a large JSON report.
     */
    static final SerializableString ACTUAL = name("actual");
    static final SerializableString BEYOND_WRITE_INDEX = name("beyond_write_index");
    static final SerializableString BYTE_COUNT = name("byte_count");
    static final SerializableString BYTE_OFFSET = name("byte_offset");
    static final SerializableString BYTES = name("bytes");
    static final SerializableString BYTES_TO_READ = name("bytes_to_read");
    static final SerializableString BYTES_TO_WRITE = name("bytes_to_write");
    static final SerializableString CONFIDENCE = name("confidence");
    static final SerializableString CONSUMED = name("consumed");
    static final SerializableString COUNTS = name("counts");
    static final SerializableString CURSOR = name("cursor");
    static final SerializableString DATA_SIZE = name("data_size");
    static final SerializableString DECODED = name("decoded");
    static final SerializableString DETAIL = name("detail");
    static final SerializableString END = name("end");
    static final SerializableString EVIDENCE = name("evidence");
    static final SerializableString EXPECTED = name("expected");
    static final SerializableString FEATURE_BITS = name("feature_bits");
    static final SerializableString FIELDS = name("fields");
    static final SerializableString FILE_OFFSET = name("file_offset");
    static final SerializableString FLAGS = name("flags");
    static final SerializableString GPA_DIRECT = name("gpa_direct");
    static final SerializableString HEADER_SIZE = name("header_size");
    static final SerializableString INDEX = name("index");
    static final SerializableString INFO = name("info");
    static final SerializableString INTERRUPT_MASK = name("interrupt_mask");
    static final SerializableString LEN8 = name("len8");
    static final SerializableString LENGTH = name("length");
    static final SerializableString MESSAGE = name("message");
    static final SerializableString MODEL = name("model");
    static final SerializableString NAME = name("name");
    static final SerializableString OFFSET = name("offset");
    static final SerializableString OFFSET8 = name("offset8");
    static final SerializableString PACKET = name("packet");
    static final SerializableString PACKETS = name("packets");
    static final SerializableString PADDED_LENGTH = name("padded_length");
    static final SerializableString PAGESET_ID = name("pageset_id");
    static final SerializableString PAIR = name("pair");
    static final SerializableString PAYLOAD_LENGTH = name("payload_length");
    static final SerializableString PAYLOAD_OFFSET = name("payload_offset");
    static final SerializableString PENDING_SEND_SIZE = name("pending_send_size");
    static final SerializableString PFNS = name("pfns");
    static final SerializableString PHYSICAL_ADDRESS = name("physical_address");
    static final SerializableString PKT_BUFFER_SIZE = name("pkt_buffer_size");
    static final SerializableString PROTOCOL = name("protocol");
    static final SerializableString PROTOCOL_DECISION = name("protocol_decision");
    static final SerializableString RANGE_COUNT = name("range_count");
    static final SerializableString RANGES = name("ranges");
    static final SerializableString READ_INDEX = name("read_index");
    static final SerializableString READS = name("reads");
    static final SerializableString REASON = name("reason");
    static final SerializableString RULE = name("rule");
    static final SerializableString SENDER_OWNS_SET = name("sender_owns_set");
    static final SerializableString SEVERITY = name("severity");
    static final SerializableString STEP = name("step");
    static final SerializableString STRICT_PACKET = name("strict_packet");
    static final SerializableString TRAILER = name("trailer");
    static final SerializableString TRANSACTION_ID = name("transaction_id");
    static final SerializableString TRANSFER_PAGES = name("transfer_pages");
    static final SerializableString TYPE = name("type");
    static final SerializableString TYPE_NAME = name("type_name");
    static final SerializableString WALK_START = name("walk_start");
    static final SerializableString WORST_RULE = name("worst_rule");
    static final SerializableString WRAPS = name("wraps");
    static final SerializableString WRITE_INDEX = name("write_index");

    static SerializableString name(String name) {
        return new SerializedString(name);
    }

    static void number(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static void bool(JsonGenerator g, SerializableString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    static void nul(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeNull();
    }

    static void array(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
    }

    static void object(JsonGenerator g, SerializableString name) throws IOException {
        g.writeFieldName(name);
        g.writeStartObject();
    }

    /** An unsigned u64 as an exact decimal number, beyond {@link Long#MAX_VALUE} too. */
    public static void u64(JsonGenerator g, String name, long value) throws IOException {
        g.writeFieldName(name);
        u64(g, value);
    }

    static void u64(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        u64(g, value);
    }

    private static void u64(JsonGenerator g, long value) throws IOException {
        if (value >= 0) {
            g.writeNumber(value);
        } else {
            g.writeNumber(Long.toUnsignedString(value));
        }
    }

    static void nullableNumber(JsonGenerator g, SerializableString name, Long value) throws IOException {
        if (value == null) {
            nul(g, name);
        } else {
            number(g, name, value);
        }
    }

    public static void ringFields(JsonGenerator g, RingReport r) throws IOException {
        string(g, NAME, r.name());
        number(g, FILE_OFFSET, r.fileOffset());
        number(g, HEADER_SIZE, r.headerSize());
        number(g, DATA_SIZE, r.dataSize());
        number(g, WRITE_INDEX, r.header().writeIndex());
        number(g, READ_INDEX, r.header().readIndex());
        number(g, INTERRUPT_MASK, r.header().interruptMask());
        number(g, PENDING_SEND_SIZE, r.header().pendingSendSize());
        number(g, FEATURE_BITS, r.header().featureBits());
        number(g, BYTES_TO_READ, r.bytesToRead());
        number(g, BYTES_TO_WRITE, r.bytesToWrite());
        number(g, WALK_START, r.start());
        string(g, PROTOCOL, r.protocol().name());
        string(g, PROTOCOL_DECISION, r.protocol().decision());
        if (r.carve() != null) {
            u64(g, PHYSICAL_ADDRESS, r.carve().physicalAddress());
            number(g, PAIR, r.carve().pair());
            g.writeFieldName(CONFIDENCE);
            g.writeNumber(r.carve().confidence());
            string(g, EVIDENCE, r.carve().evidence());
        }
    }

    /** @param decoded the payload's decoding, or null (written as {@code "decoded": null}) */
    public static void packetFields(JsonGenerator g, Packet p, Decoded decoded) throws IOException {
        number(g, INDEX, p.index());
        packetBody(g, p);
        decoded(g, decoded);
    }

    /** A packet recovered behind the read index ({@code --history}): negative index, {@code "consumed": true}. */
    public static void consumedPacketFields(JsonGenerator g, Packet p, Decoded decoded) throws IOException {
        number(g, INDEX, p.index());
        bool(g, CONSUMED, true);
        packetBody(g, p);
        decoded(g, decoded);
    }

    /** {@code "decoded": {protocol, message, info, fields}} or {@code null}. */
    static void decoded(JsonGenerator g, Decoded d) throws IOException {
        if (d == null) {
            nul(g, DECODED);
            return;
        }
        object(g, DECODED);
        string(g, PROTOCOL, d.protocol());
        string(g, MESSAGE, d.message());
        string(g, INFO, d.info());
        g.writeFieldName(FIELDS);
        fieldValue(g, d.fields());
        g.writeEndObject();
    }

    /** Recursion as deep as the decoders' structs nest, which their code fixes, never the payload. */
    private static void fieldValue(JsonGenerator g, FieldValue v) throws IOException {
        if (v instanceof FieldValue.Number n) {
            u64(g, n.unsigned());
        } else if (v instanceof FieldValue.Text t) {
            g.writeString(t.text());
        } else if (v instanceof FieldValue.Items items) {
            g.writeStartArray();
            for (FieldValue item : items.items()) {
                fieldValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Fields f) {
            g.writeStartObject();
            for (Fields.Field field : f.entries()) {
                g.writeFieldName(field.name());
                fieldValue(g, field.value());
            }
            g.writeEndObject();
        }
    }

    public static void consumedStopFields(JsonGenerator g, ConsumedStop stop) throws IOException {
        number(g, OFFSET, stop.offset());
        string(g, REASON, stop.reason());
    }

    /** One reader model: {@code model}, {@code pkt_buffer_size} (for the models that have one), reads, end. */
    public static void modelFields(JsonGenerator g, ModelResult m) throws IOException {
        string(g, MODEL, m.model());
        if (m.pktBufferSize() != null) {
            number(g, PKT_BUFFER_SIZE, m.pktBufferSize());
        }
        array(g, READS);
        for (ModelRead r : m.reads()) {
            g.writeStartObject();
            number(g, STEP, r.step());
            number(g, OFFSET, r.offset());
            number(g, TYPE, r.type());
            number(g, FLAGS, r.flags());
            u64(g, TRANSACTION_ID, r.transactionId());
            number(g, OFFSET8, r.offset8());
            number(g, LEN8, r.len8());
            number(g, BYTES, r.bytes());
            nullableNumber(g, STRICT_PACKET, r.strictPacket());
            bool(g, BEYOND_WRITE_INDEX, r.beyondWriteIndex());
            g.writeEndObject();
        }
        g.writeEndArray();
        object(g, END);
        string(g, REASON, m.end().reason().id());
        number(g, CURSOR, m.end().cursor());
        number(g, READS, m.end().reads());
        string(g, DETAIL, m.end().detail());
        g.writeEndObject();
    }

    private static void packetBody(JsonGenerator g, Packet p) throws IOException {
        number(g, OFFSET, p.offset());
        number(g, FILE_OFFSET, p.fileOffset());
        number(g, TYPE, p.descriptor().type());
        string(g, TYPE_NAME, p.typeName());
        number(g, OFFSET8, p.descriptor().offset8());
        number(g, LEN8, p.descriptor().len8());
        number(g, FLAGS, p.descriptor().flags());
        u64(g, TRANSACTION_ID, p.descriptor().transactionId());
        number(g, PAYLOAD_OFFSET, p.payloadOffset());
        number(g, PAYLOAD_LENGTH, p.payloadLength());
        number(g, PADDED_LENGTH, p.paddedPayloadLength());
        u64(g, TRAILER, p.trailer());
        bool(g, WRAPS, p.wraps());
        if (p.extension() instanceof PacketExtension.TransferPages t) {
            object(g, TRANSFER_PAGES);
            number(g, PAGESET_ID, t.header().pagesetId());
            number(g, SENDER_OWNS_SET, t.header().senderOwnsSet());
            number(g, RANGE_COUNT, t.header().rangeCount());
            array(g, RANGES);
            for (TransferPageRange range : t.ranges()) {
                g.writeStartObject();
                number(g, BYTE_COUNT, range.byteCount());
                number(g, BYTE_OFFSET, range.byteOffset());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (p.extension() instanceof PacketExtension.GpaDirect gd) {
            object(g, GPA_DIRECT);
            number(g, RANGE_COUNT, gd.header().rangeCount());
            array(g, RANGES);
            for (GpaRange range : gd.ranges()) {
                g.writeStartObject();
                number(g, BYTE_COUNT, range.byteCount());
                number(g, BYTE_OFFSET, range.byteOffset());
                array(g, PFNS);
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
        string(g, RULE, f.rule().id());
        string(g, SEVERITY, f.severity().id());
        nullableNumber(g, OFFSET, f.offset());
        nullableNumber(g, FILE_OFFSET, f.fileOffset());
        nullableNumber(g, LENGTH, f.length());
        nullableNumber(g, PACKET, f.packet());
        string(g, MESSAGE, f.message());
        if (f.expected() != null) {
            string(g, EXPECTED, f.expected());
        }
        if (f.actual() != null) {
            string(g, ACTUAL, f.actual());
        }
        if (f.model() != null) {
            string(g, MODEL, f.model());
        }
    }

    /** {@code "counts": {...}, "packets": n, "worst_rule": ...} */
    public static void summaryFields(JsonGenerator g, Summary s) throws IOException {
        number(g, PACKETS, s.packets());
        object(g, COUNTS);
        for (Severity sev : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            g.writeNumberField(sev.id(), s.count(sev));
        }
        g.writeEndObject();
        if (s.worst() == null) {
            nul(g, WORST_RULE);
        } else {
            string(g, WORST_RULE, s.worst().id());
        }
    }
}
