package ringtool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.model.Models;
import ringtool.core.model.ReaderModel;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.payload.Protocols;
import ringtool.core.report.ExitCode;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.inspect.Inspector;
import ringtool.core.inspect.RingChoice;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.InputFiles;
import ringtool.core.source.Layout;
import ringtool.output.ControlEscapes;
import ringtool.output.Format;
import ringtool.output.OutputOptions;
import ringtool.output.ReportWriter;
import ringtool.output.RunTotals;
import ringtool.output.SummaryWriter;
import ringtool.output.TextOptions;

/** {@code ringtool inspect}: frame, walk, validate and print. */
final class InspectCommand implements Callable<Integer> {

    static final String NAME = "inspect";
    static final String SUMMARY = "Frame each input as one or more rings, walk the packets from the read index to"
            + " the write index, validate every header field, descriptor, extended header and trailer, and print what"
            + " was found.";

    // Set by picocli, before call(), from the options spec() defines.
    List<Path> files;
    final PipelineOptions pipeline = new PipelineOptions();
    Format format;
    Path outputDir;
    Layout layout;
    Long headerSize;
    Long dataSize;
    List<ReadIndex> readIndexes;
    String ring;
    FailOn failOn;
    boolean verbose;
    boolean hex;
    List<String> models;
    long pktBufferSize;
    boolean history;
    String protocol;
    String classId;
    Long count;
    CommandSpec spec;

