package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import ringtool.core.inspect.Inspector;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.Describer;
import ringtool.core.synth.DumpDescription;
import ringtool.core.synth.Synthesizer;

/**
 * Every sample under samples/: its dump is what synth makes of its description, synth --from-dump gives that
 * description back byte for byte, and inspect's JSON output and exit code are the golden ones under
 * samples/golden/. The table in samples/README.md is generated from the same runs. {@code samples/regenerate}
 * (this test with -Dringtool.update=true) rewrites dumps, goldens and table.
 */
class SamplesGoldenTest {

    static final Path ROOT = DocsTest.ROOT;
    static final Path SAMPLES = ROOT.resolve("samples");
    static final boolean UPDATE = Boolean.getBoolean("ringtool.update");
    static final String BEGIN = "<!-- BEGIN GENERATED TABLE (samples/regenerate) -->";
    static final String END = "<!-- END GENERATED TABLE -->";

    static DumpDescription description(String name) throws Exception {
        return SynthCommand.MAPPER.readValue(SAMPLES.resolve(name + ".json").toFile(), DumpDescription.class);
    }

    /**
     * Samples whose payloads auto's content test rightly refuses (they are damaged), decoded with the protocol
     * they were written in.
     */
    private static final Map<String, List<String>> PROTOCOL_OPTIONS = Map.of(
            "bad-balloon-payloads", List.of("--protocol", "balloon"));

    /** The inspect options that frame the sample as its description built it: none when auto gets it right. */
    static List<String> inspectOptions(String name) throws Exception {
        List<String> options = new ArrayList<>(PROTOCOL_OPTIONS.getOrDefault(name, List.of()));
        if (Files.exists(SAMPLES.resolve(name + ".json"))) {
            DumpDescription d = description(name);
            String layout = d.layout() == null ? "single" : d.layout();
            String auto = Inspector.defaults().inspect(SAMPLES.resolve(name + ".bin"), name).layout();
            if (d.headerSize() == null && auto.equals(layout)) {
                return options;
            }
            options.add("--layout");
            options.add(d.layout() == null ? "single" : d.layout());
            if (d.headerSize() != null) {
                options.add("--header-size");
                options.add(String.valueOf(d.headerSize()));
            }
        }
        return options;
    }

