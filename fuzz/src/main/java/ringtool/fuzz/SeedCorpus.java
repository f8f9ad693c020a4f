package ringtool.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.inspect.Inspector;
import ringtool.core.model.ReaderModel;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;
import ringtool.core.synth.RingWriter;
import ringtool.core.walk.Packet;

/**
 * Writes the seed corpus, the same bytes on every run: {@code corpus/raw/} (ring dumps: valid rings of each shape,
 * then one dump per contract rule, each checked to raise its rule) and {@code corpus/layout/} ({@link RingPlan}
 * streams, chosen from a fixed-seed random search so that each one builds a different mix of layout and rules),
 * plus {@code corpus/README.md}. The real capture {@code real-balloon-uio-pair.bin} is copied in by hand and kept.
 *
 * <pre>java -cp cli/target/ringtool.jar ringtool.fuzz.SeedCorpus corpus</pre>
 */
public final class SeedCorpus {

    static final String REAL = "real-balloon-uio-pair.bin";
    private static final long SEARCH_SEED = 0x52494e47L;
    private static final int SEARCH_TRIES = 20_000;
    private static final int MAX_PLAN_SEEDS = 64;

    record Seed(String name, byte[] bytes, String what) {
    }

    private SeedCorpus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SeedCorpus CORPUS_DIR");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    public static void write(Path root) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Seed corpus\n\n")
                .append("Written by `ringtool.fuzz.SeedCorpus` (`java -cp cli/target/ringtool.jar ringtool.fuzz.SeedCorpus"
                        + " corpus`); the same bytes on every run, and `SeedCorpusTest` fails when the files here"
                        + " drift from it. Every plain `mvn test` replays all of them through the fuzz targets.\n\n")
                .append("## raw/ (ring dumps, framed with `--layout auto`)\n\n| file | bytes | what it is |\n|---|---|---|\n")
                .append("| `").append(REAL).append("` | 40960 | the real hv_balloon `ring` capture"
                        + " (/work/shared/real/balloon-ring.bin): a uio pair, both rings idle |\n");
        write(root.resolve("raw"), raw(), md);
        md.append("\n## layout/ (FuzzedDataProvider streams for the structure-aware target, not rings)\n\n")
                .append("Each stream is a recipe that `RingPlan` turns into a ring; the column says what that ring"
                        + " is and which rules it raises. Chosen from a fixed-seed random search, one per new"
                        + " combination.\n\n| file | bytes | ring it builds |\n|---|---|---|\n");
        write(root.resolve("layout"), plans("layout", false), md);
        md.append("\n## readers/ (FuzzedDataProvider streams for the readers target, not rings)\n\n")
                .append("The same recipes, read on to choose reader models, their buffer size and the history walk"
                        + " (`RingPlan.withReaders`); chosen the same way, so that each reader's rules and consumed"
                        + " packets have a seed.\n\n| file | bytes | ring and readers it builds |\n|---|---|---|\n");
        write(root.resolve("readers"), plans("readers", true), md);
        md.append("\n## payload/ (FuzzedDataProvider streams for the payload target, not rings)\n\n")
                .append("Each stream is a recipe that `PayloadPlan` turns into a uio pair of sound rings carrying one"
                        + " protocol's messages; chosen the same way, one per new protocol, message or rule.\n\n"
                        + "| file | bytes | messages it builds |\n|---|---|---|\n");
        write(root.resolve("payload"), payloadPlans(), md);
        md.append("\n## carve/ (container templates for the carve target, not images)\n\n")
                .append("A byte choosing the container, then its first bytes as `ContainerTemplates` writes them:"
                        + " each seed rebuilds its valid image, which the fuzzer's mutations of the headers and tables"
                        + " then damage.\n\n| file | bytes | image it builds |\n|---|---|---|\n");
        write(root.resolve("carve"), carve(), md);
        Files.writeString(root.resolve("README.md"), md.toString(), StandardCharsets.UTF_8);
    }

    /** Bytes of each template a carve seed carries: the headers, tables and the first pages behind them. */
    static final int CARVE_SEED_BYTES = 8192;

    static List<Seed> carve() {
        String[] names = {"raw", "elf", "kdump", "flattened"};
        String[] what = {"raw memory with a ring pair at 0x4000", "ELF core: a VMCOREINFO note and one PT_LOAD",
            "kdump-compressed v6, raw pages", "kdump-flattened, 4096-byte segments, the header block last"};
        List<Seed> out = new ArrayList<>();
        for (int kind = 0; kind < names.length; kind++) {
            byte[] template = ContainerTemplates.ALL[kind];
            byte[] seed = new byte[1 + Math.min(CARVE_SEED_BYTES, template.length)];
            seed[0] = (byte) kind;
            System.arraycopy(template, 0, seed, 1, seed.length - 1);
            out.add(new Seed("template-" + names[kind] + ".bin", seed, what[kind]));
        }
        return out;
    }

    static List<Seed> raw() {
        List<Seed> out = new ArrayList<>();
        out.add(checked("valid-single-empty.bin", new Dump(4096).startAt(0), null,
                "single ring, 4 KiB data, indices 0: nothing to read"));
        Dump mixed = new Dump(4096).startAt(0x100);
        mixed.inband(bytes(5, 0x41), 1).transferPages(2).gpaDirect(1).packet(PacketType.COMP, 0, new byte[0],
                bytes(8, 0x10));
        out.add(checked("valid-single-mixed.bin", mixed, null,
                "single ring with an in-band, a transfer-page (2 ranges), a GPA-direct (1 range) and a completion"
                        + " packet"));
        Dump wrap = new Dump(4096).startAt(4096 - 24);
        wrap.inband(bytes(20, 0x61), 0).inband(bytes(3, 0x62), 0);
        out.add(checked("valid-single-wrap.bin", wrap, null,
                "single ring whose first packet starts 24 bytes before the end and straddles it"));
        Dump big = new Dump(12288).startAt(8000);
        for (int i = 0; i < 12; i++) {
            big.inband(bytes(40 + i, i + 1), i & 1);
        }
        out.add(checked("valid-single-12k.bin", big, null, "single ring, 12 KiB data, 12 packets across the wrap"));
        Dump outbound = new Dump(4096).startAt(0);
        outbound.inband(bytes(16, 0x30), 0).inband(bytes(24, 0x31), 1);
        Dump inbound = new Dump(4096).startAt(4096 - 40);
        inbound.inband(bytes(30, 0x32), 0);
        out.add(checked("valid-uio-pair.bin", cat(outbound.bytes(), inbound.bytes()), null,
                "uio pair (outbound then inbound, 8 KiB each); the inbound packet wraps"));
        Dump dm = new Dump(8192).startAt(64);
        dm.inband(bytes(12, 0x44), 0);
        byte[] dmBytes = dm.bytes();
        out.add(new Seed("valid-double-mapped.bin", cat(dmBytes, Arrays.copyOfRange(dmBytes, 4096, dmBytes.length)),
                "header, 8 KiB data, then the data again: valid under `--layout double-mapped`; auto takes the"
                        + " zeros of the second copy for a second header and frames a uio pair"));

        out.add(rule(Rules.RING_SIZE_INVALID, cat(new Dump(4096).startAt(0).bytes(), new byte[8]),
                "data area of 4104 bytes"));
        out.add(rule(Rules.RING_WRITE_INDEX_OUT_OF_RANGE, new Dump(4096).startAt(0).header(RingHeader.WRITE_INDEX_OFFSET,
                4096), "write_index = data size"));
        out.add(rule(Rules.RING_WRITE_INDEX_UNALIGNED, new Dump(4096).startAt(0).header(RingHeader.WRITE_INDEX_OFFSET,
                12), "write_index 12"));
        out.add(rule(Rules.RING_READ_INDEX_OUT_OF_RANGE, new Dump(4096).startAt(0).header(RingHeader.READ_INDEX_OFFSET,
                5000), "read_index 5000 in 4096 bytes"));
        out.add(rule(Rules.RING_READ_INDEX_UNALIGNED, new Dump(4096).startAt(0).header(RingHeader.READ_INDEX_OFFSET, 4),
                "read_index 4"));
        out.add(rule(Rules.RING_INTERRUPT_MASK_INVALID, new Dump(4096).startAt(0)
                .header(RingHeader.INTERRUPT_MASK_OFFSET, 2), "interrupt_mask 2"));
        out.add(rule(Rules.RING_PENDING_SEND_SIZE_INVALID, new Dump(4096).startAt(0)
                .header(RingHeader.PENDING_SEND_SIZE_OFFSET, 8192), "pending_send_sz beyond the data size"));
        out.add(rule(Rules.RING_FEATURE_BITS_UNKNOWN, new Dump(4096).startAt(0).header(RingHeader.FEATURE_BITS_OFFSET, 6),
                "feature_bits 6"));
        out.add(rule(Rules.RING_RESERVED_NONZERO, new Dump(4096).startAt(0).header(RingHeader.RESERVED1_OFFSET + 12, 1),
                "a reserved header word set"));
        out.add(rule(Rules.RING_AVAILABLE_TOO_SMALL, new Dump(4096).startAt(0).header(RingHeader.WRITE_INDEX_OFFSET, 16),
                "16 bytes between read and write index"));
        out.add(rule(Rules.PKT_LEN8_TOO_SMALL, oneInband().data(PacketDescriptor.LEN8_OFFSET, 1, 2), "len8 1"));
        out.add(rule(Rules.PKT_LEN8_EXCEEDS_AVAILABLE, oneInband().data(PacketDescriptor.LEN8_OFFSET, 100, 2),
                "len8 reaching past the write index"));
        out.add(rule(Rules.PKT_OFFSET8_TOO_SMALL, oneInband().data(PacketDescriptor.OFFSET8_OFFSET, 1, 2), "offset8 1"));
        out.add(rule(Rules.PKT_OFFSET8_BEYOND_LEN8, oneInband().data(PacketDescriptor.OFFSET8_OFFSET, 5, 2),
                "offset8 5 > len8 4"));
        out.add(rule(Rules.PKT_TYPE_UNKNOWN, oneInband().data(PacketDescriptor.TYPE_OFFSET, 0x20, 2), "type 0x20"));
        out.add(rule(Rules.PKT_FLAGS_UNKNOWN, oneInband().data(PacketDescriptor.FLAGS_OFFSET, 2, 2), "flags 2"));
        out.add(rule(Rules.PKT_TRAILER_MISMATCH, oneInband().data(32, 0x1234, 8), "trailer 0x1234"));
        out.add(rule(Rules.PKT_TRAILER_ZERO, oneInband().data(32, 0, 8), "trailer 0"));
        out.add(rule(Rules.PKT_XFER_RANGE_COUNT_OVERFLOW, new Dump(4096).startAt(0).transferPages(1)
                .data(TransferPageHeader.RANGE_COUNT_OFFSET, 5, 4), "range_count 5 with room for 1"));
        out.add(rule(Rules.PKT_GPA_RANGE_COUNT_ZERO, new Dump(4096).startAt(0).gpaDirect(1)
                .data(GpaDirectHeader.RANGE_COUNT_OFFSET, 0, 4), "range_count 0"));
        out.add(rule(Rules.PKT_GPA_RANGE_INVALID, new Dump(4096).startAt(0).gpaDirect(1)
                .data(GpaDirectHeader.RANGES_OFFSET + GpaRange.BYTE_COUNT_OFFSET, 0, 4), "a range of 0 bytes"));
        return out;
    }

    /**
     * One in-band packet at 0x40 (not 0, whose expected trailer is zero) with a 16-byte payload: descriptor at +0,
     * payload at +16, trailer at +32.
     */
    private static Dump oneInband() {
        return new Dump(4096).startAt(0x40).inband(bytes(16, 0x55), 0);
    }

    private static Seed rule(Rule rule, Dump dump, String how) {
        return rule(rule, dump.bytes(), how);
    }

    private static Seed rule(Rule rule, byte[] bytes, String how) {
        String id = rule.id();
        return checked("rule-" + id + ".bin", bytes, id, "raises `" + id + "`: " + how);
    }

    private static Seed checked(String name, Dump dump, String rule, String what) {
        return checked(name, dump.bytes(), rule, what);
    }

    /** Each seed is inspected here: a valid one must have no finding, a rule seed must raise its rule. */
    private static Seed checked(String name, byte[] bytes, String rule, String what) {
        InputReport report = Inspector.defaults().inspect(name, ByteSource.of(bytes));
        Set<String> rules = rules(report);
        if (report.error() != null || (rule == null ? !rules.isEmpty() : !rules.contains(rule))) {
            throw new IllegalStateException(name + ": expected " + (rule == null ? "no finding" : rule) + ", got "
                    + (report.error() != null ? report.error() : rules));
        }
        return new Seed(name, bytes, what);
    }

    static Set<String> rules(InputReport report) {
        Set<String> out = new TreeSet<>();
        report.findings().forEach(f -> out.add(f.rule().id()));
        for (RingReport r : report.rings()) {
            for (Finding f : r.findings()) {
                out.add(f.rule().id());
            }
        }
        return out;
    }

    /** Each seed into {@code dir}, and its row into the README table. */
    private static void write(Path dir, List<Seed> seeds, StringBuilder md) throws IOException {
        Files.createDirectories(dir);
        for (Seed s : seeds) {
            Files.write(dir.resolve(s.name()), s.bytes());
            md.append("| `").append(s.name()).append("` | ").append(s.bytes().length).append(" | ").append(s.what())
                    .append(" |\n");
        }
    }

    /**
     * Fixed-seed random streams, each kept when its ring brings a rule or a trait of its shape (layout, pair, wraps,
     * format, models, consumed packets...) not met before; the first half of the seeds also take any new combination.
     */
    /**
     * Random bytes of which {@code density} in five are non-zero: zero bytes choose the usual values, so sparse
     * streams build valid rings and dense ones broken ones.
     */
    static byte[] stream(SplittableRandom random, int length, int density) {
        byte[] stream = new byte[length];
        for (int b = 0; b < length; b++) {
            stream[b] = random.nextInt(5) < density ? (byte) random.nextInt(256) : 0;
        }
        return stream;
    }

    static List<Seed> plans(String prefix, boolean readers) {
        SplittableRandom random = new SplittableRandom(SEARCH_SEED);
        Map<String, byte[]> kept = new LinkedHashMap<>();
        Map<String, String> what = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SEARCH_TRIES && kept.size() < MAX_PLAN_SEEDS; i++) {
            byte[] stream = stream(random, random.nextInt(24, 640), 1 + (i % 4));
            PlainDataProvider in = new PlainDataProvider(stream);
            RingPlan plan = readers ? RingPlan.withReaders(in) : RingPlan.from(in);
            InputReport report = plan.inspector().inspect(Harness.SOURCE, ByteSource.of(plan.bytes()));
            Set<String> rules = rules(report);
            long packets = report.summary().packets();
            boolean wraps = false;
            for (RingReport r : report.rings()) {
                for (Packet p : r.packets()) {
                    wraps |= p.wraps();
                }
            }
            String shape = plan.layout().id() + (report.rings().size() == 2 ? " pair" : "")
                    + (packets > 0 ? " packets" : " no-packets") + (wraps ? " wraps" : "")
                    + (plan.readIndex() != null ? " read-index" : "") + (plan.models().isEmpty() ? "" : " models")
                    + (plan.history() ? consumed(report) > 0 ? " history consumed" : " history" : "")
                    + " " + plan.format().id() + (plan.text().verbose() ? "-V" : "");
            Set<String> traits = new HashSet<>(rules);
            traits.addAll(List.of(shape.split(" ")));
            boolean novel = !seen.containsAll(traits);
            String key = shape + " " + rules;
            if (!kept.containsKey(key) && (novel || rules.isEmpty() || kept.size() < MAX_PLAN_SEEDS / 2)) {
                seen.addAll(traits);
                kept.put(key, stream);
                what.put(key, describe(plan, report, packets, wraps, rules));
            }
        }
        List<Seed> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            out.add(new Seed(String.format("%s-%02d", prefix, n++), e.getValue(), what.get(e.getKey())));
        }
        return out;
    }

    /** Fixed-seed random streams, each kept when it decodes a message or raises a rule not met before. */
    static List<Seed> payloadPlans() {
        SplittableRandom random = new SplittableRandom(SEARCH_SEED);
        List<Seed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SEARCH_TRIES / 4 && out.size() < MAX_PLAN_SEEDS; i++) {
            byte[] stream = stream(random, random.nextInt(24, 640), 1 + (i % 4));
            PayloadPlan plan = PayloadPlan.from(new PlainDataProvider(stream));
            InputReport report = plan.inspector().inspect(Harness.SOURCE, ByteSource.of(plan.bytes()));
            Set<String> traits = new TreeSet<>(rules(report));
            List<String> messages = new ArrayList<>();
            for (RingReport r : report.rings()) {
                PayloadDecoder decoder = r.decoder();
                for (Packet p : r.packets()) {
                    Decoded d = decoder.decode(p).decoded();
                    messages.add(d == null ? "-" : d.message());
                    // Unknown types are named by their number: one trait for all of them.
                    traits.add(plan.protocol().name() + ":" + (d == null ? "-"
                            : d.message().chars().allMatch(Character::isDigit) ? "unknown" : d.message()));
                }
            }
            traits.add(plan.protocolOption() + " " + plan.format().id());
            if (!seen.containsAll(traits)) {
                seen.addAll(traits);
                Set<String> rules = rules(report);
                out.add(new Seed(String.format("payload-%02d", out.size()), stream, plan.protocol().name() + ", "
                        + (messages.isEmpty() ? "no messages" : String.join(" ", messages)) + ", --protocol "
                        + plan.protocolOption() + ", --format " + plan.format().id()
                        + (rules.isEmpty() ? ", no findings" : ", " + String.join(", ", rules))));
            }
        }
        return out;
    }

    private static String describe(RingPlan plan, InputReport report, long packets, boolean wraps,
                                   Set<String> rules) {
        StringBuilder s = new StringBuilder(plan.layout().id()).append(", ").append(plan.bytes().length)
                .append(" bytes");
        if (report.error() != null) {
            return s.append(", cannot be framed (").append(report.error()).append(')').toString();
        }
        s.append(", ").append(packets).append(" packet").append(packets == 1 ? "" : "s");
        if (wraps) {
            s.append(", one wraps");
        }
        if (plan.readIndex() != null) {
            s.append(", --read-index ").append(plan.readIndex());
        }
        s.append(", --format ").append(plan.format().id()).append(plan.text().verbose() ? " -V -x" : "");
        if (!plan.models().isEmpty()) {
            s.append(", --model ").append(String.join(",", plan.models().stream().map(ReaderModel::name).toList()));
            Long buffer = plan.models().stream().map(ReaderModel::pktBufferSize).filter(b -> b != null).findFirst()
                    .orElse(null);
            if (buffer != null) {
                s.append(" --pkt-buffer-size ").append(buffer);
            }
        }
        if (plan.history()) {
            s.append(", --history (").append(consumed(report)).append(" consumed)");
        }
        s.append(rules.isEmpty() ? ", no findings" : ", " + String.join(", ", rules.stream()
                .map(r -> "`" + r + "`").toList()));
        return s.toString();
    }

    /** Consumed packets the history walk recovered, over all rings. */
    private static long consumed(InputReport report) {
        return report.rings().stream().filter(RingReport::hasHistory).mapToLong(r -> r.consumed().packets().size())
                .sum();
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (fill + i);
        }
        return b;
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A seed ring: a {@link RingWriter} whose packets carry the transaction ID {@code 0x1000 + start}, and whose
     * {@link #data} overrides fields relative to the last packet's start, to plant damage.
     */
    static final class Dump {
        private static final byte[] NONE = new byte[0];
        private final RingWriter ring;

        Dump(int dataSize) {
            ring = new RingWriter(dataSize);
        }

        Dump startAt(long at) {
            ring.startAt(at);
            return this;
        }

        Dump header(int offset, long value) {
            ring.headerU32(offset, value);
            return this;
        }

        /** Overwrites {@code width} bytes at {@code delta} from the last packet's start. */
        Dump data(long delta, long value, int width) {
            ring.put(ring.lastPacket() + delta, value, width);
            return this;
        }

        Dump inband(byte[] payload, int flags) {
            return packet(PacketType.DATA_INBAND, flags, NONE, payload);
        }

        Dump transferPages(int ranges) {
            byte[] ext = new byte[TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE
                    + ranges * TransferPageRange.SIZE];
            ext[0] = 1;
            ext[TransferPageHeader.RANGE_COUNT_OFFSET - PacketDescriptor.SIZE] = (byte) ranges;
            for (int i = 0; i < ranges; i++) {
                int at = TransferPageHeader.RANGES_OFFSET - PacketDescriptor.SIZE + i * TransferPageRange.SIZE;
                ext[at] = (byte) 0x40;
                ext[at + TransferPageRange.BYTE_OFFSET_OFFSET + 1] = (byte) (i + 1);
            }
            return packet(PacketType.DATA_USING_XFER_PAGES, 0, ext, SeedCorpus.bytes(4, 0x70));
        }

        Dump gpaDirect(int ranges) {
            int rangeSize = GpaRange.PFN_ARRAY_OFFSET + GpaRange.PFN_SIZE;
            byte[] ext = new byte[GpaDirectHeader.RANGES_OFFSET - PacketDescriptor.SIZE + ranges * rangeSize];
            ext[GpaDirectHeader.RANGE_COUNT_OFFSET - PacketDescriptor.SIZE] = (byte) ranges;
            for (int i = 0; i < ranges; i++) {
                int at = GpaDirectHeader.RANGES_OFFSET - PacketDescriptor.SIZE + i * rangeSize;
                ext[at + 1] = 0x02;
                ext[at + GpaRange.PFN_ARRAY_OFFSET] = (byte) (0x10 + i);
            }
            return packet(PacketType.DATA_USING_GPA_DIRECT, 0, ext, SeedCorpus.bytes(8, 0x80));
        }

        Dump packet(int type, int flags, byte[] ext, byte[] payload) {
            ring.packet(type, flags, 0x1000 + ring.cursor(), ext, payload);
            return this;
        }

        byte[] bytes() {
            return ring.build();
        }
    }
}