    /**
     * The command's model, built with picocli's programmatic API: reading it from annotations (a proxy class
     * generated for each annotation type, reflection over every field) took longer than inspecting a small dump
     * (bench/README.md). Each option is defined here once; help, man page and completion are generated from it.
     */
    static CommandSpec spec() {
        InspectCommand c = new InspectCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(c).name(NAME);
        c.spec = spec;
        ExitCodeHelp.exitCodesThenExamples(spec.usageMessage()
                .description(SUMMARY,
                        "Results go to stdout; diagnostics to stderr as 'ringtool inspect: <file>: <message>'."))
                .footer("  ringtool inspect samples/balloon-uio-pair.bin",
                        "  ringtool inspect -V -x -c 4 samples/wrapped-packet.bin",
                        "  ringtool inspect --ring inbound --read-index 0x50 --format json"
                                + " samples/balloon-uio-pair.bin > ring.json",
                        "  ringtool inspect --model all --pkt-buffer-size balloon-5.14"
                                + " samples/bad-len8-exceeds-available.bin",
                        "  ringtool inspect --history samples/balloon-uio-pair.bin",
                        "  ringtool inspect --format sarif --fail-on never samples/*.bin > ringtool.sarif",
                        "  ringtool inspect --format html samples/balloon-uio-pair.bin > report.html",
                        "  cat samples/full.bin | ringtool inspect -",
                        "  ringtool inspect --read-index 0 --format jsonl samples/trailer-zero-qemu.bin"
                                + " | jq -c 'select(.record==\"finding\")'");
        spec.addPositional(Bound.positional(PositionalParamSpec.builder().paramLabel("FILE").arity("0..*")
                .type(List.class).auxiliaryTypes(Path.class).converters(new SharedOptions.PathConverter())
                .description("Ring dumps to inspect. '-' (or /dev/stdin) reads one from stdin; a pipe or FIFO is read"
                        + " to its end, at most " + InputFiles.MAX_STREAM_MIB + " MiB (rings are at most a few MiB)."),
                null, (List<Path> v) -> c.files = v).build());
        c.pipeline.addTo(spec);
        spec.addOption(Bound.option(OptionSpec.builder("--format").paramLabel("<format>").type(Format.class)
                .defaultValue("text").converters(new SharedOptions.FormatConverter())
                .completionCandidates(new Candidates.Formats())
                .description("Output format: text, json, jsonl, sarif, svg (a picture of each input's rings), html"
                        + " (one self-contained report: pictures, packet tables, findings)"
                        + " (default: ${DEFAULT-VALUE})."),
                null, (Format v) -> c.format = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("-o", "--output-dir").paramLabel("DIR").type(Path.class)
                .converters(new SharedOptions.PathConverter())
                .description("With --format svg: write one picture per ring into DIR (<input>.<ring>.svg) and print"
                        + " their paths, instead of one document per input on standard output."),
                null, (Path v) -> c.outputDir = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--layout").paramLabel("<layout>").type(Layout.class)
                .defaultValue("auto").converters(new SharedOptions.LayoutConverter())
                .completionCandidates(new Candidates.Layouts())
                .description("How the file holds its ring(s): auto, single, uio-pair, double-mapped"
                        + " (default: ${DEFAULT-VALUE}; auto prints what it chose)."),
                null, (Layout v) -> c.layout = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--header-size").paramLabel("BYTES").type(Long.class)
                .converters(new Numbers.HeaderSize())
                .description("Bytes of header before each data area: the guest page size (default 4096; 65536 for"
                        + " 64 KiB-page guests, which auto detects when not given)."),
                null, (Long v) -> c.headerSize = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--data-size").paramLabel("BYTES").type(Long.class)
                .converters(new Numbers.DataSize())
                .description("Force the data-area size of each ring instead of deriving it from the file size: a"
                        + " multiple of 4096 up to 0xfffff000; bytes of the file after the ring(s) are left unread,"
                        + " with a note on stderr."),
                null, (Long v) -> c.dataSize = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--read-index").paramLabel("[RING=]OFFSET")
                .type(List.class).auxiliaryTypes(ReadIndex.class).converters(new ReadIndexConverter())
                .description("Start the walk here instead of at the header's read_index (the guest's"
                        + " priv_read_index from a crash dump). A plain OFFSET applies to every ring, both rings of a"
                        + " pair included; RING=OFFSET (outbound=0x7f8, inbound=0x50; repeatable) to one ring of a"
                        + " pair."),
                List.<ReadIndex>of(), (List<ReadIndex> v) -> c.readIndexes = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--ring").paramLabel("RING").type(String.class)
                .completionCandidates(new Candidates.Rings()).converters(new RingConverter())
                .description("Report only this ring of a pair: outbound or inbound (as --read-index RING=... names"
                        + " it)."),
                null, (String v) -> c.ring = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--fail-on").paramLabel("SEVERITY").type(FailOn.class)
                .defaultValue("error")
                .description("Exit 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                        + " (default: ${DEFAULT-VALUE})."),
                null, (FailOn v) -> c.failOn = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("-V", "--verbose").type(boolean.class)
                .description("Show a field tree under each packet."),
                false, (Boolean v) -> c.verbose = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("-x", "--hex").type(boolean.class)
                .description("Show an offset / hex / ASCII dump of each packet and its trailer."),
                false, (Boolean v) -> c.hex = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--model").paramLabel("NAME")
                .type(List.class).auxiliaryTypes(String.class).completionCandidates(new Candidates.ModelNames())
                .description("Also replay a real reader over each ring and report what it would hand its driver,"
                        + " where it departs from the strict walk and how it ends: linux-5.14, linux-4.11, linux-4.4,"
                        + " openvmm or all (repeatable)."),
                List.<String>of(), (List<String> v) -> c.models = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--pkt-buffer-size").paramLabel("N|DRIVER").type(long.class)
                .defaultValue("4096").converters(new PktBufferSize())
                .completionCandidates(new Candidates.PktBufferPresets())
                .description("The copy buffer of linux-5.14 and the caller buffer of linux-4.4: bytes (decimal or 0x"
                        + " hex), or a driver's max_pkt_size by name: default and util 4096, kvp 16384, balloon, vss"
                        + " and fcopy 8192, balloon-5.14 4096 (before the 2022 fix) (default: ${DEFAULT-VALUE})."),
                0L, (Long v) -> c.pktBufferSize = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--history").type(boolean.class)
                .description("Also walk back from the read index through the trailers of consumed packets and list"
                        + " them (oldest first, marked consumed), with the reason the walk stopped."),
                false, (Boolean v) -> c.history = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--protocol").paramLabel("NAME").type(String.class)
                .defaultValue(PayloadOptions.AUTO).converters(new ProtocolConverter())
                .completionCandidates(new Candidates.ProtocolNames())
                .description("Decode the packets' payloads as this protocol: auto, none, or a protocol (balloon,"
                        + " ...). auto takes --class-id, else the class of the device the input sits under in sysfs,"
                        + " else the protocol whose messages fit every packet, else none (default: ${DEFAULT-VALUE})."),
                null, (String v) -> c.protocol = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("--class-id").paramLabel("GUID").type(String.class)
                .converters(new ClassIdConverter())
                .description("The device class of the channel the dump was taken from (as its sysfs class_id), for"
                        + " --protocol auto on a plain file."),
                null, (String v) -> c.classId = v).build());
        spec.addOption(Bound.option(OptionSpec.builder("-c", "--count").paramLabel("N").type(Long.class)
                .converters(new Numbers.Count())
                .description("Show at most N packets per ring in text output (findings and counts still cover"
                        + " all)."),
                null, (Long v) -> c.count = v).build());
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        FramingOptions framing = SharedOptions.framing(layout, headerSize, dataSize);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        prepareOutputDir();
        List<InputList.Input> inputs = gatherInputs();
        OutputOptions output = new OutputOptions(new TextOptions(verbose, hex, count == null ? Long.MAX_VALUE : count),
                format == Format.JSONL && (pipeline.lineBuffered || Terminal.stdout()), commandLine(), outputDir);
        List<ReaderModel> readers;
        try {
            readers = Models.expand(models, pktBufferSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model: " + e.getMessage());
        }
        Inspector inspector = new Inspector(framing, readIndexForAll(), readers, history,
                new PayloadOptions(protocol, classId), ringChoice());
        ReportWriter writer = writer(out, output);
        RunTotals totals = new RunTotals();
        int[] worst = {ExitCode.OK};
        OrderedRunner.Done<InputReport> done = report -> {
            if (report.error() != null) {
                boolean directory = !pipeline.recursive && InputFiles.IS_A_DIRECTORY.equals(report.error());
                err.println("ringtool inspect: " + ControlEscapes.escape(report.source()) + ": "
                        + ControlEscapes.escape(report.error())
                        + (directory ? " (-r inspects the files below it)" : ""));
                err.flush();
            } else if (dataSize != null) {
                unread(err, report);
            }
            totals.add(report);
            worst[0] = Math.max(worst[0], report.exitCode(failOn.threshold()));
        };
        writer.begin();
        // SARIF keeps unreadable inputs for the run's invocation record, which per-input writers would lose.
        // SVG files per ring are named in one sequence, so that equal input names get numbered, not overwritten.
        if (pipeline.jobs == 1 || format == Format.SARIF || format == Format.SVG) {
            for (InputList.Input file : inputs) {
                InputReport report = inspect(inspector, file);
                writer.input(report, () -> report.exitCode(failOn.threshold()));
                done.accept(report);
            }
        } else {
            // Each job renders its input with a writer of its own; the runner pastes the pieces in input order.
            List<OrderedRunner.Task<InputReport>> tasks = new ArrayList<>(inputs.size());
            for (InputList.Input file : inputs) {
                tasks.add(pipe -> {
                    PrintWriter sink = pipe.printer();
                    ReportWriter w = writer(sink, output);
                    pipe.discard(true);
                    w.begin();
                    sink.flush();
                    pipe.discard(false);
                    InputReport report = inspect(inspector, file);
                    w.input(report, () -> report.exitCode(failOn.threshold()));
                    sink.flush();
                    return report;
                });
            }
            OrderedRunner.run(tasks, Math.toIntExact(pipeline.jobs), out, format == Format.JSON ? "," : "", done);
        }
        writer.end(totals, worst[0]);
        out.flush();
        return worst[0];
    }

    private InputReport inspect(Inspector inspector, InputList.Input input) {
        if (input.path() == null) {
            return InputReport.failed(input.source(), layout.id(), "not a path: it holds a NUL byte");
        }
        return inspector.inspect(input.path(), input.source());
    }

    /** A forced {@code --data-size} that frames less than the file: say what was left unread. */
    private static void unread(PrintWriter err, InputReport report) {
        long size;
        try {
            size = Files.size(Path.of(report.source()));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return;
        }
        long end = 0;
        for (RingReport r : report.rings()) {
            long copies = Layout.DOUBLE_MAPPED.id().equals(report.layout()) ? 2 : 1;
            end = Math.max(end, r.fileOffset() + r.headerSize() + copies * r.dataSize());
        }
        if (end < size) {
            err.println("ringtool inspect: " + ControlEscapes.escape(report.source()) + ": note: " + (size - end)
                    + " of the file's " + size + " bytes, from " + Finding.hex(end) + " on, are past the ring"
                    + (report.rings().size() == 1 ? "" : "s") + " of --data-size and were not read");
            err.flush();
        }
    }

    /** The command line as a shell would take it back, for the HTML report's header. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("ringtool");
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            b.append(' ');
            boolean plain = !a.isEmpty();
            for (int i = 0; i < a.length() && plain; i++) {
                char c = a.charAt(i);
                plain = Character.isLetterOrDigit(c) || "-_./=:,@%+".indexOf(c) >= 0;
            }
            b.append(plain ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** {@code --read-index RING=OFFSET} or a plain {@code OFFSET} (ring null). */
    record ReadIndex(String ring, long offset) {
    }

    static final class ReadIndexConverter implements CommandLine.ITypeConverter<ReadIndex> {
        @Override
        public ReadIndex convert(String value) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                return new ReadIndex(null, new Numbers.Index().convert(value));
            }
            String ring = value.substring(0, eq);
            ringName(ring);
            return new ReadIndex(ring, new Numbers.Index().convert(value.substring(eq + 1)));
        }
    }

