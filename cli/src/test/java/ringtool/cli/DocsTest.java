package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;
import ringtool.core.rules.Rules;

/** The checked-in man pages and completion script are what the picocli model generates today. */
class DocsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String REGENERATE = " is stale: run samples/regenerate";
    private static Map<String, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = Docs.generate();
        if (Boolean.getBoolean("ringtool.update")) {
            try (Stream<Path> old = Files.list(ROOT.resolve("man"))) {
                for (Path p : old.filter(p -> p.toString().endsWith(".1")).toList()) {
                    Files.delete(p);
                }
            }
            Docs.write(ROOT);
        }
    }

    @Test
    void everyGeneratedFileIsCheckedInUnchanged() throws Exception {
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path p = ROOT.resolve(e.getKey());
            assertTrue(Files.exists(p), e.getKey() + " is missing: run samples/regenerate");
            assertEquals(e.getValue(), Files.readString(p, StandardCharsets.UTF_8), e.getKey() + REGENERATE);
        }
    }

    @Test
    void noCheckedInManPageIsLeftOverFromARemovedCommand() throws Exception {
        try (Stream<Path> pages = Files.list(ROOT.resolve("man"))) {
            TreeSet<String> onDisk = pages.map(p -> "man/" + p.getFileName()).filter(n -> n.endsWith(".1"))
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> expected = generated.keySet().stream().filter(n -> n.startsWith("man/"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, onDisk);
        }
    }

    @Test
    void thereIsAPagePerSubcommand() {
        for (String sub : RingtoolCommand.commandLine().getSubcommands().keySet()) {
            if (!sub.equals("help")) {
                assertTrue(generated.containsKey("man/ringtool-" + sub + ".1"), sub);
            }
        }
    }

    @Test
    void theTopPageListsEveryRuleAndTheExitStatus() {
        String page = generated.get("man/ringtool.1");
        for (var r : Rules.all()) {
            assertTrue(page.contains(r.id().replace("-", "\\-")) || page.contains(r.id()), r.id());
        }
        assertTrue(page.contains(".SH \"EXIT STATUS\""), "EXIT STATUS section");
        assertTrue(page.contains(".SH \"GETTING DUMPS\""), "GETTING DUMPS section");
    }

    @Test
    void completionIsRegisteredForTheLauncherAsTheReadmeRunsIt() {
        String bash = generated.get("completion/ringtool.bash");
        assertTrue(bash.endsWith("complete -F _complete_ringtool -o default ./ringtool\n"), "./ringtool");
    }

    /** Every value completion offers is one the option takes: parsing it is no usage error. */
    @Test
    void everyCompletionCandidateIsAcceptedByItsOption() {
        int offered = 0;
        for (CommandLine sub : RingtoolCommand.commandLine().getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.completionCandidates() == null || o.arity().max() == 0) {
                    continue;
                }
                for (String value : o.completionCandidates()) {
                    assertEquals(value.toLowerCase(java.util.Locale.ROOT), value, o.longestName());
                    try {
                        RingtoolCommand.commandLine().parseArgs(sub.getCommandName(), o.longestName(), value);
                    } catch (CommandLine.MissingParameterException e) {
                        // The command's own FILE or DIR, which this test does not give: the value itself was taken.
                    }
                    offered++;
                }
            }
        }
        assertTrue(offered > 20, "candidates checked: " + offered);
    }

    @Test
    void completionOffersTheSubcommands() {
        String bash = generated.get("completion/ringtool.bash");
        assertTrue(bash.contains("complete -F _complete_ringtool"), "registers a completion function");
        assertTrue(bash.contains("synth") && bash.contains("inspect") && bash.contains("checks"));
    }
}
