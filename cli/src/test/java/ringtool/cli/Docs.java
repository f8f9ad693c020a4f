package ringtool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Rules;

/**
 * Man pages and shell completion, generated from the picocli model: picocli-codegen's ManPageGenerator writes
 * AsciiDoc, to which the sections the model cannot hold are added (rules from the registry, how to get dumps,
 * triage pipelines), and asciidoctorj's manpage backend turns it into troff. Every subcommand registered in
 * {@link RingtoolCommand} gets a page, so a new subcommand needs nothing here. {@code DocsTest} compares the
 * result with {@code man/} and {@code completion/}; {@code samples/regenerate} rewrites them.
 */
final class Docs {

    private Docs() {
    }

    /** File name (under man/ or completion/) to content, in a stable order. */
    static Map<String, String> generate() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        CommandLine root = RingtoolCommand.commandLine();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            page(asciidoctor, root, files);
        }
        // Registered for ./ringtool too, as the README runs it from a clone (zsh's bashcompinit does not fall back
        // from a path to the command's name as bash does).
        files.put("completion/ringtool.bash", AutoComplete.bash("ringtool", root)
                + "complete -F _complete_ringtool -o default ./ringtool\n");
        return files;
    }

    private static void page(Asciidoctor asciidoctor, CommandLine cl, Map<String, String> files) {
        StringWriter adoc = new StringWriter();
        try (PrintWriter pw = new PrintWriter(adoc)) {
            ManPageGenerator.writeSingleManPage(pw, cl.getCommandSpec());
        }
        String name = cl.getCommandSpec().qualifiedName("-");
        String source = headings(adoc.toString().replace("\r\n", "\n")) + extraSections(cl);
        Attributes attributes = Attributes.builder()
                .attribute("mansource", "ringtool " + version())
                .attribute("manmanual", "Ringtool Manual")
                .attribute("reproducible", "")
                .attribute("revdate", "")
                .attribute("docdate", "")
                .build();
        String troff = asciidoctor.convert(source, Options.builder().backend("manpage").standalone(true)
                .safe(SafeMode.SAFE).attributes(attributes).build());
        files.put("man/" + name + ".1", troff.endsWith("\n") ? troff : troff + "\n");
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && !sub.getCommandName().equals("help")
                    && sub.getParent() == cl && !files.containsKey("man/" + sub.getCommandSpec().qualifiedName("-")
                    + ".1")) {
                page(asciidoctor, sub, files);
            }
        }
    }

    /** picocli's help headings ("Exit codes:") as man-page section names ("EXIT STATUS"). */
    private static String headings(String adoc) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(==+ )(.*):$").matcher(adoc);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String title = m.group(2).strip().toUpperCase(java.util.Locale.ROOT);
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(
                    m.group(1) + (title.startsWith("EXIT CODES") ? "EXIT STATUS" : title)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String version() {
        try {
            return new RingtoolCommand.Version().getVersion()[0].replaceFirst("^ringtool ", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String extraSections(CommandLine cl) {
        String name = cl.getCommandName();
        StringBuilder b = new StringBuilder("\n");
        boolean triage = cl.getParent() == null || name.equals("inspect");
        if (triage) {
            // Right after picocli's own EXAMPLES (the command's footer), so the section continues.
            b.append(cl.getCommandSpec().usageMessage().footer().length > 0 ? EXAMPLES : "\n== EXAMPLES\n" + EXAMPLES);
        }
        if (cl.getParent() == null || name.equals("checks") || name.equals("inspect")) {
            b.append(rules());
        }
        if (triage) {
            b.append(GETTING_DUMPS);
        }
        b.append("\n== SEE ALSO\n\n");
        StringBuilder see = new StringBuilder();
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        if (cl != root) {
            see.append("*ringtool*(1)");
        }
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub != cl && !sub.getCommandName().equals("help") && sub.getParent() == root) {
                see.append(see.length() == 0 ? "" : ", ").append("*ringtool-").append(sub.getCommandName())
                        .append("*(1)");
            }
        }
        b.append(see).append("\n\nThe JSON shape, exit codes and rule IDs are fixed by docs/contract.md in the ringtool"
                + " source tree; samples/README.md shows what every sample dump gives.\n");
        return b.toString();
    }

    private static String rules() {
        StringBuilder b = new StringBuilder("\n== RULES\n\nEvery finding names one rule. IDs are stable; the severity"
                + " shown is the default that *--fail-on* compares against. *ringtool checks* prints the same"
                + " list.\n\n");
        for (Rule r : Rules.all()) {
            b.append("*").append(r.id()).append("* (").append(r.severity().id()).append(", ").append(r.group())
                    .append(")::\n").append(escape(r.meaning())).append("\n");
        }
        return b.toString();
    }

    /** Rule meanings are plain text: keep AsciiDoc from reading their punctuation as markup. */
    private static String escape(String text) {
        return "pass:[" + text.replace("]", "\\]") + "]";
    }

    /** Every example runs as written, from a clone's top directory, in {@code DocExamplesTest}. */
    static final String EXAMPLES = """

            Triage the sample dumps: findings counted by severity and rule, the worst first (errors, then
            warnings, then notes; the most frequent first within each):

            ----
            ringtool inspect --format jsonl --fail-on never samples/*.bin \\
              | jq -rs 'map(select(.record=="finding")) | group_by(.severity, .rule)
                  | sort_by([{"error": 0, "warning": 1, "note": 2}[.[0].severity], -length])
                  | .[] | "\\(length)\\t\\(.[0].severity)\\t\\(.[0].rule)"'
            ----

            Count findings by rule, those of whole inputs (dump.double_map.mismatch, dump.torn_read) included:

            ----
            ringtool inspect --format json --fail-on never samples/*.bin \\
              | jq -r '.inputs[] | (.findings[], .rings[].findings[]) | .rule' | sort | uniq -c | sort -rn
            ----

            List the dumps that fail (exit status 1 means findings at or above --fail-on):

            ----
            for f in samples/*.bin; do ringtool inspect --fail-on warning "$f" >/dev/null 2>&1 || echo "$f"; done
            ----

            Upload to a code-scanning dashboard:

            ----
            ringtool inspect --format sarif --fail-on never samples/*.bin > ringtool.sarif
            ----

            Rebuild a dump from its description, then plant damage in it:

            ----
            ringtool synth --from-dump samples/wrapped-packet.bin > ring.json
            jq '.rings[0].packets[0].damage = {"len8": 0}' ring.json | ringtool synth - -o bad.bin
            ringtool inspect bad.bin
            ----
            """;

    private static final String GETTING_DUMPS = """

            == GETTING DUMPS

            From a live Linux guest, for a device bound to uio_hv_generic, as root: its sysfs *ring* file maps
            the outbound ring, then the inbound ring (*--layout uio-pair*). The file has no read(2) (cat gives an
            I/O error), so map it and copy it out:

            ----
            python3 -c 'import mmap,sys; f=open(sys.argv[1],"r+b"); sys.stdout.buffer.write(mmap.mmap(f.fileno(),0)[:])' \\
              /sys/bus/vmbus/devices/<instance-GUID>/ring > ring.bin
            ringtool inspect ring.bin
            ----

            On kernels before 2025 the file's size is a constant, not the ring's: take the size of the
            rings from /sys/class/uio/uioN/maps/map0/size and cut the copy to it.

            From a vmcore with crash(8): find the channel, then dump header and data from the ring's virtual
            address. *ring_size* bytes give header and data once (*--layout single*); *ring_size + ring_datasize*
            bytes give the guest's double mapping (*--layout double-mapped*):

            ----
            crash> list -H vmbus_connection.chn_list -l vmbus_channel.listentry -s vmbus_channel.offermsg.child_relid
            crash> struct vmbus_channel.inbound <channel-address>
            crash> rd -r inbound.bin <inbound.ring_buffer> <inbound.ring_size>
            ----

            With drgn, the same, plus the guest's private read position, which can be ahead of the published
            read index while the guest iterates:

            ----
            ch = ...  # a struct vmbus_channel *, e.g. from list_for_each_entry over vmbus_connection.chn_list
            rb = ch.inbound
            open("inbound.bin", "wb").write(prog.read(rb.ring_buffer.value_(), rb.ring_size.value_()))
            print(rb.priv_read_index.value_())
            ----

            then *ringtool inspect --layout single --read-index <priv_read_index> inbound.bin*.
            On 64 KiB-page (arm64) guests add *--header-size 65536*.
            """;

    /** Writes the generated files under {@code root}. */
    static void write(Path root) throws IOException {
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
