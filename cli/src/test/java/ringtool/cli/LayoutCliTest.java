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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.testing.RealCaptures;
import ringtool.core.synth.RingWriter;

class LayoutCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private String write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p.toString();
    }

    private static RingWriter used(int size) {
        return new RingWriter(size).inband(1, "hello".getBytes()).inband(2, new byte[20]);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void autoPrintsTheLayoutItChoseForTheShippedSampleAndWhy() throws IOException {
        String f = write("ring", RealCaptures.balloonRing());
        CliRun r = CliRun.of("inspect", "--format", "json", f);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode in = JSON.readTree(r.out()).get("inputs").get(0);
        assertEquals("uio-pair", in.get("layout").asText());
        assertEquals("two ring headers, at 0 and at 0x5000 (20480 bytes each: a 4096-byte header and 16384 bytes of"
                + " data), indices inside the data areas", in.get("layout_decision").asText());
        assertEquals(List.of("outbound", "inbound"), texts(in.get("rings"), "name"));
    }

    @Test
    void autoPicksTheRightLayoutForEachShippedSample() throws IOException {
        // Copies that differ in most bytes are not told from a single ring by their bytes: the user says --layout.
        java.util.Set<String> undecidable = java.util.Set.of("bad-double-map-mismatch.bin");
        List<String> shipped;
        try (var files = Files.list(Path.of("..", "samples"))) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")).sorted().toList();
        }
        assertTrue(shipped.size() >= 30, "samples: " + shipped);
        for (String name : shipped) {
            if (undecidable.contains(name)) {
                continue;
            }
            Path description = Path.of("..", "samples", name.replace(".bin", ".json"));
            String expected = "uio-pair 4096";
            if (Files.exists(description)) {
                JsonNode d = JSON.readTree(description.toFile());
                expected = d.path("layout").asText("single") + " " + d.path("header_size").asLong(4096);
            }
            CliRun r = CliRun.of("inspect", "--format", "json", Path.of("..", "samples", name).toString());
            assertTrue(r.exit() <= 1, name + ": " + r.err());
            JsonNode in = JSON.readTree(r.out()).get("inputs").get(0);
            assertEquals(expected, in.get("layout").asText() + " "
                    + in.get("rings").get(0).get("header_size").asLong(), name);
        }
    }

    @Test
    void theShippedSampleFileIsTheRealCapture() throws IOException {
        Path sample = Path.of("..", "samples", "balloon-uio-pair.bin");
        assertTrue(java.util.Arrays.equals(RealCaptures.balloonRing(), Files.readAllBytes(sample)));
    }

    @Test
    void uioPairWithACorruptInboundRingFailsOnTheInboundRingOnly() throws IOException {
        String f = write("pair", RingWriter.pair(used(8192), used(8192).writeIndex(0x10000)));
        CliRun r = CliRun.of("inspect", "--layout", "uio-pair", "--format", "json", f);
        assertEquals(1, r.exit());
        JsonNode rings = JSON.readTree(r.out()).get("inputs").get(0).get("rings");
        assertEquals(0, rings.get(0).get("findings").size());
        assertEquals(List.of("ring.write_index.out_of_range"), texts(rings.get(1).get("findings"), "rule"));
    }

    @Test
    void doubleMappedCopiesThatDifferFailWithTheFirstDifferingOffset() throws IOException {
        byte[] dump = used(8192).buildDoubleMapped();
        dump[4096 + 8192 + 0x30] ^= 1;
        String f = write("dm", dump);
        CliRun r = CliRun.of("inspect", "--layout", "double-mapped", "--format", "json", f);
        assertEquals(1, r.exit());
        JsonNode finding = JSON.readTree(r.out()).get("inputs").get(0).get("findings").get(0);
        assertEquals("dump.double_map.mismatch", finding.get("rule").asText());
        assertEquals(12336, finding.get("file_offset").asLong());
    }

    @Test
    void singleAndA64KibHeaderAreTakenAsGiven() throws IOException {
        String f = write("big", new RingWriter(65536, 65536).inband(1, new byte[8]).build());
        CliRun auto = CliRun.of("inspect", "--format", "json", f);
        assertEquals(65536, JSON.readTree(auto.out()).get("inputs").get(0).get("rings").get(0).get("header_size")
                .asLong());
        CliRun given = CliRun.of("inspect", "--layout", "single", "--header-size", "4096", "--format", "json", f);
        JsonNode ring = JSON.readTree(given.out()).get("inputs").get(0).get("rings").get(0);
        assertEquals(4096, ring.get("header_size").asLong());
        assertEquals(126976, ring.get("data_size").asLong());
        // Read with a 4 KiB header, the zero rest of the guest page is a packet with len8 0.
        assertEquals(1, given.exit());
    }

    @Test
    void autoWithNoPlausibleFramingSaysWhyAndExits3() throws IOException {
        String f = write("bad", java.util.Arrays.copyOf(used(8192).writeIndex(0xFFFF_FFF8L).build(), 12388));
        CliRun r = CliRun.of("inspect", f);
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + f + ": no layout explains the file (12388 bytes): not uio-pair: halves of"
                + " 6194 bytes cannot hold a header and a page of data; not double-mapped: the bytes after the header"
                + " do not hold two copies of a data area of whole pages; not single: write_index 0xfffffff8 lies"
                + " outside of a 8292-byte data area; --layout single inspects it as one ring anyway\n", r.err());
        CliRun single = CliRun.of("inspect", "--layout", "single", f);
        assertEquals(1, single.exit());
        assertEquals("", single.err());
    }

    @Test
    void autoReportsTheDamageOfARingOfWholePages() throws IOException {
        String f = write("bad", used(8192).writeIndex(0xFFFF_FFF8L).build());
        CliRun r = CliRun.of("inspect", "--format", "json", f);
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        JsonNode input = JSON.readTree(r.out()).get("inputs").get(0);
        assertEquals("single", input.get("layout").asText());
        assertEquals("ring.write_index.out_of_range",
                input.get("rings").get(0).get("findings").get(0).get("rule").asText());
    }

    @Test
    void anUnknownLayoutIsAUsageError() {
        CliRun r = CliRun.of("inspect", "--layout", "bogus", "x");
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Invalid value for option '--layout': expected auto, single, uio-pair or"
                + " double-mapped, got 'bogus'\nringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void aHeaderSizeThatIsNoGuestPageSizeIsAUsageError() {
        CliRun r = CliRun.of("inspect", "--header-size", "1000", "x");
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Invalid value for option '--header-size': '1000' is not a header size:"
                + " expected 4096 or 65536 (the guest's page size)\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void uioPairOnAnOddFileExits3WithTheReason() throws IOException {
        String f = write("odd", new byte[16385]);
        CliRun r = CliRun.of("inspect", "--layout", "uio-pair", f);
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + f + ": uio-pair needs two equal halves, but the file has an odd size"
                + " (16385 bytes)\n", r.err());
    }

    @Test
    void checksListsTheNewRules() {
        CliRun r = CliRun.of("checks");
        assertEquals(0, r.exit());
        for (String id : List.of("dump.torn_read", "sysfs.attribute.unreadable", "sysfs.avail.skew",
                "sysfs.ring.header_mismatch")) {
            assertTrue(r.out().contains(id), id);
        }
    }
}
