package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.synth.RingWriter;

/** {@code inspect --model}, {@code --pkt-buffer-size} and {@code --history}, through the command line. */
class InspectModelsHistoryCliTest {

    @TempDir
    Path dir;

    private String write(String name, RingWriter ring) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, ring.build());
        return p.toString();
    }

    /** One consumed packet, then a live in-band packet and a completion without payload. */
    private String completionRing() throws IOException {
        return write("completion.bin", new RingWriter(4096).inband(7, "AAAAAAAAAAAAAAAA".getBytes())
                .inband(8, "BBBBBBBBBBBBBBBB".getBytes()).packet(11, 0, 9, new byte[0], new byte[0]).readIndex(40));
    }

    /** A live packet whose len8 claims 100 units where 40 bytes are available. */
    private String ghostRing() throws IOException {
        return write("ghost.bin", new RingWriter(4096).inband(7, new byte[16]).inband(8, new byte[16]).readIndex(40)
                .putU16(40 + 4, 100));
    }

    @Test
    void modelAllAndHistoryInText() throws IOException {
        String file = completionRing();
        CliRun r = CliRun.of("inspect", "--model", "all", "--history", file);
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertEquals(String.join("\n",
                file + ": layout single, 1 ring",
                "  (auto: one ring fills the file (8192 bytes: a 4096-byte header and 4096 bytes of data), indices inside the"
                        + " data area)",
                "",
                "[ring] header at 0x0 (4096 bytes), data area of 4096 bytes at 0x1000",
                "  write_index 0x68  read_index 0x28  interrupt_mask 0  pending_send_size 0  feature_bits 0x1",
                "  bytes to read 64, to write 4032",
                "  protocol none (auto: no class GUID, and no protocol's messages fit every packet)",
                "  consumed: 1 packet recovered behind the read index, oldest first",
                "       #  offset      type                         flags  transaction_id     offset8  len8  payload"
                        + "        info",
                "      -1  0x0         DATA_INBAND (6)                0x0  7                        2     4  16 @16         consumed",
                "  walk back stopped at 0x0: trailer at 0xff8 is zero and no packet ending there starts at 0: nothing"
                        + " older was written there (the ring has not wrapped since)",
                "  live: from the read index to the write index",
                "       #  offset      type                         flags  transaction_id     offset8  len8  payload"
                        + "        info",
                "       0  0x28        DATA_INBAND (6)                0x0  8                        2     4  16 @16",
                "       1  0x50        COMP (11)                      0x0  9                        2     2  0 @16",
                "  reader models:",
                "    step  linux-5.14 (buffer 4096)        linux-4.11                      linux-4.4 (buffer 4096)  "
                        + "       openvmm",
                "       0  0x28 t6 len8 4 #0               0x28 t6 len8 4 #0               0x28 t6 len8 4 #0       "
                        + "        0x28 t6 len8 4 #0",
                "       1  0x50 t11 len8 2 #1              0x50 t11 len8 2 #1                                      "
                        + "        0x50 t11 len8 2 #1",
                "     end  caught_up at 0x68               caught_up at 0x68               stalled at 0x50         "
                        + "        caught_up at 0x68",
                "  linux-5.14: caught_up at 0x68 after 2 reads: 0 bytes available, fewer than a 16-byte descriptor",
                "  linux-4.11: caught_up at 0x68 after 2 reads: 0 bytes available, fewer than a 16-byte descriptor",
                "  linux-4.4: stalled at 0x50 after 1 read: empty payload at 0x50: hv_ringbuffer_read's -EINVAL is"
                        + " ignored, the driver sees an empty ring",
                "  openvmm: caught_up at 0x68 after 2 reads: in == out: the ring is empty",
                "  findings:",
                "    warning model.linux-4.4.stalled at 0x50 (file 0x1050) packet 1: [linux-4.4] empty payload at 0x50"
                        + " (offset8 == len8 2): -EINVAL ignored, nothing consumed",
                "  [ring] 2 packets, 0 errors, 1 warning, 0 notes",
                file + ": 2 packets, 0 errors, 1 warning, 0 notes; exit 0",
                "", ""), r.out());
    }

    @Test
    void modelFindingsCountTowardsFailOn() throws IOException {
        String file = completionRing();
        assertEquals(0, CliRun.of("inspect", "--model", "linux-4.4", file).exit());
        assertEquals(1, CliRun.of("inspect", "--model", "linux-4.4", "--fail-on", "warning", file).exit());
        assertEquals(0, CliRun.of("inspect", "--model", "linux-5.14", "--fail-on", "warning", file).exit());
    }

    @Test
    void modelsAndConsumedInJson() throws IOException {
        String file = ghostRing();
        CliRun r = CliRun.of("inspect", "--format", "json", "--model", "linux-5.14", "--model", "openvmm",
                "--pkt-buffer-size", "kvp", "--history", file);
        assertEquals(1, r.exit());
        JsonNode ring = new ObjectMapper().readTree(r.out()).get("inputs").get(0).get("rings").get(0);
        List<String> keys = new ArrayList<>();
        ring.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("packets", "findings", "models", "consumed", "consumed_stop"),
                keys.subList(keys.indexOf("packets"), keys.size()));
        JsonNode linux = ring.get("models").get(0);
        assertEquals("{\"model\":\"linux-5.14\",\"pkt_buffer_size\":16384,\"reads\":["
                + "{\"step\":0,\"offset\":40,\"type\":6,\"flags\":0,\"transaction_id\":8,\"offset8\":2,\"len8\":5,"
                + "\"bytes\":40,\"strict_packet\":null,\"beyond_write_index\":false},"
                + "{\"step\":1,\"offset\":88,\"type\":0,\"flags\":0,\"transaction_id\":0,\"offset8\":2,\"len8\":511,"
                + "\"bytes\":4088,\"strict_packet\":null,\"beyond_write_index\":true}],"
                + "\"end\":{\"reason\":\"loop\",\"cursor\":88,\"reads\":2,"
                + "\"detail\":\"back at 0x58, already read: the reader spins forever\"}}", linux.toString());
        JsonNode openvmm = ring.get("models").get(1);
        assertEquals(null, openvmm.get("pkt_buffer_size"));
        assertEquals("{\"reason\":\"rejected\",\"cursor\":40,\"reads\":0,\"detail\":\"InvalidDescriptorLengths:"
                + " offset8 2, len8 100 with 40 bytes available\"}", openvmm.get("end").toString());
        JsonNode clamp = ring.get("findings").get(1);
        assertEquals("model.linux-5.14.clamped_len8", clamp.get("rule").asText());
        assertEquals("linux-5.14", clamp.get("model").asText());
        assertEquals("warning", clamp.get("severity").asText());
        JsonNode consumed = ring.get("consumed");
        assertEquals(1, consumed.size());
        assertEquals(-1, consumed.get(0).get("index").asInt());
        assertEquals(true, consumed.get(0).get("consumed").asBoolean());
        assertEquals(0, consumed.get(0).get("offset").asInt());
        assertEquals(7, consumed.get(0).get("transaction_id").asInt());
        assertEquals("{\"offset\":0,\"reason\":\"trailer at 0xff8 is zero and no packet ending there starts at 0:"
                + " nothing older was written there (the ring has not wrapped since)\"}",
                ring.get("consumed_stop").toString());
    }

    @Test
    void modelsAndConsumedInJsonl() throws IOException {
        String file = ghostRing();
        CliRun r = CliRun.of("inspect", "--format", "jsonl", "--model", "all", "--history", file);
        ObjectMapper json = new ObjectMapper();
        List<String> records = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode n = json.readTree(line);
            String kind = n.get("record").asText();
            if (kind.equals("packet") && n.has("consumed")) {
                kind = "consumed packet " + n.get("index").asInt();
            } else if (kind.equals("model")) {
                kind = "model " + n.get("model").asText() + " " + n.get("end").get("reason").asText();
                assertEquals("ring", n.get("ring").asText());
            } else if (kind.equals("ring")) {
                assertEquals("{\"offset\":0,\"reason\":\"trailer at 0xff8 is zero and no packet ending there starts"
                        + " at 0: nothing older was written there (the ring has not wrapped since)\"}",
                        n.get("consumed_stop").toString());
            }
            if (!kind.equals("finding")) {
                records.add(kind);
            }
        }
        assertEquals(List.of("input", "ring", "consumed packet -1", "model linux-5.14 loop", "model linux-4.11 loop",
                "model linux-4.4 loop", "model openvmm rejected", "summary", "summary"), records);
    }

    @Test
    void balloonPresetReadsTheRealBalloonDesyncOnlyWithThePreFixBuffer() throws IOException {
        byte[] payload = new byte[4096];
        RingWriter ring = new RingWriter(16384).inband(1, payload).inband(2, new byte[4184]);
        String file = write("balloon.bin", ring);
        CliRun old = CliRun.of("inspect", "--format", "json", "--model", "linux-5.14", "--pkt-buffer-size", "balloon-5.14", file);
        JsonNode oldRead = new ObjectMapper().readTree(old.out()).at("/inputs/0/rings/0/models/0/reads/0");
        assertEquals(512, oldRead.get("len8").asInt());
        CliRun fixed = CliRun.of("inspect", "--format", "json", "--model", "linux-5.14", "--pkt-buffer-size", "balloon", file);
        JsonNode model = new ObjectMapper().readTree(fixed.out()).at("/inputs/0/rings/0/models/0");
        assertEquals(8192, model.get("pkt_buffer_size").asInt());
        assertEquals(514, model.at("/reads/0/len8").asInt());
        assertEquals("caught_up", model.at("/end/reason").asText());
    }

    @Test
    void unknownModelIsAUsageError() throws IOException {
        CliRun r = CliRun.of("inspect", "--model", "linux-3.0", completionRing());
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("ringtool inspect: --model: unknown model 'linux-3.0': expected linux-5.14, linux-4.11, linux-4.4,"
                + " openvmm or all\nringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void badPktBufferSizeIsAUsageError() throws IOException {
        String file = completionRing();
        CliRun name = CliRun.of("inspect", "--pkt-buffer-size", "netvsc", file);
        assertEquals(2, name.exit());
        assertEquals("ringtool inspect: Invalid value for option '--pkt-buffer-size': expected a byte count or one of"
                + " default, util, kvp, balloon, vss, fcopy, balloon-5.14, got 'netvsc'\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", name.err());
        CliRun small = CliRun.of("inspect", "--pkt-buffer-size", "8", file);
        assertEquals(2, small.exit());
        assertEquals("ringtool inspect: Invalid value for option '--pkt-buffer-size': '8' is not a buffer size:"
                + " expected 16 to 4294967295 bytes\nringtool inspect: see 'ringtool inspect --help'\n", small.err());
    }

    @Test
    void checksListsTheModelRules() {
        CliRun r = CliRun.of("checks");
        assertEquals(0, r.exit());
        for (String id : List.of("model.linux-5.14.clamped_len8", "model.linux-5.14.ghost_packet",
                "model.linux-4.11.read_past_mapping", "model.linux-4.4.stalled", "model.openvmm.exact_fill")) {
            assertEquals(true, r.out().contains(id), id);
        }
    }
}
