package ringtool.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ringtool.core.carve.Carver;
import ringtool.core.image.Images;
import ringtool.core.image.PhysicalMemory;
import ringtool.core.report.CarveInfo;
import ringtool.core.report.ExitCode;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Severity;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;
import ringtool.core.source.InputFiles;
import ringtool.output.ControlEscapes;
import ringtool.output.Format;
import ringtool.output.JacksonOut;
import ringtool.output.JsonFields;
import ringtool.output.ReportWriter;
import ringtool.output.RunTotals;
import ringtool.output.TextOptions;

/** {@code ringtool carve}: find rings in whole memory images, inspect each, optionally write each out. */
@Command(name = CarveCommand.NAME, description = {
            CarveCommand.SUMMARY,
            "Pages the image lacks are reported (dump.page.missing), never read as zeros. In the output, a carved"
                    + " ring's file_offset values are physical addresses."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {ExitCodeHelp.DONE, ExitCodeHelp.FINDINGS, ExitCodeHelp.USAGE,
            "3:an image could not be processed (missing, unreadable, unrecognised container, --out not writable)",
            ExitCodeHelp.INTERNAL},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ringtool carve vmcore",
            "  ringtool carve --format json vmcore | jq '.inputs[].rings[] | {physical_address, name, confidence}'",
            "  ringtool carve --out rings/ vmcore && ringtool inspect rings/*.bin",
            "  ringtool carve --raw samples/balloon-uio-pair.bin"})
final class CarveCommand implements Callable<Integer> {

    static final String NAME = "carve";
    static final String SUMMARY = "Find VMBus rings in a whole memory image without symbols: an ELF core"
            + " (/proc/vmcore, makedumpfile -E, qemu dump-guest-memory), a kdump-compressed dump (makedumpfile's"
            + " default; also its flattened form) or raw physical memory (--raw). Each ring found is inspected as"
            + " 'ringtool inspect' would, with its physical address, pair, confidence and evidence.";

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Memory images to carve.")
    List<Path> images;

    @Option(names = "--raw", description = "Read each image as raw physical memory (address 0 at offset 0),"
            + " whatever its first bytes say.")
    boolean raw;

    @Option(names = "--out", paramLabel = "DIR", description = "Write each ring found (a pair as one uio-pair"
            + " file) as a dump 'ringtool inspect' reads, and .IMAGE.index.json describing them (hidden, so that"
            + " 'ringtool inspect DIR/*' reads only dumps); each file written is named on stderr.")
    Path out;

    @Option(names = "--format", defaultValue = "text", converter = SharedOptions.FormatConverter.class,
            completionCandidates = Candidates.Formats.class,
            description = "Output format: text (a table of rings), json, jsonl, sarif, svg (a picture of the rings"
                    + " found), html (a report: pictures and tables) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--min-confidence", defaultValue = "0.5", paramLabel = "0..1",
            description = "Report ring headers at or above this confidence as rings; the others become"
                    + " carve.candidate.rejected findings with their reason (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        refuseOverwritingInputs();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportWriter writer = format == Format.TEXT ? null
                : format.writer(stdout, new TextOptions(false, false, Long.MAX_VALUE));
        RunTotals totals = new RunTotals();
        int worst = ExitCode.OK;
        if (writer != null) {
            writer.begin();
        }
        for (Path image : images) {
            String source = image.toString();
            InputReport report = carve(image, source, err);
            if (report.error() != null) {
                err.println("ringtool carve: " + ControlEscapes.escape(source) + ": "
                        + ControlEscapes.escape(report.error()));
                err.flush();
            }
            int code = report.exitCode(failOn.threshold());
            if (out != null && report.error() == null) {
                try {
                    for (Path written : writeOut(report, image)) {
                        err.println("ringtool carve: wrote " + ControlEscapes.escape(written.toString()));
                    }
                    err.flush();
                } catch (IOException e) {
                    err.println("ringtool carve: " + out + ": cannot write: " + e.getMessage());
                    err.flush();
                    code = Math.max(code, ExitCode.INPUT);
                }
            }
            if (writer != null) {
                writer.input(report, code);
            } else {
                table(ControlEscapes.wrap(stdout), report);
            }
            totals.add(report);
            worst = Math.max(worst, code);
        }
        if (writer != null) {
            writer.end(totals, worst);
        }
        stdout.flush();
        return worst;
    }

