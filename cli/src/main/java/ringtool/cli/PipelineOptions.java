package ringtool.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options of {@code inspect} for triage over many inputs: where inputs come from, parallelism, summaries. */
final class PipelineOptions {

    String filesFrom;
    boolean nul;
    boolean recursive;
    String include;
    long jobs;
    boolean lineBuffered;
    boolean summary;

    /** Adds the options to {@code inspect}'s model ({@link InspectCommand#spec()}), bound to this object. */
    void addTo(CommandSpec command) {
        command.addOption(Bound.option(OptionSpec.builder("--files-from").paramLabel("LIST").type(String.class)
                .description("Also inspect the paths listed in LIST, one a line ('-' reads the list from stdin)."),
                null, (String v) -> filesFrom = v).build());
        command.addOption(Bound.option(OptionSpec.builder("-0", "--null").type(boolean.class)
                .description("The --files-from list is NUL-separated (find -print0)."),
                false, (Boolean v) -> nul = v).build());
        command.addOption(Bound.option(OptionSpec.builder("-r", "--recursive").type(boolean.class)
                .description("A directory input stands for every regular file below it, sorted by name."),
                false, (Boolean v) -> recursive = v).build());
        command.addOption(Bound.option(OptionSpec.builder("--include").paramLabel("GLOB").type(String.class)
                .description("With -r: only the files below a directory that GLOB matches, by name or by the end of"
                        + " their path ('*.bin', '*/ring' for the ring files of a sysfs tree)."),
                null, (String v) -> include = v).build());
        command.addOption(Bound.option(OptionSpec.builder("-j", "--jobs").paramLabel("N").type(long.class)
                .defaultValue("1").converters(new Numbers.Jobs())
                .description("Inspect N inputs in parallel, 1 to 256; output stays in input order (default:"
                        + " ${DEFAULT-VALUE})."),
                0L, (Long v) -> jobs = v).build());
        command.addOption(Bound.option(OptionSpec.builder("--line-buffered").type(boolean.class)
                .description("Flush every JSONL record as it is written (for tail -f style consumers). By default"
                        + " JSONL is flushed line by line to a terminal, and in large blocks to pipes and files, at"
                        + " the end of every input."),
                false, (Boolean v) -> lineBuffered = v).build());
        command.addOption(Bound.option(OptionSpec.builder("--summary").type(boolean.class)
                .description("One line (text) or record (JSON, JSONL) per input: counts by severity and the worst"
                        + " rule."),
                false, (Boolean v) -> summary = v).build());
    }
}
