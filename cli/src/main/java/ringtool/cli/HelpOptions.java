package ringtool.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} and {@code --version} on every command. Unlike picocli's standard mixin it leaves {@code -V}
 * free: {@code -V} means {@code --verbose} (inspect's field tree, as in tshark) and nothing else anywhere.
 */
final class HelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;
}