    /**
     * An output file that is also an input would be overwritten, maybe before it is read: the names {@code --out}
     * writes ({@code .<stem>.index.json}, {@code <stem>-*.bin}) may not name an input in that folder.
     */
    private void refuseOverwritingInputs() {
        if (out == null || !Files.isDirectory(out)) {
            return;
        }
        for (Path image : images) {
            Path parent = image.toAbsolutePath().getParent();
            try {
                if (parent == null || !Files.isSameFile(parent, out)) {
                    continue;
                }
            } catch (IOException e) {
                continue;
            }
            String name = image.getFileName().toString();
            for (Path other : images) {
                String stem = other.getFileName().toString();
                if (name.equals(indexName(stem)) || name.startsWith(stem + "-") && name.endsWith(".bin")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " would overwrite"
                            + " the input " + image + " (the output of " + other + "): choose another folder");
                }
            }
        }
    }

    private InputReport carve(Path image, String source, PrintWriter err) {
        try {
            if (Files.exists(image) && !Files.isDirectory(image) && !Files.isRegularFile(image)) {
                // A FIFO would block the open, /dev/zero never end: a memory image is a file with a size.
                throw new InputException("not a regular file (a FIFO, a device or a socket): carve reads memory"
                        + " images from files");
            }
            ByteSource bytes = InputFiles.open(image);
            PhysicalMemory mem = Images.open(bytes, raw);
            Carver.Progress progress = System.console() == null ? null : new TerminalProgress(err, source);
            InputReport report = new Carver(new Carver.Options(minConfidence, progress)).carve(source, mem);
            if (progress != null) {
                err.print("\r\033[K");
                err.flush();
            }
            return report;
        } catch (InputException e) {
            return InputReport.failed(source, "carved", e.getMessage());
        }
    }

    private static void table(PrintWriter o, InputReport report) {
        if (report.error() != null) {
            o.printf("%s: not carved: %s%n", report.source(), report.error());
            return;
        }
        o.printf("%s: %s%n", report.source(), report.decision());
        if (report.rings().isEmpty()) {
            o.println("  no rings found");
        } else {
            o.printf("  %-14s %-9s %4s %9s %5s %10s %10s %7s %6s%n", "physical", "ring", "pair", "data", "conf",
                    "write", "read", "packets", "errors");
            for (RingReport r : report.rings()) {
                CarveInfo c = r.carve();
                long errors = r.summary().count(Severity.ERROR);
                o.printf(Locale.ROOT, "  %-14s %-9s %4d %9d %5.2f %10d %10d %7d %6d%n",
                        "0x" + Long.toHexString(c.physicalAddress()), r.name(), c.pair(), r.dataSize(),
                        c.confidence(), r.header().writeIndex(), r.header().readIndex(), r.summary().packets(),
                        errors);
                o.printf("  %14s %s%n", "", c.evidence());
                for (Finding f : r.findings()) {
                    if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) {
                        o.printf("  %14s %s %s: %s%n", "", f.severity().id(), f.rule().id(), f.message());
                    }
                }
            }
        }
        for (Finding f : report.findings()) {
            o.printf("  %s %s: %s%n", f.severity().id(), f.rule().id(), f.message());
        }
    }

    /**
     * One dump per ring, a pair as one uio-pair file (outbound, then inbound, equal halves) so that
     * {@code ringtool inspect} frames it as the sysfs {@code ring} file; rings with missing pages are listed in the
     * index but not written.
     */
    private List<Path> writeOut(InputReport report, Path image) throws IOException {
        Files.createDirectories(out);
        String stem = image.getFileName().toString();
        List<RingReport> rings = report.rings();
        List<Path> written = new ArrayList<>();
        Path indexFile = out.resolve(indexName(stem));
        try (Writer w = Files.newBufferedWriter(indexFile)) {
            JsonGenerator g = new JsonFactory().createGenerator(w);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", JsonFields.SCHEMA);
            g.writeStringField("source", report.source());
            g.writeStringField("container", report.container());
            g.writeArrayFieldStart("files");
            for (int i = 0; i < rings.size(); i++) {
                RingReport r = rings.get(i);
                RingReport next = i + 1 < rings.size() ? rings.get(i + 1) : null;
                boolean pair = next != null && next.carve().pair() == r.carve().pair()
                        && next.dataSize() == r.dataSize() && complete(r) && complete(next);
                List<RingReport> members = pair ? List.of(r, next) : List.of(r);
                String file = String.format("%s-%s-0x%x.bin", stem, pair ? "pair" : r.name(),
                        r.carve().physicalAddress());
                boolean whole = members.stream().allMatch(CarveCommand::complete);
                if (whole) {
                    write(out.resolve(file), members);
                    written.add(out.resolve(file));
                }
                g.writeStartObject();
                g.writeStringField("file", whole ? file : null);
                g.writeStringField("layout", pair ? "uio-pair" : "single");
                if (!whole) {
                    g.writeStringField("not_written", "pages of the ring are missing from the image");
                }
                g.writeArrayFieldStart("rings");
                long offset = 0;
                for (RingReport m : members) {
                    g.writeStartObject();
                    g.writeStringField("name", m.name());
                    g.writeNumberField("file_offset", offset);
                    JsonFields.u64(JacksonOut.of(g), "physical_address", m.carve().physicalAddress());
                    g.writeNumberField("pair", m.carve().pair());
                    g.writeNumberField("header_size", m.headerSize());
                    g.writeNumberField("data_size", m.dataSize());
                    g.writeNumberField("confidence", m.carve().confidence());
                    g.writeStringField("evidence", m.carve().evidence());
                    g.writeEndObject();
                    offset += m.headerSize() + m.dataSize();
                }
                g.writeEndArray();
                g.writeEndObject();
                if (pair) {
                    i++;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
        written.add(indexFile);
        return written;
    }

    /** Hidden, so that {@code ringtool inspect DIR/*} over the written dumps does not take it for one. */
    static String indexName(String stem) {
        return "." + stem + ".index.json";
    }

    private static boolean complete(RingReport r) {
        return r.snapshot().data() != null;
    }

    /** The rings' bytes, read from the image a chunk at a time: a pair of 16 MiB rings is never on the heap. */
    private static void write(Path file, List<RingReport> rings) throws IOException {
        byte[] chunk = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (RingReport r : rings) {
                ByteSource ring = r.snapshot().data().base();
                long at = r.carve().physicalAddress();
                long end = at + r.headerSize() + r.dataSize();
                while (at < end) {
                    int n = (int) Math.min(chunk.length, end - at);
                    ring.copy(at, chunk, 0, n);
                    o.write(chunk, 0, n);
                    at += n;
                }
            }
        }
    }

    /** Bytes scanned, headers found and the rate, redrawn in place on a terminal. */
    private static final class TerminalProgress implements Carver.Progress {
        private final PrintWriter err;
        private final String source;
        private final long started = System.nanoTime();

        TerminalProgress(PrintWriter err, String source) {
            this.err = err;
            this.source = source;
        }

        @Override
        public void update(long bytesScanned, long framesDone, long framesTotal, int candidates) {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            err.printf(Locale.ROOT, "\r\033[K%s: %d MiB scanned (%d%%), %d ring header%s, %.0f MB/s", source,
                    bytesScanned >> 20, framesTotal == 0 ? 100 : framesDone * 100 / framesTotal, candidates,
                    candidates == 1 ? "" : "s", bytesScanned / 1e6 / seconds);
            err.flush();
        }
    }
}