    static List<String> names(String extension) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension))
                    .map(n -> n.substring(0, n.length() - extension.length())).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachDumpIsWhatSynthMakesOfItsDescription() throws Exception {
        return names(".json").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            byte[] built = Synthesizer.write(description(name));
            Path bin = SAMPLES.resolve(name + ".bin");
            if (UPDATE) {
                Files.write(bin, built);
            }
            assertArrayEquals(built, Files.readAllBytes(bin), name + ".bin is stale: run samples/regenerate");
        }));
    }

    @TestFactory
    Stream<DynamicTest> synthFromDumpRebuildsEachDumpByteForByte() throws Exception {
        return names(".bin").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            byte[] dump = Files.readAllBytes(SAMPLES.resolve(name + ".bin"));
            Layout layout = Layout.AUTO;
            long headerSize = FramingOptions.DEFAULT_HEADER_SIZE;
            if (Files.exists(SAMPLES.resolve(name + ".json"))) {
                DumpDescription d = description(name);
                layout = Layout.fromId(d.layout());
                headerSize = d.headerSize() == null ? headerSize : d.headerSize();
            }
            DumpDescription described = Describer.describe(dump, new FramingOptions(layout, headerSize, null));
            String json = SynthCommand.MAPPER.writeValueAsString(described);
            assertArrayEquals(dump, Synthesizer.write(SynthCommand.MAPPER.readValue(json, DumpDescription.class)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> inspectOutputAndExitCodeOfEachSampleArePinned() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, CliRun> runs = new TreeMap<>();
        for (String name : names(".bin")) {
            List<String> args = new ArrayList<>(List.of("inspect", "--format", "json"));
            args.addAll(inspectOptions(name));
            args.add(SAMPLES.resolve(name + ".bin").toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            // Sources as a user at the top of the tree types them.
            String stdout = run.out().replace(ROOT + "/samples/", "samples/");
            runs.put(name, new CliRun(run.exit(), stdout, run.err()));
        }
        Path golden = SAMPLES.resolve("golden");
        if (UPDATE) {
            Files.createDirectories(golden);
            for (Map.Entry<String, CliRun> e : runs.entrySet()) {
                Files.writeString(golden.resolve(e.getKey() + ".json"), e.getValue().out());
            }
            writeTable(runs);
        }
        for (Map.Entry<String, CliRun> e : runs.entrySet()) {
            String name = e.getKey();
            CliRun run = e.getValue();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals("", run.err());
                Path file = golden.resolve(name + ".json");
                assertTrue(Files.exists(file), file + " is missing: run samples/regenerate");
                assertEquals(Files.readString(file), run.out(), "samples/golden/" + name + ".json" + DocsTest.REGENERATE);
                JsonNode doc = SynthCommand.MAPPER.readTree(run.out());
                assertEquals(doc.at("/summary/exit_code").asInt(), run.exit(), "exit code of " + name);
            }));
        }
        tests.add(DynamicTest.dynamicTest("samples/README.md table", () -> {
            String readme = Files.readString(SAMPLES.resolve("README.md"));
            assertEquals(table(runs), between(readme), "samples/README.md" + DocsTest.REGENERATE);
        }));
        return tests.stream();
    }

    private static String between(String readme) {
        int b = readme.indexOf(BEGIN);
        int e = readme.indexOf(END);
        return b < 0 || e < b ? "" : readme.substring(b + BEGIN.length(), e);
    }

    private static void writeTable(Map<String, CliRun> runs) throws Exception {
        Path path = SAMPLES.resolve("README.md");
        String readme = Files.readString(path);
        int b = readme.indexOf(BEGIN);
        int e = readme.indexOf(END);
        Files.writeString(path, readme.substring(0, b + BEGIN.length()) + table(runs) + readme.substring(e),
                StandardCharsets.UTF_8);
    }

    static String table(Map<String, CliRun> runs) throws Exception {
        StringBuilder b = new StringBuilder("\n| sample | what it is | made by | `ringtool inspect` | layout | packets"
                + " | findings by rule | exit |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, CliRun> e : runs.entrySet()) {
            String name = e.getKey();
            JsonNode input = SynthCommand.MAPPER.readTree(e.getValue().out()).at("/inputs/0");
            boolean synthesized = Files.exists(SAMPLES.resolve(name + ".json"));
            String what = synthesized ? description(name).comment()
                    : "a real capture: the sysfs `ring` file of an hv_balloon channel of a Debian 6.12 guest under QEMU (idle; QEMU leaves host-to-guest trailers zero)";
            String made = synthesized ? "`ringtool synth samples/" + name + ".json -o samples/" + name + ".bin`"
                    : "captured, kept as is";
            String options = String.join(" ", inspectOptions(name));
            String command = "`ringtool inspect " + (options.isEmpty() ? "" : options + " ") + "samples/" + name
                    + ".bin`";
            List<String> packets = new ArrayList<>();
            Map<String, Integer> byRule = new TreeMap<>();
            for (JsonNode ring : input.get("rings")) {
                packets.add((input.get("rings").size() > 1 ? ring.get("name").asText() + " " : "")
                        + ring.get("packets").size());
                ring.get("findings").forEach(f -> byRule.merge(f.get("rule").asText(), 1, Integer::sum));
            }
            input.get("findings").forEach(f -> byRule.merge(f.get("rule").asText(), 1, Integer::sum));
            List<String> findings = new ArrayList<>();
            byRule.forEach((rule, n) -> findings.add("`" + rule + "`" + (n > 1 ? " ×" + n : "")));
            b.append("| `").append(name).append(".bin` | ").append(what.replace("|", "\\|")).append(" | ")
                    .append(made).append(" | ").append(command).append(" | ").append(input.get("layout").asText())
                    .append(" | ").append(String.join(", ", packets)).append(" | ")
                    .append(findings.isEmpty() ? "none" : String.join(", ", findings)).append(" | ")
                    .append(input.get("exit_code").asInt()).append(" |\n");
        }
        return b.toString();
    }
}
