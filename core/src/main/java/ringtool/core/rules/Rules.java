package ringtool.core.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule registry: every rule any part of ringtool reports, with its default severity. {@code ringtool checks},
 * SARIF's {@code tool.driver.rules} and the documentation are all generated from {@link #all()}.
 *
 * <p>The checks themselves live beside the code that meets the bytes they judge and name their rule by one of
 * these constants, so an ID leads to its check in one search.
 */
public final class Rules {

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    // Header: the control page and the geometry of the data area.
    public static final Rule RING_SIZE_INVALID = rule("ring.size.invalid", Severity.ERROR, "header",
            "the data area is 0 bytes or not a multiple of 4096");
    public static final Rule RING_WRITE_INDEX_OUT_OF_RANGE = rule("ring.write_index.out_of_range", Severity.ERROR,
            "header", "write_index >= data_size");
    public static final Rule RING_WRITE_INDEX_UNALIGNED = rule("ring.write_index.unaligned", Severity.ERROR, "header",
            "write_index % 8 != 0");
    public static final Rule RING_READ_INDEX_OUT_OF_RANGE = rule("ring.read_index.out_of_range", Severity.ERROR,
            "header", "read_index >= data_size");
    public static final Rule RING_READ_INDEX_UNALIGNED = rule("ring.read_index.unaligned", Severity.ERROR, "header",
            "read_index % 8 != 0");
    public static final Rule RING_INTERRUPT_MASK_INVALID = rule("ring.interrupt_mask.invalid", Severity.WARNING,
            "header", "interrupt_mask is neither 0 nor 1");
    public static final Rule RING_PENDING_SEND_SIZE_INVALID = rule("ring.pending_send_size.invalid", Severity.WARNING,
            "header", "pending_send_size > data_size");
    public static final Rule RING_FEATURE_BITS_UNKNOWN = rule("ring.feature_bits.unknown", Severity.WARNING, "header",
            "a feature bit other than bit 0 is set");
    public static final Rule RING_RESERVED_NONZERO = rule("ring.reserved.nonzero", Severity.NOTE, "header",
            "a reserved byte of the first 4096 header bytes is not zero");

    // The walk from the read index to the write index.
    public static final Rule RING_AVAILABLE_TOO_SMALL = rule("ring.available.too_small", Severity.ERROR, "walk",
            "between the cursor and the write index lie 1 to 23 bytes: too few for a descriptor and its trailer");

    // The packet descriptor; an error here ends the walk.
    public static final Rule PKT_LEN8_TOO_SMALL = rule("pkt.len8.too_small", Severity.ERROR, "descriptor",
            "len8 < 2");
    public static final Rule PKT_LEN8_EXCEEDS_AVAILABLE = rule("pkt.len8.exceeds_available", Severity.ERROR,
            "descriptor", "len8 * 8 + 8 (packet and trailer) is more than the bytes left to the write index");
    public static final Rule PKT_OFFSET8_TOO_SMALL = rule("pkt.offset8.too_small", Severity.ERROR, "descriptor",
            "offset8 < 2, or < 3 for types 7 and 9 (they carry an 8-byte extended header)");
    public static final Rule PKT_OFFSET8_BEYOND_LEN8 = rule("pkt.offset8.beyond_len8", Severity.ERROR, "descriptor",
            "offset8 > len8");
    public static final Rule PKT_TYPE_UNKNOWN = rule("pkt.type.unknown", Severity.ERROR, "descriptor",
            "the type is 0 or above 0x0d");
    public static final Rule PKT_FLAGS_UNKNOWN = rule("pkt.flags.unknown", Severity.ERROR, "descriptor",
            "a flag bit other than bit 0 is set");

    // The trailer after each packet.
    public static final Rule PKT_TRAILER_MISMATCH = rule("pkt.trailer.mismatch", Severity.WARNING, "trailer",
            "the trailer is not zero, and its high 32 bits are not the packet's start offset or its low 32 bits are not 0");
    public static final Rule PKT_TRAILER_ZERO = rule("pkt.trailer.zero", Severity.NOTE, "trailer",
            "the trailer is all zeros for a packet that does not start at 0: the writer does not record packet starts"
                    + " (QEMU's VMBus host does this)");

    // Extended headers of types 7 and 9.
    public static final Rule PKT_XFER_RANGE_COUNT_OVERFLOW = rule("pkt.xfer.range_count.overflow", Severity.ERROR,
            "extended", "type 7: 24 + range_count * 8 > offset8 * 8");
    public static final Rule PKT_GPA_RANGE_COUNT_ZERO = rule("pkt.gpa.range_count.zero", Severity.ERROR, "extended",
            "type 9 with range_count == 0");
    public static final Rule PKT_GPA_RANGE_INVALID = rule("pkt.gpa.range.invalid", Severity.ERROR, "extended",
            "a GPA range with byte count 0, byte offset above 0xfff, or fewer PFNs than it spans");

    // Dumps: how the input holds the rings.
    public static final Rule DUMP_DOUBLE_MAP_MISMATCH = rule("dump.double_map.mismatch", Severity.ERROR, "dump",
            "double-mapped: the two copies of the data area differ");

    // Carving rings out of whole memory images (ringtool carve).
    public static final Rule DUMP_PAGE_MISSING = rule("dump.page.missing", Severity.WARNING, "dump",
            "pages the memory image lacks (excluded by the dump filter, lost when INCOMPLETE, or undecodable):"
                    + " never read as zeros");
    public static final Rule CARVE_CANDIDATE_REJECTED = rule("carve.candidate.rejected", Severity.NOTE, "carve",
            "a page looks like a ring header but too little evidence says it is a live ring (a page-cache copy,"
                    + " a freed ring): reported apart, with its confidence and the reason");

    private Rules() {
    }

    private static Rule rule(String id, Severity severity, String group, String meaning) {
        Rule rule = new Rule(id, severity, group, meaning);
        if (BY_ID.putIfAbsent(id, rule) != null) {
            throw new IllegalStateException("duplicate rule " + id);
        }
        return rule;
    }

    /** Every rule, in registry order (by group, as listed above). */
    public static List<Rule> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_ID.values()));
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
