package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.synth.RingWriter;

class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p.toString();
    }

    private String good() throws IOException {
        return write("good.bin", new RingWriter(0x4000).inband(7, "hello".getBytes()).packet(11, 0, 8, new byte[0],
                new byte[0]).build());
    }

    /** A packet whose len8 runs past the write index: an error finding. */
    private String bad() throws IOException {
        return write("bad.bin", new RingWriter(0x4000).inband(1, new byte[16]).writeIndex(32).build());
    }

    @Test
    void cleanRingExitsZeroAndPrintsItsPackets() throws IOException {
        String good = good();
        CliRun r = CliRun.of("inspect", good);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith(good + ": layout single, 1 ring\n"), r.out());
        assertTrue(r.out().contains("DATA_INBAND (6)"), r.out());
        assertTrue(r.out().contains("COMP (11)"), r.out());
        assertTrue(r.out().endsWith(good + ": 2 packets, 0 errors, 0 warnings, 0 notes; exit 0\n\n"), r.out());
    }

    @Test
    void errorFindingExitsOneAndStillPrintsEverything() throws IOException {
        String bad = bad();
        CliRun r = CliRun.of("inspect", "--layout", "single", bad);
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("    error   pkt.len8.exceeds_available at 0x0 (file 0x1000) packet 0: len8 of the"
                + " packet at 0x0: expected len8 * 8 + 8 <= 32 (the bytes left to the write index), got 4 (40 bytes"
                + " with the trailer)\n"), r.out());
    }

    @Test
    void failOnNeverExitsZeroDespiteErrors() throws IOException {
        assertEquals(0, CliRun.of("inspect", "--fail-on", "never", bad()).exit());
    }

    @Test
    void failOnNoteFailsOnANote() throws IOException {
        String noted = write("noted.bin", new RingWriter(0x1000).headerByte(0x20, 1).build());
        assertEquals(0, CliRun.of("inspect", noted).exit());
        assertEquals(0, CliRun.of("inspect", "--fail-on", "warning", noted).exit());
        assertEquals(1, CliRun.of("inspect", "--fail-on", "note", noted).exit());
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        CliRun r = CliRun.of("inspect", "--no-such-option", good());
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Unknown option: '--no-such-option'\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertEquals(2, CliRun.of("inspect").exit());
    }

    @Test
    void missingInputExitsThreeAndTheOthersAreStillReported() throws IOException {
        String good = good();
        String missing = dir.resolve("missing.bin").toString();
        CliRun r = CliRun.of("inspect", "--format", "json", missing, good);
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + missing + ": no such file\n", r.err());
        JsonNode inputs = JSON.readTree(r.out()).get("inputs");
        assertEquals(2, inputs.size());
        assertEquals(3, inputs.get(0).get("exit_code").asInt());
        assertEquals("no such file", inputs.get(0).get("error").asText());
        assertEquals(0, inputs.get(0).get("rings").size());
        assertEquals(0, inputs.get(1).get("exit_code").asInt());
        assertEquals(2, inputs.get(1).get("rings").get(0).get("packets").size());
    }

    @Test
    void unprocessableInputsSayWhyOnOneLine() throws IOException {
        String empty = write("empty.bin", new byte[0]);
        String small = write("small.bin", new byte[8191]);
        CliRun r = CliRun.of("inspect", dir.toString(), empty, small);
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + dir + ": is a directory (-r inspects the files below it)\n"
                + "ringtool inspect: " + empty + ": empty file\n"
                + "ringtool inspect: " + small + ": too small: 8191 bytes, a ring needs at least 8192 (a 4096-byte"
                + " header and one 4096-byte page of data)\n", r.err());
    }

    @Test
    void highestExitCodeWinsAcrossInputs() throws IOException {
        assertEquals(1, CliRun.of("inspect", good(), bad()).exit());
        assertEquals(3, CliRun.of("inspect", bad(), dir.resolve("nope").toString(), good()).exit());
    }

    @Test
    void jsonHasTheContractFields() throws IOException {
        CliRun r = CliRun.of("inspect", "--format", "json", good(), bad());
        assertEquals(1, r.exit());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("ringtool/1", doc.get("schema").asText());
        JsonNode input = doc.get("inputs").get(0);
        assertFields(input, "source", "layout", "exit_code", "rings", "findings");
        JsonNode ring = input.get("rings").get(0);
        assertFields(ring, "name", "file_offset", "header_size", "data_size", "write_index", "read_index",
                "interrupt_mask", "pending_send_size", "feature_bits", "bytes_to_read", "bytes_to_write", "packets",
                "findings");
        assertEquals("ring", ring.get("name").asText());
        assertEquals(16384, ring.get("data_size").asLong());
        JsonNode packet = ring.get("packets").get(0);
        assertFields(packet, "index", "offset", "type", "type_name", "offset8", "len8", "flags", "transaction_id",
                "payload_offset", "payload_length", "trailer", "wraps");
        assertEquals("DATA_INBAND", packet.get("type_name").asText());
        assertEquals(5, packet.get("payload_length").asInt());
        JsonNode finding = doc.get("inputs").get(1).get("rings").get(0).get("findings").get(0);
        assertFields(finding, "rule", "severity", "offset", "file_offset", "packet", "message");
        assertEquals("pkt.len8.exceeds_available", finding.get("rule").asText());
        assertEquals("error", finding.get("severity").asText());
        assertEquals(4096, finding.get("file_offset").asLong());
    }

    @Test
    void u64FieldsAreExactUnsignedDecimals() throws IOException {
        String f = write("u64.bin", new RingWriter(0x1000).inband(0xFFFF_FFFF_FFFF_FFFEL).build());
        CliRun r = CliRun.of("inspect", "--format", "json", f);
        assertTrue(r.out().contains("\"transaction_id\" : 18446744073709551614"), r.out());
    }

    @Test
    void jsonlLinesEachParseAndEndWithTheRunSummary() throws IOException {
        String good = good();
        CliRun r = CliRun.of("inspect", "--format", "jsonl", good, bad());
        assertEquals(1, r.exit());
        List<JsonNode> records = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            records.add(JSON.readTree(line));
        }
        List<String> kinds = records.stream().map(n -> n.get("record").asText()).toList();
        assertEquals(List.of("input", "ring", "packet", "packet", "summary",
                "input", "ring", "finding", "summary", "summary"), kinds, r.out());
        for (JsonNode n : records) {
            assertEquals("ringtool/1", n.get("schema").asText());
            assertTrue(n.has("source"));
        }
        assertEquals("ring", records.get(2).get("ring").asText());
        assertEquals(good, records.get(2).get("source").asText());
        JsonNode last = records.get(records.size() - 1);
        assertEquals("run", last.get("scope").asText());
        assertEquals(1, last.get("exit_code").asInt());
        assertEquals(2, last.get("packets").asInt());
        assertEquals("pkt.len8.exceeds_available", last.get("worst_rule").asText());
    }

    @Test
    void countLimitsPacketLinesButNotFindings() throws IOException {
        RingWriter b = new RingWriter(0x1000);
        for (int i = 0; i < 5; i++) {
            b.inband(i + 1);
        }
        String f = write("five.bin", b.putU64(0x10 + 0x18, 1).build());
        CliRun r = CliRun.of("inspect", "-c", "2", f);
        assertTrue(r.out().contains("  ... 3 more packets not shown (-c 2)\n"), r.out());
        assertTrue(r.out().contains("pkt.trailer.mismatch at 0x28"), r.out());
        assertTrue(r.out().contains(": 5 packets, 0 errors, 1 warning, 0 notes; exit 0"), r.out());
    }

    @Test
    void verboseAndHexShowTheFieldTreeAndTheBytes() throws IOException {
        CliRun r = CliRun.of("inspect", "-V", "-x", good());
        assertTrue(r.out().contains("            transaction_id  7 (0x0000000000000007)\n"), r.out());
        assertTrue(r.out().contains("          payload 5 bytes at +16 (8 with padding)\n"), r.out());
        assertTrue(r.out().contains("          00000000 06 00 02 00 03 00 00 00 07 00 00 00 00 00 00 00 ................"),
                r.out());
        assertTrue(r.out().contains("          00000010 68 65 6C 6C 6F 00 00 00 00 00 00 00 00 00 00 00 hello..........."),
                r.out());
    }

    @Test
    void readIndexOptionAcceptsHex() throws IOException {
        RingWriter b = new RingWriter(0x1000).inband(1).inband(2);
        b.readIndex(b.cursor());
        String f = write("consumed.bin", b.build());
        assertTrue(CliRun.of("inspect", f).out().contains("0 packets"));
        CliRun r = CliRun.of("inspect", "--read-index", "0x0", f);
        assertTrue(r.out().contains("walk starts at 0x0 (--read-index)"), r.out());
        assertTrue(r.out().contains(": 2 packets, 0 errors"), r.out());
    }

    @Test
    void checksListsEveryRuleInTextAndJson() {
        CliRun text = CliRun.of("checks");
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("pkt.trailer.zero"), text.out());
        CliRun json = CliRun.of("checks", "--format", "json");
        Set<String> ids = new TreeSet<>();
        try {
            JSON.readTree(json.out()).get("rules").forEach(n -> ids.add(n.get("id").asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        for (var rule : ringtool.core.rules.Rules.all()) {
            assertTrue(ids.contains(rule.id()), rule.id());
        }
        assertTrue(ids.containsAll(List.of("ring.size.invalid", "ring.available.too_small", "pkt.len8.too_small",
                "pkt.gpa.range.invalid", "dump.double_map.mismatch")));
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = CliRun.of("inspect", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("  3   an input could not be processed"), r.out());
    }

    private static void assertFields(JsonNode node, String... names) {
        for (String n : names) {
            assertTrue(node.has(n), "missing \"" + n + "\" in " + node);
        }
    }
}