    static final class RingConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return ringName(value);
        }
    }

    /** A ring of a pair by the name the output gives it. */
    static String ringName(String name) {
        for (String known : new Candidates.Rings()) {
            if (known.equals(name)) {
                return name;
            }
        }
        throw new CommandLine.TypeConversionException("'" + name + "' is no ring of a pair: expected outbound or"
                + " inbound");
    }

    private Long readIndexForAll() {
        Long all = null;
        for (ReadIndex r : readIndexes) {
            if (r.ring() == null) {
                if (all != null || readIndexes.size() > 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--read-index: a plain OFFSET"
                            + " applies to every ring and comes alone; name the rings (outbound=N, inbound=N) to give"
                            + " each its own");
                }
                all = r.offset();
            }
        }
        return all;
    }

    private java.nio.file.PathMatcher include() {
        if (pipeline.include == null) {
            return null;
        }
        if (!pipeline.recursive) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--include picks files below directories: it"
                    + " needs -r");
        }
        try {
            return java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pipeline.include);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--include: not a glob: " + e.getMessage());
        }
    }

    private RingChoice ringChoice() {
        Map<String, Long> byRing = new LinkedHashMap<>();
        for (ReadIndex r : readIndexes) {
            if (r.ring() != null && byRing.put(r.ring(), r.offset()) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--read-index: " + r.ring()
                        + " is given twice");
            }
        }
        return ring == null && byRing.isEmpty() ? RingChoice.ALL : new RingChoice(ring, byRing);
    }

    /**
     * The writer for this run's options; {@code --jobs} makes one per input, so it must be cheap: the options are
     * worked out once per run (the terminal test is a system call).
     */
    private ReportWriter writer(PrintWriter out, OutputOptions options) {
        if (pipeline.summary) {
            return new SummaryWriter(format, out);
        }
        return format.writer(out, options);
    }

    /** {@code -o DIR} goes with {@code --format svg} only, and the directory is made before any input is read. */
    private void prepareOutputDir() {
        if (outputDir != null) {
            if (format != Format.SVG) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-o/--output-dir goes with --format svg"
                        + " (the other formats write one stream to standard output)");
            }
            try {
                java.nio.file.Files.createDirectories(outputDir);
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-o " + outputDir
                        + ": cannot create the directory: " + e.getMessage());
            }
        }
    }

    private List<InputList.Input> gatherInputs() {
        if (pipeline.summary && !SummaryWriter.supports(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--summary has no " + format.id() + " form");
        }
        if (InputFiles.STDIN_NAME.equals(pipeline.filesFrom) && files != null
                && files.stream().anyMatch(f -> f.toString().equals(InputFiles.STDIN_NAME))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "stdin cannot hold both the --files-from list and a dump ('-')");
        }
        List<InputList.Input> inputs;
        try {
            inputs = InputList.gather(files, pipeline.filesFrom, pipeline.nul, pipeline.recursive, System.in,
                    include());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--files-from " + pipeline.filesFrom
                    + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no input: give FILE... or --files-from");
        }
        return inputs;
    }

    /** A byte count, or a driver's {@code max_pkt_size} by name ({@link Models#PKT_BUFFER_PRESETS}). */
    static final class PktBufferSize implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Long preset = Models.PKT_BUFFER_PRESETS.get(value);
            if (preset != null) {
                return preset;
            }
            if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
                throw new CommandLine.TypeConversionException("expected a byte count or one of "
                        + String.join(", ", Models.PKT_BUFFER_PRESETS.keySet()) + ", got '" + value + "'");
            }
            long n = Numbers.parse(value);
            if (n < PacketDescriptor.SIZE || n > 0xFFFF_FFFFL) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a buffer size: expected 16 to 4294967295 bytes");
            }
            return n;
        }
    }

    static final class ProtocolConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.equals(PayloadOptions.AUTO) || value.equals(PayloadOptions.NONE)) {
                return value;
            }
            List<String> names = new ArrayList<>(List.of(PayloadOptions.AUTO, PayloadOptions.NONE));
            names.addAll(Protocols.names());
            if (!names.contains(value)) {
                throw new CommandLine.TypeConversionException("expected " + String.join(", ", names) + ", got '"
                        + value + "'");
            }
            return value;
        }
    }

    /** A GUID as sysfs prints class_id ({@code {525074dc-...}}) or bare, any case. */
    static final class ClassIdConverter implements CommandLine.ITypeConverter<String> {
        // Compiled when a --class-id is given, not with the command's model on every run.
        private static final String GUID =
                "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?";

        @Override
        public String convert(String value) {
            if (!Pattern.matches(GUID, value)) {
                throw new CommandLine.TypeConversionException(
                        "expected a GUID such as 525074dc-8985-46e2-8057-a307dc18a502, got '" + value + "'");
            }
            return value;
        }
    }
}
