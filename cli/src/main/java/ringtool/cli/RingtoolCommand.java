package ringtool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ringtool.core.report.ExitCode;

/** {@code ringtool}: the top command; it only dispatches. */
@Command(name = "ringtool",
        mixinStandardHelpOptions = true,
        versionProvider = RingtoolCommand.Version.class,
        description = "Inspect and fuzz Hyper-V VMBus ring buffers: walk the packets of ring dumps, validate every"
                + " header field, descriptor and trailer, and report findings with stable rule IDs.",
        subcommands = {InspectCommand.class, ChecksCommand.class, SysfsCommand.class, SynthCommand.class,
            CarveCommand.class, FuzzCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; no finding at or above --fail-on (default error)",
            "1:findings at or above --fail-on; all output was still written",
            "2:usage error (unknown option, missing argument)",
            "3:an input could not be processed (missing, unreadable, a directory, empty, too small, unrecognised)",
            "4:internal error (a bug): one line on stderr, the stack trace with --stacktrace"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ringtool inspect samples/balloon-uio-pair.bin",
            "  ringtool inspect --format json --fail-on warning dump.bin | jq '.inputs[].rings[].findings'",
            "  ringtool checks"})
public final class RingtoolCommand {

    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace as well as the one-line message.")
    boolean stacktrace;

    /** The configured command line: exit codes and error handling as the contract fixes them. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RingtoolCommand());
        cl.setExecutionExceptionHandler(RingtoolCommand::internalError);
        cl.setParameterExceptionHandler(RingtoolCommand::usageError);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
            sub.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        }
        return cl;
    }

    /** One line naming the problem and where help is, rather than the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        err.println(name + ": see '" + name + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("ringtool " + cl.getCommandName() + ": internal error: " + e);
        if (parsed.hasMatchedOption("--stacktrace")) {
            e.printStackTrace(err);
        } else {
            err.println("ringtool " + cl.getCommandName() + ": (run again with --stacktrace for the details)");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = RingtoolCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"ringtool " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
