package ringtool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import ringtool.core.bytes.ReadFailedException;
import ringtool.core.report.ExitCode;
import ringtool.output.ControlEscapes;

/**
 * {@code ringtool}: the top command; it only dispatches. Its model and inspect's are built with picocli's
 * programmatic API: reading a model from annotations (a proxy class generated for each annotation type, reflection
 * over every field) took longer than inspecting a small dump, and these two are made on the runs that must be short.
 */
public final class RingtoolCommand {

    /** A subcommand: its name, its description's first line (all the top level's command list shows), its model. */
    private record Subcommand(String name, String summary, Supplier<CommandSpec> spec) {
    }

    private static final String HELP = "help";
    /** The header of picocli's help command, which a stand-in shows in the command list (UsageTest pins it). */
    static final String HELP_SUMMARY = "Display help information about the specified command.";

    /** The subcommands in the order help lists them. */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(InspectCommand.NAME, InspectCommand.SUMMARY, InspectCommand::spec),
            new Subcommand(ChecksCommand.NAME, ChecksCommand.SUMMARY,
                    () -> CommandSpec.forAnnotatedObject(new ChecksCommand())),
            new Subcommand(SysfsCommand.NAME, SysfsCommand.SUMMARY,
                    () -> CommandSpec.forAnnotatedObject(new SysfsCommand())),
            new Subcommand(SynthCommand.NAME, SynthCommand.SUMMARY,
                    () -> CommandSpec.forAnnotatedObject(new SynthCommand())),
            new Subcommand(CarveCommand.NAME, CarveCommand.SUMMARY,
                    () -> CommandSpec.forAnnotatedObject(new CarveCommand())),
            new Subcommand(FuzzCommand.NAME, FuzzCommand.SUMMARY,
                    () -> CommandSpec.forAnnotatedObject(new FuzzCommand())));

    private RingtoolCommand() {
    }

    /**
     * The whole command line, every subcommand's model built: for the tests, the man pages and completion.
     * Exit codes and error handling as docs/contract.md §2 fixes them.
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for one run: only the subcommand that {@code args} invokes (or asks help for) gets its
     * model built. The others stand in as a name and a description, which is all the top level's help and "did you
     * mean" read, and when {@code args} starts with a subcommand's name not even that: the top level then has
     * nothing left to parse or print. Setting up a command, and the classes its fields pull in (Jackson for synth,
     * say), are most of a short run's start-up.
     */
    public static CommandLine commandLine(String[] args) {
        // No option is of a java.time or java.sql type; picocli would otherwise load and initialise some twenty
        // of those classes by reflection (MonthDay builds a date formatter) for every CommandLine it makes. Nor is
        // there Groovy: picocli's factory would look for its Closure class, a failed class-path search.
        System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
        System.setProperty("picocli.disable.closures", "true");
        String build = args == null ? null : toBuild(args);
        boolean direct = build != null && args[0].equals(build)
                && SUBCOMMANDS.stream().anyMatch(s -> s.name().equals(build));
        CommandLine cl = new CommandLine(top());
        for (Subcommand sub : SUBCOMMANDS) {
            if (args == null || sub.name().equals(build)) {
                CommandSpec spec = sub.spec().get();
                HelpOptions.addTo(spec);
                cl.addSubcommand(sub.name(), spec);
            } else if (!direct) {
                CommandSpec stand = CommandSpec.create().name(sub.name());
                stand.usageMessage().description(sub.summary());
                cl.addSubcommand(sub.name(), stand);
            }
        }
        if (args == null || HELP.equals(firstWord(args))) {
            cl.addSubcommand(HELP, new CommandLine.HelpCommand());
        } else if (!direct) {
            // picocli's help command reads its model from annotations: it stands in too unless it runs.
            CommandSpec stand = CommandSpec.create().name(HELP);
            stand.usageMessage().description(HELP_SUMMARY);
            cl.addSubcommand(HELP, stand);
        }
        // Enum values are lower-case in help and completion; a user's ERROR or Json is still understood.
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(RingtoolCommand::internalError);
        cl.setExecutionStrategy(RingtoolCommand::execute);
        cl.setParameterExceptionHandler(RingtoolCommand::usageError);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
        cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        for (CommandLine sub : cl.getSubcommands().values()) {
            // One version for the whole tool: every command's --version prints the top command's.
            sub.getCommandSpec().versionProvider(cl.getCommandSpec().versionProvider());
            sub.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
            sub.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
        }
        return cl;
    }

    private static CommandSpec top() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new RingtoolCommand()).name("ringtool")
                .versionProvider(new Version());
        ExitCodeHelp.exitCodesThenExamples(spec.usageMessage()
                .description("Inspect and fuzz Hyper-V VMBus ring buffers: walk the packets of ring dumps, validate"
                        + " every header field, descriptor and trailer, and report findings with stable rule IDs.")
                .synopsisSubcommandLabel("COMMAND"))
                .footer("  ringtool inspect samples/balloon-uio-pair.bin",
                        "  ringtool inspect --format json --fail-on warning samples/bad-trailer-mismatch.bin"
                                + " | jq '.inputs[].rings[].findings'",
                        "  ringtool checks");
        HelpOptions.addTo(spec);
        spec.addOption(OptionSpec.builder("--stacktrace").type(boolean.class).initialValue(false)
                .scopeType(CommandLine.ScopeType.INHERIT)
                .description("On an internal error, print the stack trace as well as the one-line message.").build());
        return spec;
    }

    /**
     * The first argument that is not an option of the top level names the subcommand; after {@code help}, the
     * next one does. Null when there is none (top-level help and version need no subcommand's model).
     */
    private static String toBuild(String[] args) {
        boolean help = false;
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            if (!help && a.equals(HELP)) {
                help = true;
                continue;
            }
            return a;
        }
        return null;
    }

    /** The first argument that is not an option of the top level: the command that runs; null when none does. */
    private static String firstWord(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** One line naming the problem and where help is, rather than the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + message(e));
        err.println(name + ": see '" + name + " --help'");
        err.flush();
        return ExitCode.USAGE;
    }

    /** picocli's message, with a command for an unknown first word and picocli's nearest matches as a hint. */
    private static String message(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)) {
            // A repeatable option's message names its label too ("'--read-index' ([RING=]OFFSET)"): once is enough.
            return e.getMessage().replaceFirst("^(Invalid value for option '[^']+') \\([^)]*\\):", "$1:");
        }
        List<String> unmatched = u.getUnmatched();
        String word = unmatched.isEmpty() ? "" : unmatched.get(0);
        String message = e.getMessage();
        if (u.getCommandLine().getParent() == null && !word.startsWith("-")
                && u.getCommandLine().getCommandSpec().subcommands().keySet().stream().noneMatch(word::equals)) {
            message = "unknown command '" + word + "'";
        }
        if (word.equals("-V")) {
            return message + "; --version prints the version (-V is --verbose, on inspect)";
        }
        List<String> suggestions = u.getSuggestions();
        if (!suggestions.isEmpty()) {
            message += "; did you mean " + suggestions.stream().limit(3).map(s -> "'" + s + "'")
                    .collect(Collectors.joining(" or ")) + "?";
        }
        return message;
    }

    private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof ReadFailedException unreadable) {
            // A file that shrank or failed after it was opened is an unreadable input (exit 3), not a bug. Its
            // output so far stands; the inputs after it are not read, as the writers cannot resume mid-document.
            cl.getOut().flush();
            PrintWriter err = cl.getErr();
            err.println("ringtool " + cl.getCommandName() + ": " + ControlEscapes.escape(unreadable.getMessage())
                    + " (the inputs after it were not read)");
            err.flush();
            return ExitCode.INPUT;
        }
        return report(e, cl, parsed, e.toString());
    }

    /**
     * The JVM's own failures (out of memory, a stack overflow, a fault in a live ring's mapping that shrank) are
     * bugs too: one line and exit 4 like any other, not a trace and output cut short without a word.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (VirtualMachineError e) {
            CommandLine.ParseResult last = parsed;
            while (last.subcommand() != null) {
                last = last.subcommand();
            }
            String what = e instanceof InternalError ? "a fault reading a live ring's mapping (did it shrink while it"
                    + " was read?): " + e : e.toString();
            return report(e, last.commandSpec().commandLine(), parsed, what);
        }
    }

    private static int report(Throwable e, CommandLine cl, CommandLine.ParseResult parsed, String what) {
        PrintWriter err = cl.getErr();
        // The output so far goes out first, so that what is cut short is visibly followed by the reason.
        cl.getOut().flush();
        err.println("ringtool " + cl.getCommandName() + ": internal error: " + what);
        if (stacktrace(parsed)) {
            e.printStackTrace(err);
        } else {
            err.println("ringtool " + cl.getCommandName() + ": (run again with --stacktrace for the details)");
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    /** {@code --stacktrace} is inherited: it may follow the subcommand, where the top's parse result misses it. */
    private static boolean stacktrace(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
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
