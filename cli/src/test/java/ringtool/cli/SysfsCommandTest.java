package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.testing.RealCaptures;

class SysfsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path device;

    @BeforeEach
    void extract() {
        device = RealCaptures.extractBalloonSysfs(tmp).resolve(RealCaptures.BALLOON_DEVICE);
    }

    /** A copied device directory as a kernel between 98f4c651762c and fc96df16a1ce shows an unopened channel. */
    private Path unopenedHeartbeat() throws IOException {
        Path d = tmp.resolve("devices/2dd1ce17-079e-403c-b352-a1921ee207ee");
        Files.createDirectories(d.resolve("channels/15"));
        Files.writeString(d.resolve("class_id"), "{57164f39-9115-4e78-ab55-382f3bd5422d}\n");
        Files.writeString(d.resolve("in_read_index"), "-16\n");
        Files.writeString(d.resolve("in_write_index"), "64\n");
        Files.writeString(d.resolve("in_read_bytes_avail"), "80\n");
        Files.writeString(d.resolve("in_write_bytes_avail"), "12208\n");
        // A directory where an attribute belongs reads with EISDIR: unreadable, as EINVAL would be.
        Files.createDirectories(d.resolve("channels/15/read_avail"));
        return d;
    }

    @Test
    void theRealTreeReadsCleanWithOneTimingNote() {
        CliRun r = CliRun.of("sysfs", tmp.resolve("cap/sysfs/bus/vmbus/devices").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(device + ": balloon, device c910c465-aa71-47ff-944b-dbfe82066e45, relid 1, state 3\n"
                + "  in   intr_mask 0  read_index 120  write_index 120  read_bytes_avail 0  write_bytes_avail 16384"
                + "  data size 16384\n"
                + "  out  intr_mask 0  read_index 1968  write_index 2040  read_bytes_avail 0  write_bytes_avail 16384"
                + "  data size 16384\n"
                + "  channel 1: read_avail 0, write_avail 16384, in_mask 0, out_mask 0, cpu 0, interrupts 3, events 28,"
                + " intr_in_full 0, intr_out_empty 28, out_full_first 0, out_full_total 0, subchannel_id 0\n"
                + "  findings:\n"
                + "    note    sysfs.avail.skew: out_read_bytes_avail (0) against the bytes between out_read_index and"
                + " out_write_index (72): 72 bytes apart; the files were read at different moments\n"
                + device + ": 0 errors, 0 warnings, 1 note; exit 0\n\n", r.out());
    }

    @Test
    void failOnNoteTurnsTheTimingNoteIntoExit1() {
        assertEquals(1, CliRun.of("sysfs", "--fail-on", "note", device.toString()).exit());
    }

    @Test
    void jsonHasTheContractShape() throws IOException {
        CliRun r = CliRun.of("sysfs", "--format", "json", device.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("ringtool/1", doc.get("schema").asText());
        JsonNode d = doc.get("devices").get(0);
        assertEquals(device.toString(), d.get("path").asText());
        assertEquals("525074dc-8985-46e2-8057-a307dc18a502", d.get("class_id").asText());
        assertEquals("balloon", d.get("kind").asText());
        assertEquals(16384, d.get("in").get("data_size").asLong());
        assertEquals(1968, d.get("out").get("read_index").asLong());
        assertEquals(1, d.get("channels").get(0).get("relid").asLong());
        assertEquals("sysfs.avail.skew", d.get("findings").get(0).get("rule").asText());
    }

    @Test
    void jsonlEndsWithASummaryAndEveryLineParses() throws IOException {
        CliRun r = CliRun.of("sysfs", "--format", "jsonl", device.toString());
        List<String> records = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            records.add(JSON.readTree(line).get("record").asText());
        }
        assertEquals(List.of("device", "finding", "summary"), records);
    }

    @Test
    void negativePercentDAndAnUnreadableFileAreFindingsOfACopiedTree() throws IOException {
        Path d = unopenedHeartbeat();
        CliRun r = CliRun.of("sysfs", "--format", "json", d.toString());
        assertEquals(1, r.exit());
        JsonNode dev = JSON.readTree(r.out()).get("devices").get(0);
        assertEquals("heartbeat", dev.get("kind").asText());
        assertEquals(4294967280L, dev.get("in").get("read_index").asLong());
        List<String> rules = new ArrayList<>();
        dev.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertEquals(List.of("sysfs.attribute.unreadable", "sysfs.read_index.out_of_range"), rules);
    }

    @Test
    void theRealRingCrossChecksAgainstTheRealTree() throws IOException {
        Path ring = tmp.resolve("ring.bin");
        Files.write(ring, RealCaptures.balloonRing());
        CliRun r = CliRun.of("sysfs", "--ring", ring.toString(), "--format", "json", device.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode f = JSON.readTree(r.out()).get("devices").get(0).get("findings").get(1);
        assertEquals("sysfs.ring.header_mismatch", f.get("rule").asText());
        assertEquals(ring + " outbound ring read_index: expected 1968 (out_read_index), got 2040",
                f.get("message").asText());
    }

    @Test
    void aMissingDirectoryExits3AndTheOthersAreStillReported() {
        Path missing = tmp.resolve("nope");
        CliRun r = CliRun.of("sysfs", missing.toString(), device.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool sysfs: " + missing + ": no such directory\n", r.err());
        assertEquals(true, r.out().contains(device + ": 0 errors, 0 warnings, 1 note; exit 0"));
    }

    @Test
    void anUnreadableRingDumpExits3() {
        Path missing = tmp.resolve("ring.bin");
        CliRun r = CliRun.of("sysfs", "--ring", missing.toString(), device.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool sysfs: " + missing + ": no such file\n", r.err());
    }

    @Test
    void ringWithSeveralDevicesIsAUsageError() throws IOException {
        unopenedHeartbeat();
        Files.createDirectories(tmp.resolve("devices/b"));
        Files.writeString(tmp.resolve("devices/b/class_id"), "{57164f39-9115-4e78-ab55-382f3bd5422d}\n");
        CliRun r = CliRun.of("sysfs", "--ring", "x", tmp.resolve("devices").toString());
        assertEquals(2, r.exit());
        assertEquals("ringtool sysfs: --ring needs one device directory, but 2 devices were found\n"
                + "ringtool sysfs: see 'ringtool sysfs --help'\n", r.err());
    }

    @Test
    void aDirectoryArgumentIsRequired() {
        CliRun r = CliRun.of("sysfs");
        assertEquals(2, r.exit());
        assertEquals("ringtool sysfs: Missing required parameter: 'DIR'\nringtool sysfs: see 'ringtool sysfs --help'\n",
                r.err());
    }

    @Test
    void aSingleRingDumpIsComparedWithTheDirectionAsked() {
        String sample = Path.of("..", "samples", "balloon-outbound-double-mapped.bin").toString();
        CliRun out = CliRun.of("sysfs", "--ring", sample, "--direction", "out", device.toString());
        assertEquals(0, out.exit(), out.err());
        assertEquals(true, out.out().contains("warning sysfs.ring.header_mismatch: " + sample
                + " ring ring read_index: expected 1968 (out_read_index), got 2040\n"), out.out());
        CliRun in = CliRun.of("sysfs", "--ring", sample, device.toString());
        assertEquals(true, in.out().contains("warning sysfs.ring.header_mismatch: " + sample
                + " ring ring read_index: expected 120 (in_read_index), got 2040\n"), in.out());
    }

    @Test
    void helpPrintsWithoutFormatWarnings() {
        // Picocli reports a description it cannot format on System.err, not on the command's writer.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        CliRun r;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRun.of("sysfs", "--help");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(true, r.out().contains("Values printed by the kernel with %d are read back as the u32"), r.out());
    }
}
