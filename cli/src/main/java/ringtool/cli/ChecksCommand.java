package ringtool.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.ExitCode;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;
import ringtool.core.walk.StrictWalk;
import ringtool.output.JsonFields;

/** {@code ringtool checks}: the rule registry. */
@Command(name = ChecksCommand.NAME,
        description = ChecksCommand.SUMMARY)
final class ChecksCommand implements Callable<Integer> {

    static final String NAME = "checks";
    static final String SUMMARY = "List every rule: ID, default severity, group and meaning, and for payload rules the"
            + " Linux driver check of the same condition (or what an unhardened driver does).";

    enum ChecksFormat { text, json }

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ChecksFormat format;

    @Parameters(paramLabel = "RULE", arity = "0..1",
            description = "Explain one rule: its meaning, severity, what the reader does on it, and the shipped"
                    + " samples that show it.")
    String rule;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (rule != null) {
            explain(out, find(rule));
            out.flush();
            return ExitCode.OK;
        }
        if (format == ChecksFormat.json) {
            JsonGenerator g = new JsonFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeArrayFieldStart("rules");
            for (Rule r : Rules.all()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("severity", r.severity().id());
                g.writeStringField("group", r.group());
                g.writeStringField("meaning", r.meaning());
                if (r.linuxCheck() == null) {
                    g.writeNullField("linux_check");
                } else {
                    g.writeStringField("linux_check", r.linuxCheck());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.println();
        } else {
            int width = Rules.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
            out.printf("%-" + width + "s  %-8s %-10s %s%n", "RULE", "SEVERITY", "GROUP", "MEANING");
            String under = " ".repeat(width + 2 + 9 + 11);
            for (Rule r : Rules.all()) {
                out.printf("%-" + width + "s  %-8s %-10s %s%n", r.id(), r.severity().id(), r.group(), r.meaning());
                if (r.linuxCheck() != null) {
                    out.println(under + "Linux: " + r.linuxCheck());
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private Rule find(String id) {
        for (Rule r : Rules.all()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        List<String> near = Rules.all().stream().map(Rule::id)
                .filter(r -> r.startsWith(id) || r.contains(id) || id.startsWith(r.substring(0, r.lastIndexOf('.'))))
                .limit(5).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "no rule '" + id + "'"
                + (near.isEmpty() ? "; 'ringtool checks' lists them all" : "; did you mean " + String.join(", ", near)
                + "?"));
    }

    private static void explain(PrintWriter out, Rule r) {
        out.println(r.id());
        out.println("  meaning:   " + r.meaning());
        List<String> failing = new ArrayList<>();
        for (FailOn f : FailOn.values()) {
            if (f.threshold() != null && f.threshold().compareTo(r.severity()) <= 0) {
                failing.add(f.name());
            }
        }
        out.println("  severity:  " + r.severity().id() + " (group " + r.group() + "); exit 1 under --fail-on "
                + String.join(" or ", failing));
        out.println("  reader:    " + (StrictWalk.STOPPING_RULES.contains(r)
                ? "the walk stops at this packet: past a broken descriptor nobody knows where the next one starts"
                : r.id().startsWith("model.") ? "a reader model (--model) departs from the strict walk here"
                : "reported; the walk goes on"));
        if (r.linuxCheck() != null) {
            out.println("  linux:     " + r.linuxCheck());
        }
        List<String> shown = samplesShowing(r);
        if (shown == null) {
            return;
        }
        if (shown.isEmpty()) {
            out.println("  samples:   none of the shipped samples shows it with inspect's default options");
        }
        for (String sample : shown) {
            out.println("  sample:    ringtool inspect " + sample);
        }
    }

    /** The shipped samples (beside the jar's clone) whose default inspection raises the rule; null without them. */
    private static List<String> samplesShowing(Rule r) {
        Path samples;
        try {
            Path jar = Path.of(ChecksCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            samples = jar.getParent().getParent().getParent().resolve("samples");
        } catch (Exception e) {
            return null;
        }
        if (!Files.isDirectory(samples)) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        try (Stream<Path> files = Files.list(samples)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".bin")).sorted().toList()) {
                InputReport report = Inspector.defaults().inspect(p, p.toString());
                boolean raises = report.findings().stream().anyMatch(f -> f.rule().equals(r));
                for (RingReport ring : report.rings()) {
                    for (Finding f : ring.findings()) {
                        raises |= f.rule().equals(r);
                    }
                }
                if (raises) {
                    shown.add("samples/" + p.getFileName());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return shown;
    }
}
