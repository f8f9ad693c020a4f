package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.synth.RingWriter;
import ringtool.core.testing.RingFiles;

class InspectPipelineTest {

    @TempDir
    static Path dir;

    static Path good;
    static Path damaged;
    static Path big;

    @BeforeAll
    static void rings() throws Exception {
        good = dir.resolve("good.bin");
        RingWriter b = new RingWriter(8192).startAt(0);
        for (int i = 0; i < 20; i++) {
            b.inband(i, new byte[] {1, 2, 3, (byte) i});
        }
        Files.write(good, b.build());
        damaged = dir.resolve("damaged.bin");
        RingWriter d = new RingWriter(8192).startAt(0).inband(1, new byte[8]).inband(2, new byte[16]);
        d.putU64(24, 0x1234);
        Files.write(damaged, d.build());
        // Bigger than one pipe of the runner in every format, so --jobs must stream it through.
        big = dir.resolve("big.bin");
        RingFiles.inband(big, 1 << 20, 5000, 40);
    }

    private static String[] args(List<String> options, Path... files) {
        List<String> all = new ArrayList<>(List.of("inspect"));
        all.addAll(options);
        for (Path f : files) {
            all.add(f.toString());
        }
        return all.toArray(String[]::new);
    }

    @Test
    void jobsGiveTheSameBytesAndExitCodeAsOneJobInEveryFormat() {
        Path missing = dir.resolve("missing.bin");
        Path[] inputs = {good, big, damaged, missing, good, big};
        for (String format : new String[] {"text", "json", "jsonl"}) {
            for (List<String> extra : List.of(List.<String>of(), List.of("--summary"), List.of("-V", "-x"))) {
                List<String> options = new ArrayList<>(List.of("--format", format));
                options.addAll(extra);
                CliRun one = CliRun.of(args(options, inputs));
                options.addAll(List.of("--jobs", "3"));
                CliRun three = CliRun.of(args(options, inputs));
                String what = format + " " + extra;
                assertEquals(3, one.exit(), what);
                assertEquals(one.exit(), three.exit(), what);
                assertEquals(one.out(), three.out(), what);
                assertEquals(one.err(), three.err(), what);
            }
        }
    }

