package ringtool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ringtool.core.report.ExitCode;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.Summary;
import ringtool.core.source.InputException;
import ringtool.core.source.Layout;
import ringtool.core.sysfs.DeviceInfo;
import ringtool.core.sysfs.DirectoryTree;
import ringtool.core.sysfs.RingCrossCheck;
import ringtool.core.sysfs.SysfsReader;
import ringtool.output.Format;
import ringtool.output.SysfsWriter;

/** {@code ringtool sysfs}: read VMBus sysfs trees, check their ring values, optionally against a ring dump. */
@Command(name = SysfsCommand.NAME, description = {
            SysfsCommand.SUMMARY,
            "Values printed by the kernel with %%d are read back as the u32 they are. Missing files are normal;"
                    + " unreadable ones (EINVAL on unopened channels, EIO) are findings.",
            "Results go to stdout; diagnostics to stderr as 'ringtool sysfs: <dir>: <message>'."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {ExitCodeHelp.DONE, ExitCodeHelp.FINDINGS, ExitCodeHelp.USAGE,
            "3:an input could not be processed (missing, not a directory, no VMBus device in it, --ring unreadable)",
            ExitCodeHelp.INTERNAL},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ringtool sysfs /sys/bus/vmbus/devices",
            "  ringtool sysfs --format json /sys/bus/vmbus/devices/<GUID>",
            "  ringtool sysfs --ring ring.bin /sys/bus/vmbus/devices/<GUID>"})
final class SysfsCommand implements Callable<Integer> {

    static final String NAME = "sysfs";
    static final String SUMMARY = "Read a VMBus sysfs tree (/sys/bus/vmbus/devices, one device directory, or a copy of"
            + " either), check each device's ring indices, availability values and channel counters, and print them.";

    enum Direction { in, out }

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "sysfs trees or device directories.")
    List<Path> dirs;

    @Option(names = "--format", defaultValue = "text", converter = SharedOptions.FormatConverter.class,
            completionCandidates = Candidates.SysfsFormats.class,
            description = "Output format: text, json, jsonl, sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--ring", paramLabel = "FILE",
            description = "A binary dump of the device's primary channel (the sysfs ring file, a uio map0 copy, a"
                    + " crash-dump extract) to cross-check against the sysfs values; DIR must be one device.")
    Path ring;

    @Option(names = "--direction", defaultValue = "in", paramLabel = "in|out",
            description = "Which files a single-ring --ring dump is compared with: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}); a uio pair is compared in both directions.")
    Direction direction;

    @Option(names = "--layout", defaultValue = "auto", converter = SharedOptions.LayoutConverter.class,
            completionCandidates = Candidates.Layouts.class,
            description = "How the --ring file holds its ring(s), as for inspect (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--header-size", converter = Numbers.HeaderSize.class, paramLabel = "BYTES",
            description = "Header size of the --ring file, as for inspect.")
    Long headerSize;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above this severity: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (format == Format.SVG || format == Format.HTML) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format.id()
                    + ": sysfs writes text, json, jsonl or sarif (pictures are of rings: inspect and carve draw them)");
        }
        Inspector inspector = new Inspector(SharedOptions.framing(layout, headerSize, null), null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = ExitCode.OK;
        long failed = 0;
        List<Path> devices = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                devices.addAll(SysfsReader.deviceDirectories(dir));
            } catch (InputException e) {
                err.println("ringtool sysfs: " + dir + ": " + e.getMessage());
                failed++;
                worst = ExitCode.INPUT;
            }
        }
        if (ring != null && devices.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ring needs one device directory, but "
                    + devices.size() + " devices were found");
        }
        InputReport dump = null;
        if (ring != null && !devices.isEmpty()) {
            dump = inspector.inspect(ring, ring.toString());
            if (dump.error() != null) {
                err.println("ringtool sysfs: " + ring + ": " + dump.error());
                failed++;
                worst = ExitCode.INPUT;
                dump = null;
            }
        }
        err.flush();
        SysfsWriter writer = SysfsWriter.of(format, out);
        writer.begin();
        Summary totals = Summary.EMPTY;
        for (Path dir : devices) {
            DeviceInfo d = SysfsReader.read(dir.toString(), new DirectoryTree(dir));
            if (dump != null) {
                d = d.withFindings(RingCrossCheck.check(d, dump, direction.name()));
            }
            int code = ExitCode.forFindings(d.summary().worstSeverity(), failOn.threshold());
            writer.device(d, code);
            totals = totals.plus(d.summary());
            worst = Math.max(worst, code);
        }
        writer.end(devices.size(), failed, totals, worst);
        out.flush();
        return worst;
    }
}
