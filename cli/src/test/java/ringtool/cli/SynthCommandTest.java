package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        CliRun run = CliRun.of("synth", desc.toString(), "-o", out.toString());
        assertEquals(new CliRun(0, "", ""), run);
        assertEquals(8192, Files.size(out));
        CliRun inspect = CliRun.of("inspect", "--format", "json", out.toString());
        assertEquals(0, inspect.exit());
        JsonNode ring = SynthCommand.MAPPER.readTree(inspect.out()).at("/inputs/0/rings/0");
        assertEquals(7, ring.at("/packets/0/transaction_id").asInt());
        assertEquals(0, ring.get("findings").size());
    }

    @Test
    void aMisspelledFieldIsAOneLineErrorWithExitThree() throws Exception {
        Path desc = write("typo.json", "{\"rings\": [{\"data_size\": 4096, \"pakets\": []}]}");
        CliRun run = CliRun.of("synth", desc.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(3, run.exit());
        assertEquals("ringtool synth: " + desc + ": invalid description: Unrecognized field \"pakets\" at"
                + " rings[0].pakets (line 1, column 45)\n", run.err());
        assertTrue(Files.notExists(tmp.resolve("x.bin")));
    }

    @Test
    void anImpossibleDescriptionNamesTheRingAndPacket() throws Exception {
        Path desc = write("big.json", """
                {"layout": "uio-pair", "rings": [{"data_size": 4096},
                  {"data_size": 4096, "packets": [{"type": 6, "fill": {"length": 9000}}]}]}
                """);
        CliRun run = CliRun.of("synth", desc.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(new CliRun(3, "", "ringtool synth: " + desc
                + ": inbound: packet 0: the packets need more than the 4096 bytes of the data area\n"), run);
    }

    @Test
    void aMissingDescriptionFileIsExitThree() {
        Path missing = tmp.resolve("missing.json");
        CliRun run = CliRun.of("synth", missing.toString(), "-o", tmp.resolve("x.bin").toString());
        assertEquals(new CliRun(3, "", "ringtool synth: " + missing + ": no such file\n"), run);
    }

    @Test
    void fromDumpPrintsADescriptionThatRebuildsTheDump() throws Exception {
        Path real = SamplesGoldenTest.SAMPLES.resolve("balloon-uio-pair.bin");
        CliRun described = CliRun.of("synth", "--from-dump", real.toString());
        assertEquals(0, described.exit(), described.err());
        Path desc = write("balloon.json", described.out());
        Path rebuilt = tmp.resolve("balloon.bin");
        assertEquals(0, CliRun.of("synth", desc.toString(), "-o", rebuilt.toString()).exit());
        assertArrayEquals(Files.readAllBytes(real), Files.readAllBytes(rebuilt));
    }

    @Test
    void u64FieldsUseAll64BitsAndAcceptHex() throws Exception {
        Path desc = write("u64.json", """
                {"rings": [{"data_size": "0x1000", "packets": [{"type": 6, "transaction_id": 18446744073709551615,
                  "damage": {"trailer": "0xffffffff00000000"}}]}]}
                """);
        Path bin = tmp.resolve("u64.bin");
        assertEquals(0, CliRun.of("synth", desc.toString(), "-o", bin.toString()).exit());
        CliRun described = CliRun.of("synth", "--from-dump", bin.toString());
        JsonNode packet = SynthCommand.MAPPER.readTree(described.out()).at("/rings/0/packets/0");
        assertEquals("18446744073709551615", packet.get("transaction_id").toString());
        assertEquals("18446744069414584320", packet.at("/damage/trailer").toString());
    }

    @Test
    void fromDumpOfAFileTooSmallForARingIsExitThree() throws Exception {
        Path tiny = tmp.resolve("tiny.bin");
        Files.write(tiny, new byte[100]);
        CliRun run = CliRun.of("synth", "--from-dump", tiny.toString());
        assertEquals(new CliRun(3, "", "ringtool synth: " + tiny + ": too small: 100 bytes, a ring needs at least 8192"
                + " (a 4096-byte header and one 4096-byte page of data)\n"), run);
    }

    @Test
    void inspectWritesSarifWithAResultPerFinding() {
        Path bad = SamplesGoldenTest.SAMPLES.resolve("bad-type-and-flags.bin");
        CliRun run = CliRun.of("inspect", "--format", "sarif", bad.toString());
        assertEquals(1, run.exit());
        JsonNode results;
        try {
            results = SynthCommand.MAPPER.readTree(run.out()).at("/runs/0/results");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals("pkt.type.unknown", results.get(0).get("ruleId").asText());
        assertEquals("pkt.flags.unknown", results.get(1).get("ruleId").asText());
        assertEquals(4096 + 32, results.get(1).at("/locations/0/physicalLocation/region/byteOffset").asLong());
    }

    @Test
    void anUnknownFormatNamesSarifAmongTheChoices() {
        CliRun run = CliRun.of("inspect", "--format", "xml", "x.bin");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("expected text, json, jsonl, sarif, svg or html, got 'xml'"), run.err());
    }

    @Test
    void withoutDashOTheDumpGoesToStdoutAsTheHelpSays() throws Exception {
        Path root = DocsTest.ROOT.resolve("samples");
        byte[] expected = Files.readAllBytes(root.resolve("wrapped-packet.bin"));
        assertArrayEquals(expected, StdinTest.pipedBytes(new byte[0], "synth",
                root.resolve("wrapped-packet.json").toString()));
        assertArrayEquals(expected, StdinTest.pipedBytes(new byte[0], "synth",
                root.resolve("wrapped-packet.json").toString(), "-o", "-"));
        assertArrayEquals(expected, StdinTest.pipedBytes(Files.readAllBytes(root.resolve("wrapped-packet.json")),
                "synth", "-", "-o", "-"));
    }

    @Test
    void aNonHexCharacterAndAnOddCountAreToldApart() throws Exception {
        String[][] cases = {
            {"zz", "'z' at 0 is not a hex digit: 'zz'"},
            {"00gg", "'g' at 2 is not a hex digit: '00gg'"},
            {"abc", "an odd number of hex digits (3), two make a byte: 'abc'"}};
        for (String[] c : cases) {
            Path desc = write("hex.json", "{\"layout\": \"single\", \"rings\": [{\"data_size\": 4096,"
                    + " \"packets\": [{\"type\": 6, \"payload\": \"" + c[0] + "\"}]}]}");
            CliRun r = CliRun.of("synth", desc.toString(), "-o", tmp.resolve("x.bin").toString());
            assertEquals(3, r.exit());
            assertEquals("ringtool synth: " + desc + ": ring: packet 0: payload: " + c[1] + "\n", r.err());
        }
    }
}
