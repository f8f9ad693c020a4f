package ringtool.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code --version} on every command ({@link RingtoolCommand} adds them to each). Unlike
 * picocli's standard mixin it leaves {@code -V} free: {@code -V} means {@code --verbose} (inspect's field tree, as
 * in tshark) and nothing else anywhere.
 */
final class HelpOptions {

    private HelpOptions() {
    }

    /** Adds the options to a command (not as a mixin: a mixin is one more model for picocli to set up). */
    static void addTo(CommandSpec command) {
        command.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
                .description("Show this help message and exit.").build());
        command.addOption(OptionSpec.builder("--version").versionHelp(true).type(boolean.class).initialValue(false)
                .description("Print version information and exit.").build());
    }
}
