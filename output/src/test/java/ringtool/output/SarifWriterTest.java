package ringtool.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.rules.Rules;
import ringtool.core.rules.Severity;
import ringtool.core.bytes.ByteSource;
import ringtool.core.synth.RingWriter;

class SarifWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sarif(InputReport... reports) throws Exception {
        StringWriter out = new StringWriter();
        SarifWriter w = new SarifWriter(out);
        RunTotals totals = new RunTotals();
        w.begin();
        int worst = 0;
        for (InputReport r : reports) {
            int code = r.exitCode(Severity.ERROR);
            w.input(r, code);
            totals.add(r);
            worst = Math.max(worst, code);
        }
        w.end(totals, worst);
        return JSON.readTree(out.toString());
    }

    /** Problems against both editions of the schema (see the README beside them). */
    private static Set<ValidationMessage> validate(JsonNode log) throws Exception {
        Set<ValidationMessage> problems = new java.util.LinkedHashSet<>();
        problems.addAll(validate(log, "/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7));
        problems.addAll(validate(log, "/sarif/sarif-2.1.0-rtm.5.json", SpecVersion.VersionFlag.V4));
        return problems;
    }

    private static Set<ValidationMessage> validate(JsonNode log, String resource, SpecVersion.VersionFlag version)
            throws Exception {
        try (InputStream schema = SarifWriterTest.class.getResourceAsStream(resource)) {
            JsonSchema s = JsonSchemaFactory.getInstance(version).getSchema(schema);
            return s.validate(log);
        }
    }

    private static InputReport damaged() {
        byte[] dump = new RingWriter(4096).inband(1, (byte) 1).inband(2, (byte) 2).inband(3, (byte) 3)
                .putU64(32 + 24, 0x0000_1000_0000_0000L).putU16(64 + 4, 0).build();
        return Inspector.defaults().inspect("dir with space/d#1.bin", ByteSource.of(dump));
    }

    @Test
    void logWithFindingsAndAFailedInputValidatesAgainstTheSarif210Schema() throws Exception {
        JsonNode log = sarif(damaged(), InputReport.failed("missing.bin", "auto", "no such file"));
        Set<ValidationMessage> problems = validate(log);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void schemaValidationRejectsALevelSarifDoesNotKnow() throws Exception {
        JsonNode log = sarif(damaged());
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertEquals(1, validate(log, "/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7).size());
        assertEquals(1, validate(log, "/sarif/sarif-2.1.0-rtm.5.json", SpecVersion.VersionFlag.V4).size());
    }

    @Test
    void driverRulesAreTheRegistryInOrderWithTheirDefaultLevels() throws Exception {
        JsonNode rules = sarif(damaged()).at("/runs/0/tool/driver/rules");
        assertEquals(Rules.all().size(), rules.size());
        for (int i = 0; i < rules.size(); i++) {
            assertEquals(Rules.all().get(i).id(), rules.get(i).get("id").asText());
            assertEquals(Rules.all().get(i).severity().id(),
                    rules.get(i).at("/defaultConfiguration/level").asText());
        }
    }

    @Test
    void eachFindingIsAResultPointingAtItsBytesInTheFile() throws Exception {
        JsonNode log = sarif(damaged());
        List<String> ids = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> ids.add(r.get("ruleId").asText()));
        assertEquals(List.of("pkt.trailer.mismatch", "pkt.len8.too_small"), ids);
        JsonNode trailer = log.at("/runs/0/results/0");
        assertEquals("warning", trailer.get("level").asText());
        assertEquals("trailer at 0x38: expected 0x0000002000000000, got 0x0000100000000000",
                trailer.at("/message/text").asText());
        assertEquals("dir%20with%20space/d%231.bin",
                trailer.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(4096 + 56, trailer.at("/locations/0/physicalLocation/region/byteOffset").asLong());
        assertEquals(8, trailer.at("/locations/0/physicalLocation/region/byteLength").asLong());
        JsonNode len8 = log.at("/runs/0/results/1");
        assertEquals("error", len8.get("level").asText());
        assertEquals(Rules.all().indexOf(Rules.PKT_LEN8_TOO_SMALL), len8.get("ruleIndex").asInt());
        assertEquals(1, log.at("/runs/0/invocations/0/exitCode").asInt());
    }

    @Test
    void anInputThatCannotBeReadIsANotificationAndTheRunUnsuccessful() throws Exception {
        JsonNode inv = sarif(InputReport.failed("missing.bin", "auto", "no such file")).at("/runs/0/invocations/0");
        assertEquals(false, inv.get("executionSuccessful").asBoolean());
        assertEquals(3, inv.get("exitCode").asInt());
        assertEquals("missing.bin: no such file", inv.at("/toolExecutionNotifications/0/message/text").asText());
    }
}