    @Test
    void jsonWithJobsIsOneValidDocumentWithInputsInOrder() throws Exception {
        CliRun r = CliRun.of("inspect", "--format", "json", "-j", "2", good.toString(), damaged.toString(), big.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(3, doc.get("inputs").size());
        assertEquals(damaged.toString(), doc.get("inputs").get(1).get("source").asText());
        assertEquals(5000, doc.get("inputs").get(2).get("rings").get(0).get("packets").size());
        assertEquals(5022, doc.get("summary").get("packets").asLong());
    }

    @Test
    void jsonlLinesStartWithTheirObject() {
        CliRun r = CliRun.of("inspect", "--format", "jsonl", good.toString(), damaged.toString());
        for (String line : r.out().split("\n")) {
            assertTrue(line.startsWith("{\"record\":"), line);
        }
    }

    @Test
    void summaryTextIsOneLinePerInputWithCountsAndTheWorstRule() {
        CliRun r = CliRun.of("inspect", "--summary", good.toString(), damaged.toString());
        assertEquals(0, r.exit());
        assertEquals(good + ": layout single, 20 packets, 0 errors, 0 warnings, 0 notes; worst none; exit 0\n"
                + damaged + ": layout single, 2 packets, 0 errors, 1 warning, 0 notes; worst pkt.trailer.mismatch;"
                + " exit 0\n"
                + "2 inputs (0 could not be processed): 22 packets, 0 errors, 1 warning, 0 notes; exit 0\n",
                r.out());
    }

    @Test
    void summaryJsonlIsTheSummaryRecordsOfTheFullOutput() {
        CliRun full = CliRun.of("inspect", "--format", "jsonl", good.toString(), damaged.toString());
        CliRun summary = CliRun.of("inspect", "--format", "jsonl", "--summary", good.toString(), damaged.toString());
        StringBuilder expected = new StringBuilder();
        for (String line : full.out().split("\n")) {
            if (line.startsWith("{\"record\":\"summary\"")) {
                expected.append(line).append('\n');
            }
        }
        assertEquals(expected.toString(), summary.out());
    }

    @Test
    void filesFromReadsNewlineAndNulSeparatedLists() throws Exception {
        Path lines = dir.resolve("list.txt");
        Files.writeString(lines, good + "\r\n\n" + damaged + "\n");
        Path nuls = dir.resolve("list.0");
        Files.write(nuls, (good + "\0" + damaged + "\0").getBytes(StandardCharsets.UTF_8));
        CliRun direct = CliRun.of("inspect", "--summary", good.toString(), damaged.toString());
        assertEquals(direct, CliRun.of("inspect", "--summary", "--files-from", lines.toString()));
        assertEquals(direct, CliRun.of("inspect", "--summary", "-0", "--files-from", nuls.toString()));
        assertEquals(List.of(Path.of("a b"), Path.of("c\nd")),
                InputList.parseList("a b\0c\nd\0", true).stream().map(InputList.Input::path).toList());
    }

    @Test
    void recursiveTakesTheRegularFilesBelowADirectoryInNameOrder() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("b"));
        Files.copy(good, tree.resolve("c.bin"));
        Files.copy(damaged, tree.resolve("b").resolve("z.bin"));
        Files.copy(good, tree.resolve("a.bin"));
        CliRun r = CliRun.of("inspect", "--summary", "--format", "jsonl", "-r", tree.toString());
        List<String> sources = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            JsonNode n = readJson(line);
            if (n.get("scope").asText().equals("input")) {
                sources.add(n.get("source").asText());
            }
        }
        assertEquals(List.of(tree.resolve("a.bin").toString(), tree.resolve("b/z.bin").toString(),
                tree.resolve("c.bin").toString()), sources);
    }

    @Test
    void recursiveTakesLinksToFilesButWalksNoLinkToADirectoryAndSkipsDanglingLinks() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("links"));
        Files.copy(good, tree.resolve("a.bin"));
        Files.createSymbolicLink(tree.resolve("b.bin"), good);
        Files.createSymbolicLink(tree.resolve("c"), dir);
        Files.createSymbolicLink(tree.resolve("d.bin"), dir.resolve("gone.bin"));
        CliRun r = CliRun.of("inspect", "--summary", "-r", tree.toString());
        String counts = ": layout single, 20 packets, 0 errors, 0 warnings, 0 notes; worst none; exit 0\n";
        assertEquals(tree.resolve("a.bin") + counts + tree.resolve("b.bin") + counts
                + "2 inputs (0 could not be processed): 40 packets, 0 errors, 0 warnings, 0 notes; exit 0\n", r.out());
        assertEquals(0, r.exit());
    }

    @Test
    void aDirectoryWithoutRecursiveIsAnInputThatCannotBeProcessed() {
        CliRun r = CliRun.of("inspect", dir.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + dir + ": is a directory (-r inspects the files below it)\n", r.err());
    }

    @Test
    void usageErrorsNameTheProblem() {
        assertEquals("ringtool inspect: no input: give FILE... or --files-from\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", CliRun.of("inspect").err());
        assertEquals(2, CliRun.of("inspect", "--jobs", "0", good.toString()).exit());
        CliRun missingList = CliRun.of("inspect", "--files-from", dir.resolve("nolist").toString());
        assertEquals(2, missingList.exit());
        assertTrue(missingList.err().startsWith("ringtool inspect: --files-from " + dir.resolve("nolist")
                + ": no such file\n"), missingList.err());
        assertFalse(missingList.err().contains("Exception"));
    }

    private static JsonNode readJson(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
