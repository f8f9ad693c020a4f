package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.cli.SamplesGoldenTest.Run;

class SynthCommandTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writesTheDumpAndExitsZero() throws Exception {
        Path desc = write("d.json", """
                {"rings": [{"data_size": 4096, "packets": [{"type": 6, "transaction_id": 7, "payload": "0102"}]}]}
                """);
        Path out = tmp.resolve("d.bin");
        Run run = SamplesGoldenTest.ringtool("synth", desc.toString(), "-o", out.toString());
        assertEquals(new Run(0, "", ""), run);
        assertEquals(8192, Files.size(out));
        Run inspect = SamplesGoldenTest.ringtool("inspect", "--format", "json", out.toString());
        assertEquals(0, inspect.exitCode());
        JsonNode ring = SynthCommand.MAPPER.readTree(inspect.stdout()).at("/inputs/0/rings/0");
        assertEquals(7, ring.at("/packets/0/transaction_id").asInt());
        assertEquals(0, ring.get("findings").size());
    }

    @Test
    void aMisspelledFieldIsAOneLineErrorWithExitThree() throws Exception {
        Path desc = write("typo.json", "{\"rings\": [{\"data_size\": 4096, \"pakets\": []}]}");
        Run run = SamplesGoldenTest.ringtool("synth", desc.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(3, run.exitCode());
        assertEquals("ringtool synth: " + desc + ": invalid description: Unrecognized field \"pakets\" at"
                + " rings[0].pakets (line 1, column 45)\n", run.stderr());
        assertTrue(Files.notExists(tmp.resolve("x.bin")));
    }

    @Test
    void anImpossibleDescriptionNamesTheRingAndPacket() throws Exception {
        Path desc = write("big.json", """
                {"layout": "uio-pair", "rings": [{"data_size": 4096},
                  {"data_size": 4096, "packets": [{"type": 6, "fill": {"length": 9000}}]}]}
                """);
        Run run = SamplesGoldenTest.ringtool("synth", desc.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(new Run(3, "", "ringtool synth: " + desc
                + ": inbound: packet 0: the packets need more than the 4096 bytes of the data area\n"), run);
    }

    @Test
    void aMissingDescriptionFileIsExitThree() {
        Path missing = tmp.resolve("missing.json");
        Run run = SamplesGoldenTest.ringtool("synth", missing.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(new Run(3, "", "ringtool synth: " + missing + ": no such file\n"), run);
    }

    @Test
    void withoutAnOutputFileItIsAUsageError() throws Exception {
        Path desc = write("d.json", "{\"rings\": [{\"data_size\": 4096}]}");
        Run run = SamplesGoldenTest.ringtool("synth", desc.toString());
        assertEquals(2, run.exitCode());
        assertEquals("ringtool synth: missing -o FILE for the dump\nringtool synth: see 'ringtool synth --help'\n",
                run.stderr());
    }

    @Test
    void fromDumpPrintsADescriptionThatRebuildsTheDump() throws Exception {
        Path real = SamplesGoldenTest.SAMPLES.resolve("balloon-uio-pair.bin");
        Run described = SamplesGoldenTest.ringtool("synth", "--from-dump", real.toString());
        assertEquals(0, described.exitCode(), described.stderr());
        Path desc = write("balloon.json", described.stdout());
        Path rebuilt = tmp.resolve("balloon.bin");
        assertEquals(0, SamplesGoldenTest.ringtool("synth", desc.toString(), "-o", rebuilt.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(rebuilt));
    }

    @Test
    void u64FieldsUseAll64BitsAndAcceptHex() throws Exception {
        Path desc = write("u64.json", """
                {"rings": [{"data_size": "0x1000", "packets": [{"type": 6, "transaction_id": 18446744073709551615,
                  "damage": {"trailer": "0xffffffff00000000"}}]}]}
                """);
        Path bin = tmp.resolve("u64.bin");
        assertEquals(0, SamplesGoldenTest.ringtool("synth", desc.toString(), "-o", bin.toString()).exitCode());
        Run described = SamplesGoldenTest.ringtool("synth", "--from-dump", bin.toString());
        JsonNode packet = SynthCommand.MAPPER.readTree(described.stdout()).at("/rings/0/packets/0");
        assertEquals("18446744073709551615", packet.get("transaction_id").toString());
        assertEquals("18446744069414584320", packet.at("/damage/trailer").toString());
    }

    @Test
    void fromDumpOfAFileTooSmallForARingIsExitThree() throws Exception {
        Path tiny = tmp.resolve("tiny.bin");
        Files.write(tiny, new byte[100]);
        Run run = SamplesGoldenTest.ringtool("synth", "--from-dump", tiny.toString());
        assertEquals(new Run(3, "", "ringtool synth: " + tiny + ": too small: 100 bytes, a ring needs at least 8192"
                + " (a 4096-byte header and one 4096-byte page of data)\n"), run);
    }

    @Test
    void inspectWritesSarifWithAResultPerFinding() {
        Path bad = SamplesGoldenTest.SAMPLES.resolve("bad-type-and-flags.bin");
        Run run = SamplesGoldenTest.ringtool("inspect", "--format", "sarif", bad.toString());
        assertEquals(1, run.exitCode());
        JsonNode results;
        try {
            results = SynthCommand.MAPPER.readTree(run.stdout()).at("/runs/0/results");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("pkt.type.unknown", results.get(0).get("ruleId").asText());
        assertEquals("pkt.flags.unknown", results.get(1).get("ruleId").asText());
        assertEquals(4096 + 32, results.get(1).at("/locations/0/physicalLocation/region/byteOffset").asLong());
    }

    @Test
    void anUnknownFormatNamesSarifAmongTheChoices() {
        Run run = SamplesGoldenTest.ringtool("inspect", "--format", "xml", "x.bin");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("expected text, json, jsonl or sarif, got 'xml'"), run.stderr());
    }
}
