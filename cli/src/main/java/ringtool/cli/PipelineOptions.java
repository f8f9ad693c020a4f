package ringtool.cli;

import picocli.CommandLine.Option;

/** The options of {@code inspect} for triage over many inputs: where inputs come from, parallelism, summaries. */
final class PipelineOptions {

    @Option(names = "--files-from", paramLabel = "LIST",
            description = "Also inspect the paths listed in LIST, one a line ('-' reads the list from stdin).")
    String filesFrom;

    @Option(names = {"-0", "--null"}, description = "The --files-from list is NUL-separated (find -print0).")
    boolean nul;

    @Option(names = {"-r", "--recursive"},
            description = "A directory input stands for every regular file below it, sorted by name.")
    boolean recursive;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "With -r: only the files below a directory that GLOB matches, by name or by the end of"
                    + " their path ('*.bin', '*/ring' for the ring files of a sysfs tree).")
    String include;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", paramLabel = "N", converter = Numbers.Jobs.class,
            description = "Inspect N inputs in parallel, 1 to 256; output stays in input order (default:"
                    + " ${DEFAULT-VALUE}).")
    long jobs;

    @Option(names = "--line-buffered",
            description = "Flush every JSONL record as it is written (for tail -f style consumers). By default"
                    + " JSONL is flushed line by line to a terminal, and in large blocks to pipes and files, at the"
                    + " end of every input.")
    boolean lineBuffered;

    @Option(names = "--summary",
            description = "One line (text) or record (JSON, JSONL) per input: counts by severity and the worst rule.")
    boolean summary;
}
