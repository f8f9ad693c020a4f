package ringtool.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code --version} on every command ({@link RingtoolCommand} mixes them into each). Unlike
 * picocli's standard mixin it leaves {@code -V} free: {@code -V} means {@code --verbose} (inspect's field tree, as
 * in tshark) and nothing else anywhere.
 */
final class HelpOptions {

    /** The mixin's name in each command's model. */
    static final String NAME = "helpOptions";

    private HelpOptions() {
    }

    static CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
                .description("Show this help message and exit.").build());
        mixin.addOption(OptionSpec.builder("--version").versionHelp(true).type(boolean.class).initialValue(false)
                .description("Print version information and exit.").build());
        return mixin;
    }
}
