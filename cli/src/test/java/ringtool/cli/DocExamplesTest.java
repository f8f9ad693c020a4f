package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the README and the man pages, run as written by bash from a directory holding a copy of
 * {@code samples/}, with {@code ringtool} (and {@code ./ringtool}) the CLI of this build. A README block that shows
 * a {@code $ command} and its output must print exactly that output; every other runnable line must exit 0 or 1
 * with nothing on stderr. Lines that need what a build machine lacks (a live guest, a vmcore, Maven, Jazzer) are
 * left out by the placeholders they name.
 */
class DocExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NOT_HERE = List.of("<", "/sys/", "/dev/uio", "vmcore", "mvn ", "ringtool fuzz",
            "guest-memory", "dump.bin", "man -l", "source ", "compinit", "drgn", "crash>", "chromium", "bench/");

    @TempDir
    static Path work;

    @BeforeAll
    static void copySamples() throws IOException {
        Path samples = Files.createDirectories(work.resolve("samples"));
        try (Stream<Path> s = Files.list(DocsTest.ROOT.resolve("samples"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, samples.resolve(p.getFileName()));
            }
        }
        Files.createDirectories(work.resolve("tmp"));
    }

    /** Runs a script with {@code ringtool} this build's CLI; /tmp/ of the examples is a folder of the test's. */
    static CliRun bash(String script) throws Exception {
        String cli = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + Main.class.getName();
        String prelude = "ringtool() { " + cli + " \"$@\"; }\nexport -f ringtool 2>/dev/null\n";
        String body = script.replace("./ringtool", "ringtool").replace("/tmp/", work.resolve("tmp") + "/");
        Process p = new ProcessBuilder("bash", "-c", prelude + body).directory(work.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CliRun(p.waitFor(), out, err);
    }

    private static boolean runnable(String line) {
        return line.contains("ringtool ") && NOT_HERE.stream().noneMatch(line::contains);
    }

    /** The README's fenced blocks. */
    private static List<List<String>> readmeBlocks() throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : Files.readAllLines(DocsTest.ROOT.resolve("README.md"))) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    blocks.add(block);
                    block = null;
                }
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    @Test
    void everyReadmeTranscriptPrintsWhatItShows() throws Exception {
        int checked = 0;
        for (List<String> block : readmeBlocks()) {
            if (block.isEmpty() || !block.get(0).startsWith("$ ") || !runnable(block.get(0))) {
                continue;
            }
            String command = block.get(0).substring(2);
            CliRun r = bash(command);
            String shown = String.join("\n", block.subList(1, block.size()));
            // A transcript leaves out the blank line that ends each input's text.
            assertEquals(shown, r.out().stripTrailing(), command);
            checked++;
        }
        assertTrue(checked >= 3, "transcripts checked: " + checked);
    }

    @Test
    void everyOtherReadmeCommandRunsCleanly() throws Exception {
        int checked = 0;
        for (List<String> block : readmeBlocks()) {
            if (block.isEmpty() || block.get(0).startsWith("$ ")) {
                continue;
            }
            for (String line : block) {
                if (!line.startsWith("./ringtool") && !line.contains("| ./ringtool")) {
                    continue;
                }
                if (!runnable(line)) {
                    continue;
                }
                String command = line.replaceFirst("\\s{2,}#.*$", "");
                CliRun r = bash(command + " > /dev/null");
                assertTrue(r.exit() == 0 || r.exit() == 1, command + ": exit " + r.exit() + ": " + r.err());
                // carve --out names each file it writes on stderr; nothing else belongs there.
                assertEquals("", r.err().replaceAll("(?m)^ringtool carve: wrote .*\n", ""), command);
                checked++;
            }
        }
        assertTrue(checked >= 15, "commands checked: " + checked);
    }

    /** The man pages' listing blocks, in order. */
    private static List<String> manBlocks() {
        List<String> blocks = new ArrayList<>();
        String[] parts = Docs.EXAMPLES.split("(?m)^----$");
        for (int i = 1; i < parts.length; i += 2) {
            blocks.add(parts[i].strip());
        }
        return blocks;
    }

    /** What the shipped samples give, counted in Java from the JSON: severity and rule to count. */
    private static Map<String, Integer> findingsBySeverityAndRule() throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "--format", "json", "--fail-on", "never"));
        try (Stream<Path> s = Files.list(work.resolve("samples"))) {
            s.map(Path::toString).filter(n -> n.endsWith(".bin")).sorted().forEach(args::add);
        }
        JsonNode doc = JSON.readTree(CliRun.of(args.toArray(String[]::new)).out());
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode input : doc.get("inputs")) {
            List<JsonNode> findings = new ArrayList<>();
            input.get("findings").forEach(findings::add);
            input.get("rings").forEach(ring -> ring.get("findings").forEach(findings::add));
            for (JsonNode f : findings) {
                counts.merge(f.get("severity").asText() + "\t" + f.get("rule").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void theTriagePipelineListsTheWorstFindingsFirstWithRealCounts() throws Exception {
        CliRun r = bash(manBlocks().get(0));
        assertEquals("", r.err());
        assertEquals(0, r.exit());
        Map<String, Integer> expected = findingsBySeverityAndRule();
        List<String> rank = List.of("error", "warning", "note");
        int lastRank = -1;
        int lastCount = Integer.MAX_VALUE;
        Map<String, Integer> printed = new TreeMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.split("\t");
            int count = Integer.parseInt(f[0]);
            int severity = rank.indexOf(f[1]);
            assertTrue(severity > lastRank || severity == lastRank && count <= lastCount, line);
            lastCount = severity == lastRank ? count : count;
            lastRank = severity;
            printed.put(f[1] + "\t" + f[2], count);
        }
        assertEquals(expected, printed);
        assertTrue(expected.values().stream().anyMatch(n -> n > 1), "some rule counts more than once");
    }

    @Test
    void theCountByRulePipelineCountsInputFindingsToo() throws Exception {
        CliRun r = bash(manBlocks().get(1));
        assertEquals("", r.err());
        Map<String, Integer> byRule = new TreeMap<>();
        findingsBySeverityAndRule().forEach((k, v) -> byRule.merge(k.substring(k.indexOf('\t') + 1), v, Integer::sum));
        Map<String, Integer> printed = new TreeMap<>();
        for (String line : r.out().split("\n")) {
            String[] f = line.strip().split("\\s+");
            printed.put(f[1], Integer.parseInt(f[0]));
        }
        assertEquals(byRule, printed);
    }

    @Test
    void theOtherManPipelinesRunOnTheSamples() throws Exception {
        List<String> blocks = manBlocks();
        CliRun failing = bash(blocks.get(2));
        assertEquals("", failing.err());
        assertTrue(failing.out().contains("samples/bad-len8-zero.bin\n"), failing.out());
        assertTrue(!failing.out().contains("samples/empty.bin\n"), failing.out());
        CliRun sarif = bash(blocks.get(3) + " && jq -r .version ringtool.sarif");
        assertEquals(new CliRun(0, "2.1.0\n", ""), sarif);
        CliRun damage = bash(blocks.get(4));
        assertEquals("", damage.err());
        assertEquals(1, damage.exit());
        assertTrue(damage.out().contains("error   pkt.len8.too_small"), damage.out());
    }

    @Test
    void everyCommandFooterExampleThatNeedsOnlyTheSamplesRuns() throws Exception {
        int checked = 0;
        for (var sub : RingtoolCommand.commandLine().getSubcommands().values()) {
            String footer = String.join("\n", sub.getCommandSpec().usageMessage().footer());
            for (String line : footer.replace("\\\n", " ").split("\n")) {
                String command = line.strip();
                if (!runnable(command)) {
                    continue;
                }
                CliRun r = bash(command + " > /dev/null");
                assertTrue(r.exit() == 0 || r.exit() == 1, command + ": exit " + r.exit() + ": " + r.err());
                assertEquals("", r.err(), command);
                checked++;
            }
        }
        assertTrue(checked >= 13, "footer examples checked: " + checked);
    }
}
