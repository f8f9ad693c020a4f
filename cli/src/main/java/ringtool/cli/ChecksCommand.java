package ringtool.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ringtool.core.report.ExitCode;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;
import ringtool.output.JsonFields;

/** {@code ringtool checks}: the rule registry. */
@Command(name = "checks",
        description = "List every rule: ID, default severity, group and meaning, and for payload rules the Linux"
                + " driver check of the same condition (or what an unhardened driver does).")
final class ChecksCommand implements Callable<Integer> {

    @CommandLine.Mixin
    HelpOptions helpOptions;

    enum ChecksFormat { text, json }

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ChecksFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
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
}
