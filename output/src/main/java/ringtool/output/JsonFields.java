package ringtool.output;

import java.io.IOException;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketType;
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

    /* Field names are pre-encoded (JsonName): the writers copy their quoted UTF-8 bytes for every packet. */
    static final JsonName ACTUAL = name("actual");
    static final JsonName BEYOND_WRITE_INDEX = name("beyond_write_index");
    static final JsonName BYTE_COUNT = name("byte_count");
    static final JsonName BYTE_OFFSET = name("byte_offset");
    static final JsonName BYTES = name("bytes");
    static final JsonName BYTES_TO_READ = name("bytes_to_read");
    static final JsonName BYTES_TO_WRITE = name("bytes_to_write");
    static final JsonName CONFIDENCE = name("confidence");
    static final JsonName CONSUMED = name("consumed");
    static final JsonName COUNTS = name("counts");
    static final JsonName CURSOR = name("cursor");
    static final JsonName DATA_SIZE = name("data_size");
    static final JsonName DECODED = name("decoded");
    static final JsonName DETAIL = name("detail");
    static final JsonName END = name("end");
    static final JsonName EVIDENCE = name("evidence");
    static final JsonName EXPECTED = name("expected");
    static final JsonName FEATURE_BITS = name("feature_bits");
    static final JsonName FIELDS = name("fields");
    static final JsonName FILE_OFFSET = name("file_offset");
    static final JsonName FLAGS = name("flags");
    static final JsonName GPA_DIRECT = name("gpa_direct");
    static final JsonName HEADER_SIZE = name("header_size");
    static final JsonName INDEX = name("index");
    static final JsonName INFO = name("info");
    static final JsonName INTERRUPT_MASK = name("interrupt_mask");
    static final JsonName LEN8 = name("len8");
    static final JsonName LENGTH = name("length");
    static final JsonName MESSAGE = name("message");
    static final JsonName MODEL = name("model");
    static final JsonName NAME = name("name");
    static final JsonName OFFSET = name("offset");
    static final JsonName OFFSET8 = name("offset8");
    static final JsonName PACKET = name("packet");
    static final JsonName PACKETS = name("packets");
    static final JsonName PADDED_LENGTH = name("padded_length");
    static final JsonName PAGESET_ID = name("pageset_id");
    static final JsonName PAIR = name("pair");
    static final JsonName PAYLOAD_LENGTH = name("payload_length");
    static final JsonName PAYLOAD_OFFSET = name("payload_offset");
    static final JsonName PENDING_SEND_SIZE = name("pending_send_size");
    static final JsonName PFNS = name("pfns");
    static final JsonName PHYSICAL_ADDRESS = name("physical_address");
    static final JsonName PKT_BUFFER_SIZE = name("pkt_buffer_size");
    static final JsonName PROTOCOL = name("protocol");
    static final JsonName PROTOCOL_DECISION = name("protocol_decision");
    static final JsonName RANGE_COUNT = name("range_count");
    static final JsonName RANGES = name("ranges");
    static final JsonName READ_INDEX = name("read_index");
    static final JsonName READS = name("reads");
    static final JsonName REASON = name("reason");
    static final JsonName RING = name("ring");
    static final JsonName RULE = name("rule");
    static final JsonName SENDER_OWNS_SET = name("sender_owns_set");
    static final JsonName SEVERITY = name("severity");
    static final JsonName STEP = name("step");
    static final JsonName STRICT_PACKET = name("strict_packet");
    static final JsonName TRAILER = name("trailer");
    static final JsonName TRANSACTION_ID = name("transaction_id");
    static final JsonName TRANSFER_PAGES = name("transfer_pages");
    static final JsonName TYPE = name("type");
    static final JsonName TYPE_NAME = name("type_name");
    static final JsonName WALK_START = name("walk_start");
    static final JsonName WORST_RULE = name("worst_rule");
    static final JsonName WRAPS = name("wraps");
    static final JsonName WRITE_INDEX = name("write_index");

    /** The names of the known packet types, pre-encoded: every packet record carries one. */
    private static final JsonName[] TYPE_NAMES = new JsonName[PacketType.MAX_KNOWN + 1];

    static {
        for (int type = 0; type < TYPE_NAMES.length; type++) {
            TYPE_NAMES[type] = name(PacketType.name(type));
        }
    }

    static JsonName name(String name) {
        return JsonName.of(name);
    }

    static void number(JsonOut g, JsonName name, long value) throws IOException {
        g.field(name, value);
    }

    static void string(JsonOut g, JsonName name, String value) throws IOException {
        g.name(name);
        g.string(value);
    }

    static void bool(JsonOut g, JsonName name, boolean value) throws IOException {
        g.name(name);
        g.bool(value);
    }

    static void nul(JsonOut g, JsonName name) throws IOException {
        g.name(name);
        g.nul();
    }

    static void array(JsonOut g, JsonName name) throws IOException {
        g.name(name);
        g.startArray();
    }

    static void object(JsonOut g, JsonName name) throws IOException {
        g.name(name);
        g.startObject();
    }

    /** An unsigned u64 as an exact decimal number, beyond {@link Long#MAX_VALUE} too. */
    public static void u64(JsonOut g, String name, long value) throws IOException {
        g.name(name);
        g.u64(value);
    }

    static void u64(JsonOut g, JsonName name, long value) throws IOException {
        if (value >= 0) {
            g.field(name, value);
        } else {
            g.name(name);
            g.unsignedNumber(value);
        }
    }



    static void nullableNumber(JsonOut g, JsonName name, Long value) throws IOException {
        if (value == null) {
            nul(g, name);
        } else {
            number(g, name, value);
        }
    }

    public static void ringFields(JsonOut g, RingReport r) throws IOException {
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
            g.name(CONFIDENCE);
            g.number(r.carve().confidence());
            string(g, EVIDENCE, r.carve().evidence());
        }
    }

    /** @param decoded the payload's decoding, or null (written as {@code "decoded": null}) */
    public static void packetFields(JsonOut g, Packet p, Decoded decoded) throws IOException {
        number(g, INDEX, p.index());
        packetBody(g, p);
        decoded(g, decoded);
    }

    /** A packet recovered behind the read index ({@code --history}): negative index, {@code "consumed": true}. */
    public static void consumedPacketFields(JsonOut g, Packet p, Decoded decoded) throws IOException {
        number(g, INDEX, p.index());
        bool(g, CONSUMED, true);
        packetBody(g, p);
        decoded(g, decoded);
    }

    /** {@code "decoded": {protocol, message, info, fields}} or {@code null}. */
    static void decoded(JsonOut g, Decoded d) throws IOException {
        if (d == null) {
            nul(g, DECODED);
            return;
        }
        object(g, DECODED);
        string(g, PROTOCOL, d.protocol());
        string(g, MESSAGE, d.message());
        string(g, INFO, d.info());
        g.name(FIELDS);
        fieldValue(g, d.fields());
        g.endObject();
    }

    /** Recursion as deep as the decoders' structs nest, which their code fixes, never the payload. */
    private static void fieldValue(JsonOut g, FieldValue v) throws IOException {
        if (v instanceof FieldValue.Number n) {
            g.u64(n.unsigned());
        } else if (v instanceof FieldValue.Text t) {
            g.string(t.text());
        } else if (v instanceof FieldValue.Items items) {
            g.startArray();
            for (FieldValue item : items.items()) {
                fieldValue(g, item);
            }
            g.endArray();
        } else if (v instanceof Fields f) {
            g.startObject();
            for (Fields.Field field : f.entries()) {
                g.name(field.name());
                fieldValue(g, field.value());
            }
            g.endObject();
        }
    }

    public static void consumedStopFields(JsonOut g, ConsumedStop stop) throws IOException {
        number(g, OFFSET, stop.offset());
        string(g, REASON, stop.reason());
    }

    /** One reader model: {@code model}, {@code pkt_buffer_size} (for the models that have one), reads, end. */
    public static void modelFields(JsonOut g, ModelResult m) throws IOException {
        string(g, MODEL, m.model());
        if (m.pktBufferSize() != null) {
            number(g, PKT_BUFFER_SIZE, m.pktBufferSize());
        }
        array(g, READS);
        for (ModelRead r : m.reads()) {
            g.startObject();
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
            g.endObject();
        }
        g.endArray();
        object(g, END);
        string(g, REASON, m.end().reason().id());
        number(g, CURSOR, m.end().cursor());
        number(g, READS, m.end().reads());
        string(g, DETAIL, m.end().detail());
        g.endObject();
    }

    private static void packetBody(JsonOut g, Packet p) throws IOException {
        number(g, OFFSET, p.offset());
        number(g, FILE_OFFSET, p.fileOffset());
        number(g, TYPE, p.descriptor().type());
        g.name(TYPE_NAME);
        int type = p.descriptor().type();
        if (type >= 0 && type < TYPE_NAMES.length) {
            g.string(TYPE_NAMES[type]);
        } else {
            g.string(p.typeName());
        }
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
                g.startObject();
                number(g, BYTE_COUNT, range.byteCount());
                number(g, BYTE_OFFSET, range.byteOffset());
                g.endObject();
            }
            g.endArray();
            g.endObject();
        } else if (p.extension() instanceof PacketExtension.GpaDirect gd) {
            object(g, GPA_DIRECT);
            number(g, RANGE_COUNT, gd.header().rangeCount());
            array(g, RANGES);
            for (GpaRange range : gd.ranges()) {
                g.startObject();
                number(g, BYTE_COUNT, range.byteCount());
                number(g, BYTE_OFFSET, range.byteOffset());
                array(g, PFNS);
                for (long pfn : range.pfns()) {
                    g.u64(pfn);
                }
                g.endArray();
                g.endObject();
            }
            g.endArray();
            g.endObject();
        }
    }

    public static void findingFields(JsonOut g, Finding f) throws IOException {
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
    public static void summaryFields(JsonOut g, Summary s) throws IOException {
        number(g, PACKETS, s.packets());
        object(g, COUNTS);
        for (Severity sev : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            g.name(sev.id());
            g.number(s.count(sev));
        }
        g.endObject();
        if (s.worst() == null) {
            nul(g, WORST_RULE);
        } else {
            string(g, WORST_RULE, s.worst().id());
        }
    }
}
