package ringtool.core.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rule registry: every rule any part of ringtool reports, with its default severity. {@code ringtool checks},
 * SARIF's {@code tool.driver.rules} and the documentation are all generated from {@link #all()}.
 *
 * <p>Payload rules ({@code balloon.*}, {@code ic.*}, ...) are defined by each protocol's package and registered
 * with its dissector; {@link #all()} lists them after these, found as {@link RuleSource}s.
 *
 * <p>The checks themselves live beside the code that meets the bytes they judge and name their rule by one of
 * these constants, so an ID leads to its check in one search.
 */
public final class Rules {

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    // Header: the control page and the geometry of the data area.
    public static final Rule RING_SIZE_INVALID = rule("ring.size.invalid", Severity.ERROR,
            "the data area is 0 bytes or not a multiple of 4096");
    public static final Rule RING_WRITE_INDEX_OUT_OF_RANGE = rule("ring.write_index.out_of_range", Severity.ERROR,
            "write_index >= data_size");
    public static final Rule RING_WRITE_INDEX_UNALIGNED = rule("ring.write_index.unaligned", Severity.ERROR,
            "write_index % 8 != 0");
    public static final Rule RING_READ_INDEX_OUT_OF_RANGE = rule("ring.read_index.out_of_range", Severity.ERROR,
            "read_index >= data_size");
    public static final Rule RING_READ_INDEX_UNALIGNED = rule("ring.read_index.unaligned", Severity.ERROR,
            "read_index % 8 != 0");
    public static final Rule RING_INTERRUPT_MASK_INVALID = rule("ring.interrupt_mask.invalid", Severity.WARNING,
            "interrupt_mask is neither 0 nor 1");
    public static final Rule RING_PENDING_SEND_SIZE_INVALID = rule("ring.pending_send_size.invalid", Severity.WARNING,
            "pending_send_size > data_size");
    public static final Rule RING_FEATURE_BITS_UNKNOWN = rule("ring.feature_bits.unknown", Severity.WARNING,
            "a feature bit other than bit 0 is set");
    public static final Rule RING_RESERVED_NONZERO = rule("ring.reserved.nonzero", Severity.NOTE,
            "a reserved byte of the first 4096 header bytes is not zero");

    // The walk from the read index to the write index.
    public static final Rule RING_AVAILABLE_TOO_SMALL = rule("ring.available.too_small", Severity.ERROR,
            "between the cursor and the write index lie 1 to 23 bytes: too few for a descriptor and its trailer");

    // The packet descriptor; an error here ends the walk.
    public static final Rule PKT_LEN8_TOO_SMALL = rule("pkt.len8.too_small", Severity.ERROR,
            "len8 < 2");
    public static final Rule PKT_LEN8_EXCEEDS_AVAILABLE = rule("pkt.len8.exceeds_available", Severity.ERROR,
            "len8 * 8 + 8 (packet and trailer) is more than the bytes left to the write index");
    public static final Rule PKT_OFFSET8_TOO_SMALL = rule("pkt.offset8.too_small", Severity.ERROR,
            "offset8 < 2, or < 3 for types 7 and 9 (they carry an 8-byte extended header)");
    public static final Rule PKT_OFFSET8_BEYOND_LEN8 = rule("pkt.offset8.beyond_len8", Severity.ERROR,
            "offset8 > len8");
    public static final Rule PKT_TYPE_UNKNOWN = rule("pkt.type.unknown", Severity.ERROR,
            "the type is 0 or above 0x0d");
    public static final Rule PKT_FLAGS_UNKNOWN = rule("pkt.flags.unknown", Severity.ERROR,
            "a flag bit other than bit 0 is set");

    // The trailer after each packet.
    public static final Rule PKT_TRAILER_MISMATCH = rule("pkt.trailer.mismatch", Severity.WARNING,
            "the trailer is not zero, and its high 32 bits are not the packet's start offset or its low 32 bits are not 0");
    public static final Rule PKT_TRAILER_ZERO = rule("pkt.trailer.zero", Severity.NOTE,
            "the trailer is all zeros for a packet that does not start at 0: the writer does not record packet starts"
                    + " (QEMU's VMBus host does this)");

    // Extended headers of types 7 and 9.
    public static final Rule PKT_XFER_RANGE_COUNT_OVERFLOW = rule("pkt.xfer.range_count.overflow", Severity.ERROR,
            "type 7: 24 + range_count * 8 > offset8 * 8");
    public static final Rule PKT_GPA_RANGE_COUNT_ZERO = rule("pkt.gpa.range_count.zero", Severity.ERROR,
            "type 9 with range_count == 0");
    public static final Rule PKT_GPA_RANGE_INVALID = rule("pkt.gpa.range.invalid", Severity.ERROR,
            "a GPA range with byte count 0, byte offset above 0xfff, or fewer PFNs than it spans");

    // Dumps: how the input holds the rings.
    public static final Rule DUMP_DOUBLE_MAP_MISMATCH = rule("dump.double_map.mismatch", Severity.ERROR,
            "double-mapped: the two copies of the data area differ");


    // Reader models (inspect --model): what a real reader would do where it departs from the strict walk. They
    // judge a reader's behaviour on the snapshot, not the bytes themselves (the strict walk does that), so they
    // are warnings: the same well-formed ring can send an old reader astray.
    public static final Rule MODEL_LINUX_5_14_CLAMPED_LEN8 = model("model.linux-5.14.clamped_len8",
            "len8 below 2 or above min(pkt_buffer_size, available) is silently clamped to that bound: the driver gets"
                    + " a truncated copy");
    public static final Rule MODEL_LINUX_5_14_CLAMPED_OFFSET8 = model("model.linux-5.14.clamped_offset8",
            "offset8 below 2 or above the (clamped) len8 is silently forced to 2");
    public static final Rule MODEL_LINUX_5_14_DESYNC = model("model.linux-5.14.desync",
            "the iterator reads a descriptor inside live data where no packet starts (after a clamp)");
    public static final Rule MODEL_LINUX_5_14_PASSED_WRITE_INDEX = model("model.linux-5.14.passed_write_index",
            "the cursor advances past the write index (len8 * 8 == available): everything after it is stale");
    public static final Rule MODEL_LINUX_5_14_GHOST_PACKET = model("model.linux-5.14.ghost_packet",
            "the iterator hands over stale bytes beyond the write index as packets");
    public static final Rule MODEL_LINUX_5_14_READ_PAST_MAPPING = model("model.linux-5.14.read_past_mapping",
            "the copy of a packet would run past the double mapping (header + 2 x data size): a fault");
    public static final Rule MODEL_LINUX_5_14_LOOP = model("model.linux-5.14.loop",
            "the iterator comes back to an offset it already read: it spins forever");
    public static final Rule MODEL_LINUX_4_11_READ_PAST_MAPPING = model("model.linux-4.11.read_past_mapping",
            "a descriptor read in place lies past the double mapping: a fault");
    public static final Rule MODEL_LINUX_4_11_PACKET_PAST_MAPPING = model("model.linux-4.11.packet_past_mapping",
            "a packet handed over in place extends past the double mapping: the driver would read beyond it");
    public static final Rule MODEL_LINUX_4_11_CURSOR_BEYOND_DATA = model("model.linux-4.11.cursor_beyond_data",
            "after one subtraction the cursor is still at or beyond the data size (and would be published)");
    public static final Rule MODEL_LINUX_4_11_PAYLOAD_UNDERFLOW = model("model.linux-4.11.payload_underflow",
            "offset8 > len8: the payload length underflows; vmbus_recvpacket returns -ENOBUFS forever (live-lock)");
    public static final Rule MODEL_LINUX_4_11_DESYNC = model("model.linux-4.11.desync",
            "the iterator reads a descriptor inside live data where no packet starts");
    public static final Rule MODEL_LINUX_4_11_PASSED_WRITE_INDEX = model("model.linux-4.11.passed_write_index",
            "the cursor advances past the write index: everything after it is stale");
    public static final Rule MODEL_LINUX_4_11_GHOST_PACKET = model("model.linux-4.11.ghost_packet",
            "the iterator hands over stale bytes beyond the write index as packets");
    public static final Rule MODEL_LINUX_4_11_LOOP = model("model.linux-4.11.loop",
            "the iterator comes back to an offset it already read: it spins forever");
    public static final Rule MODEL_LINUX_4_4_READ_PAST_MAPPING = model("model.linux-4.4.read_past_mapping",
            "the peek of a descriptor at a read_index beyond the data area reads outside the ring: a fault");
    public static final Rule MODEL_LINUX_4_4_BUFFER_TOO_SMALL = model("model.linux-4.4.buffer_too_small",
            "the payload is larger than the caller's buffer: the packet is refused and never consumed");
    public static final Rule MODEL_LINUX_4_4_PAYLOAD_UNDERFLOW = model("model.linux-4.4.payload_underflow",
            "offset8 > len8: the payload length underflows to about 4 GiB, the packet is refused forever");
    public static final Rule MODEL_LINUX_4_4_STALLED = model("model.linux-4.4.stalled",
            "an empty payload (offset8 == len8): the inner -EINVAL is ignored, nothing is consumed, the channel stalls");
    public static final Rule MODEL_LINUX_4_4_IGNORED_EAGAIN = model("model.linux-4.4.ignored_eagain",
            "the payload is longer than the bytes available: -EAGAIN is ignored and the same stale buffer handed over"
                    + " on every call");
    public static final Rule MODEL_LINUX_4_4_DESYNC = model("model.linux-4.4.desync",
            "the reader reads a descriptor inside live data where no packet starts");
    public static final Rule MODEL_LINUX_4_4_PASSED_WRITE_INDEX = model("model.linux-4.4.passed_write_index",
            "read_index is published past the write index: everything after it is stale");
    public static final Rule MODEL_LINUX_4_4_GHOST_PACKET = model("model.linux-4.4.ghost_packet",
            "the reader hands over stale bytes beyond the write index as packets");
    public static final Rule MODEL_LINUX_4_4_LOOP = model("model.linux-4.4.loop",
            "the reader comes back to an offset it already read: it spins forever");
    public static final Rule MODEL_OPENVMM_REJECTED = model("model.openvmm.rejected",
            "OpenVMM's incoming ring returns an error (named in the message) and stops reading the channel");
    public static final Rule MODEL_OPENVMM_EXACT_FILL = model("model.openvmm.exact_fill",
            "a packet exactly fills the available bytes (no room for its trailer) and is accepted: the cursor lands"
                    + " 8 bytes past the write index");
    public static final Rule MODEL_OPENVMM_GHOST_PACKET = model("model.openvmm.ghost_packet",
            "the reader parses stale bytes beyond the write index as packets");
    public static final Rule MODEL_OPENVMM_LOOP = model("model.openvmm.loop",
            "the reader comes back to an offset it already read: it spins forever");

    // Live sources and sysfs snapshots (issue 4): values read one at a time while the rings move.
    public static final Rule DUMP_TORN_READ = rule("dump.torn_read", Severity.WARNING,
            "a live ring's indices moved while it was copied: the copy may mix old and new bytes");
    public static final Rule SYSFS_ATTRIBUTE_UNREADABLE = rule("sysfs.attribute.unreadable", Severity.WARNING,
            "a sysfs attribute exists but reading it failed (EINVAL on an unopened channel, EIO)");
    public static final Rule SYSFS_ATTRIBUTE_INVALID = rule("sysfs.attribute.invalid", Severity.ERROR,
            "a sysfs attribute does not hold what the kernel prints there (a number, a GUID, relid:cpu lines)");
    public static final Rule SYSFS_DATA_SIZE_INVALID = rule("sysfs.data_size.invalid", Severity.ERROR,
            "read_bytes_avail + write_bytes_avail (the data size) is 0 or not a multiple of 4096");
    public static final Rule SYSFS_READ_INDEX_OUT_OF_RANGE = rule("sysfs.read_index.out_of_range", Severity.ERROR,
            "a read_index file holds a value >= the data size");
    public static final Rule SYSFS_READ_INDEX_UNALIGNED = rule("sysfs.read_index.unaligned", Severity.ERROR,
            "a read_index file holds a value that is not a multiple of 8");
    public static final Rule SYSFS_WRITE_INDEX_OUT_OF_RANGE = rule("sysfs.write_index.out_of_range", Severity.ERROR,
            "a write_index file holds a value >= the data size");
    public static final Rule SYSFS_WRITE_INDEX_UNALIGNED = rule("sysfs.write_index.unaligned", Severity.ERROR,
            "a write_index file holds a value that is not a multiple of 8");
    public static final Rule SYSFS_INTERRUPT_MASK_INVALID = rule("sysfs.interrupt_mask.invalid", Severity.WARNING,
            "an intr_mask / in_mask / out_mask file holds neither 0 nor 1");
    public static final Rule SYSFS_AVAIL_SKEW = rule("sysfs.avail.skew", Severity.NOTE,
            "two availability values of one ring differ by at most a quarter of the data size: files read at"
                    + " different moments, not damage");
    public static final Rule SYSFS_AVAIL_MISMATCH = rule("sysfs.avail.mismatch", Severity.ERROR,
            "two availability values of one ring (device-level, channel-level, or from the indices) differ by more"
                    + " than a quarter of the data size, or one exceeds the data size");
    public static final Rule SYSFS_RING_DATA_SIZE_MISMATCH = rule("sysfs.ring.data_size_mismatch", Severity.ERROR,
            "--ring: the dump's data area is not the size the sysfs files give");
    public static final Rule SYSFS_RING_HEADER_MISMATCH = rule("sysfs.ring.header_mismatch", Severity.WARNING,
            "--ring: the dump's read_index, write_index or interrupt_mask differs from the sysfs files");

    // Carving rings out of whole memory images (ringtool carve).
    public static final Rule DUMP_PAGE_MISSING = rule("dump.page.missing", Severity.WARNING,
            "pages the memory image lacks (excluded by the dump filter, lost when INCOMPLETE, or undecodable):"
                    + " never read as zeros");
    public static final Rule CARVE_CANDIDATE_REJECTED = rule("carve.candidate.rejected", Severity.NOTE,
            "a page looks like a ring header but too little evidence says it is a live ring (a page-cache copy,"
                    + " a freed ring): reported apart, with its confidence and the reason");

    private Rules() {
    }

    /** Registers a rule; its group is the ID's first component ({@code pkt}, {@code ring}, {@code model}, ...). */
    private static Rule rule(String id, Severity severity, String meaning) {
        Rule rule = new Rule(id, severity, id.substring(0, id.indexOf('.')), meaning);
        if (BY_ID.putIfAbsent(id, rule) != null) {
            throw new IllegalStateException("duplicate rule " + id);
        }
        return rule;
    }

    private static Rule model(String id, String meaning) {
        return rule(id, Severity.WARNING, meaning);
    }

    /** Every rule, in registry order (by group, as listed above), then each payload protocol's. */
    public static List<Rule> all() {
        List<Rule> out = new ArrayList<>(BY_ID.values());
        out.addAll(Sourced.RULES);
        return Collections.unmodifiableList(out);
    }

    public static Optional<Rule> byId(String id) {
        Rule r = BY_ID.get(id);
        if (r != null) {
            return Optional.of(r);
        }
        return Sourced.RULES.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The rules of every {@link RuleSource}, loaded once on first use (after this class's own are registered). */
    private static final class Sourced {

        static final List<Rule> RULES = load();

        private static List<Rule> load() {
            List<Rule> out = new ArrayList<>();
            for (RuleSource source : ServiceLoader.load(RuleSource.class, Rules.class.getClassLoader())) {
                out.addAll(source.rules());
            }
            return List.copyOf(out);
        }
    }
}
