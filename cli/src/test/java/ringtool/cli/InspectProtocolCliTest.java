package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code inspect --protocol} and {@code --class-id}, and the decoded payloads in each output. */
class InspectProtocolCliTest {

    private static final String CAPTURE = SamplesGoldenTest.SAMPLES.resolve("balloon-uio-pair.bin").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void theRealCaptureDecodesFullyInJson() throws Exception {
        JsonNode outbound = json("inspect", "--format", "json", "--read-index", "0", CAPTURE).at("/inputs/0/rings/0");
        assertEquals("balloon", outbound.at("/protocol").asText());
        JsonNode packets = outbound.at("/packets");
        assertEquals(29, packets.size());
        assertEquals("DM_VERSION_REQUEST", packets.at("/0/decoded/message").asText());
        assertEquals("DM_CAPABILITIES_REPORT", packets.at("/1/decoded/message").asText());
        for (int i = 2; i < 29; i++) {
            assertEquals("DM_STATUS_REPORT", packets.at("/" + i + "/decoded/message").asText(), "packet " + i);
        }
        assertEquals(18446744073709551615.0, packets.at("/1/decoded/fields/max_page_number").asDouble());
        assertTrue(packets.at("/1/decoded/fields/max_page_number").isBigInteger(), "u64 exact");
    }

    @Test
    void protocolNoneWritesDecodedNull() throws Exception {
        JsonNode ring = json("inspect", "--format", "json", "--read-index", "0", "--protocol", "none", CAPTURE)
                .at("/inputs/0/rings/1");
        assertEquals("none", ring.at("/protocol").asText());
        assertEquals("--protocol none", ring.at("/protocol_decision").asText());
        assertTrue(ring.at("/packets/0/decoded").isNull());
    }

    @Test
    void jsonlPacketsCarryDecodedToo() {
        CliRun r = CliRun.of("inspect", "--format", "jsonl", "--read-index", "0", "-c", "1", CAPTURE);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("\"record\":\"packet\"")
                && l.contains("\"message\":\"DM_VERSION_RESPONSE\"")), r.out());
    }

    @Test
    void textShowsInfoAsTheLastColumnAndTheFieldsUnderMinusV() {
        CliRun r = CliRun.of("inspect", "-V", "-c", "1", "--read-index", "0", CAPTURE);
        assertTrue(r.out().contains("  protocol balloon (auto: no class GUID; balloon fits every packet (29): a known"
                + " message type and a size within the packet)\n"), r.out());
        assertTrue(r.out().contains("  11 @16         DM_VERSION_REQUEST trans 1: version 2.0, is_last_attempt 0\n"),
                r.out());
        assertTrue(r.out().contains("""
                          balloon DM_VERSION_REQUEST
                            hdr
                              type               1
                              size               16
                """), r.out());
    }

    @Test
    void historyDecodesTheConsumedPackets() {
        CliRun r = CliRun.of("inspect", "--history", "-c", "2", CAPTURE);
        assertTrue(r.out().contains("  11 @16         consumed  DM_VERSION_REQUEST trans 1"), r.out());
        assertTrue(r.out().contains("  protocol balloon (auto: no class GUID; balloon fits every packet (29)"), r.out());
    }

    @Test
    void classIdDecidesForAPlainFile() throws Exception {
        JsonNode ring = json("inspect", "--format", "json", "--class-id", "{CFA8B69E-5B4A-4CC0-B98B-8BA1A1F3F95A}",
                CAPTURE).at("/inputs/0/rings/0");
        assertEquals("none", ring.at("/protocol").asText());
        assertEquals("auto: class cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a (mouse) from --class-id, which no dissector"
                + " decodes", ring.at("/protocol_decision").asText());
        JsonNode dm = json("inspect", "--format", "json", "--class-id", "525074dc-8985-46e2-8057-a307dc18a502",
                "--read-index", "0", CAPTURE).at("/inputs/0/rings/1");
        assertEquals("balloon", dm.at("/protocol").asText());
        assertEquals("DM_VERSION_RESPONSE", dm.at("/packets/0/decoded/message").asText());
    }

    @Test
    void badProtocolAndClassIdAreUsageErrors() {
        CliRun protocol = CliRun.of("inspect", "--protocol", "nope", CAPTURE);
        assertEquals(2, protocol.exit());
        assertTrue(protocol.err().startsWith("ringtool inspect: Invalid value for option '--protocol': expected auto,"
                + " none, balloon"),
                protocol.err());
        CliRun classId = CliRun.of("inspect", "--class-id", "525074dc", CAPTURE);
        assertEquals(2, classId.exit());
        assertTrue(classId.err().startsWith("ringtool inspect: Invalid value for option '--class-id': expected a GUID"
                + " such as"
                + " 525074dc-8985-46e2-8057-a307dc18a502, got '525074dc'"), classId.err());
    }

    @Test
    void checksGivesEachPayloadRuleItsLinuxCheck() throws Exception {
        JsonNode rules = json("checks", "--format", "json").at("/rules");
        JsonNode range = null;
        for (JsonNode r : rules) {
            if (r.at("/id").asText().equals("balloon.range_count.beyond_size")) {
                range = r;
            }
        }
        assertEquals("balloon", range.at("/group").asText());
        assertTrue(range.at("/linux_check").asText().startsWith("none: balloon_down() frees range_count ranges"));
        assertTrue(rules.get(0).at("/linux_check").isNull());
        assertTrue(CliRun.of("checks").out().contains(
                "Linux: process_info() takes max_page_count only when data_size == sizeof(__u64)"));
    }

}
