package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets first: versions, typos, impossible option values, a directory given as a file. */
class UsageTest {

    private static final String SAMPLE = DocsTest.ROOT.resolve("samples/balloon-uio-pair.bin").toString();

    @TempDir
    Path dir;

    private static String version() throws IOException {
        return String.join("\n", new RingtoolCommand.Version().getVersion()) + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "inspect", "checks", "sysfs", "synth", "carve", "fuzz"})
    void everyCommandPrintsTheOneVersionWithDashDashVersion(String command) throws IOException {
        CliRun r = command.isEmpty() ? CliRun.of("--version") : CliRun.of(command, "--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals(version(), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @CsvSource({"'',ringtool", "checks,ringtool checks", "synth,ringtool synth"})
    void dashCapitalVIsVerboseOnlyAndElsewhereAUsageErrorThatNamesDashDashVersion(String command, String name) {
        CliRun r = command.isEmpty() ? CliRun.of("-V") : CliRun.of(command, "-V");
        assertEquals(2, r.exit());
        assertEquals(name + ": Unknown option: '-V'; --version prints the version (-V is --verbose, on inspect)\n"
                + name + ": see '" + name + " --help'\n", r.err());
    }

    /**
     * Main builds only the models its arguments need, and none of the other commands when the first argument names
     * one; help, versions, suggestions and errors must not tell the difference.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-h", "--version", "-V", "help", "help inspect", "help checks", "help help",
        "--help inspect", "--stacktrace --help", "inspect --help", "inspect --version", "inspect --formt json",
        "inspect", "inspect help", "inspct", "chekcs", "checks --help", "checks", "sysfs --help", "synth --help",
        "carve --help", "fuzz --help", "help nope", "inspect --stacktrace --fail-on nope", "--version --help",
        "--help --version", "-h help", "--stacktrace help inspect", "hepl"})
    void aRunBuiltForItsArgumentsAnswersAsTheWholeCommandLine(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(CliRun.of(args), CliRun.asMain(args));
    }

    @Test
    void theHelpCommandsStandInShowsPicocliHelpCommandsHeader() {
        assertEquals(new CommandLine(new CommandLine.HelpCommand()).getCommandSpec().usageMessage().header()[0],
                RingtoolCommand.HELP_SUMMARY);
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        CliRun r = CliRun.of("inspct", SAMPLE);
        assertEquals(2, r.exit());
        assertEquals("ringtool: unknown command 'inspct'; did you mean 'inspect'?\n"
                + "ringtool: see 'ringtool --help'\n", r.err());
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearestOne() {
        CliRun r = CliRun.of("inspect", "--formt", "json", SAMPLE);
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Unknown option: '--formt'; did you mean '--format'?\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void aDirectoryIsReportedOnceOnStderrWithTheRecursiveHint() throws IOException {
        CliRun r = CliRun.of("inspect", dir.toString());
        assertEquals(3, r.exit());
        assertEquals("", r.out());
        assertEquals("ringtool inspect: " + dir + ": is a directory (-r inspects the files below it)\n", r.err());
    }

    @Test
    void enumValuesAreTakenInAnyCase() {
        assertEquals(0, CliRun.of("inspect", "--format", "JSON", "--layout", "UIO-PAIR", "--fail-on", "Error",
                SAMPLE).exit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--data-size|0|'0' is out of range: expected a multiple of 4096 from 4096 (0x1000) to 4294963200 (0xfffff000)",
        "--data-size|8200|'8200' is out of range: expected a multiple of 4096 from 4096 (0x1000) to 4294963200"
                + " (0xfffff000)",
        "--data-size|9223372036854775807|'9223372036854775807' is out of range: expected a multiple of 4096 from"
                + " 4096 (0x1000) to 4294963200 (0xfffff000)",
        "--header-size|0x7ffffffffffff000|'0x7ffffffffffff000' is not a header size: expected 4096 or 65536 (the"
                + " guest's page size)",
        "--read-index|0xffffffffffffffff|'0xffffffffffffffff' is out of range: expected from 0 to 4294967295"
                + " (0xffffffff)",
        "--read-index|0x1_0000_0000_0000_0000|'0x1_0000_0000_0000_0000' does not fit in 64 bits",
        "--read-index|-5|'-5' is negative",
        "--read-index|0x7g|'0x7g' is not a number (decimal or 0x hex)",
        "--jobs|0|'0' is out of range: expected from 1 to 256",
        "--jobs|1073741824|'1073741824' is out of range: expected from 1 to 256",
        "--count|-1|'-1' is negative"})
    void anImpossibleNumberIsAUsageErrorNamingTheBound(String option, String value, String message) {
        CliRun r = CliRun.of("inspect", option, value, SAMPLE);
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Invalid value for option '" + option + "': " + message + "\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void aDataSizeThatLeavesBytesUnreadSaysSo() {
        CliRun r = CliRun.of("inspect", "--data-size", "8192", "--layout", "single", SAMPLE);
        assertEquals(0, r.exit(), r.err());
        assertEquals("ringtool inspect: " + SAMPLE + ": note: 28672 of the file's 40960 bytes, from 0x3000 on, are"
                + " past the ring of --data-size and were not read\n", r.err());
    }

    @Test
    void aDataSizeThatFramesTheWholeFileIsSilent() throws IOException {
        CliRun r = CliRun.of("inspect", "--data-size", "16384", SAMPLE);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void fuzzJobsAreBoundedToo() {
        CliRun r = CliRun.of("fuzz", "--jobs", "100000");
        assertEquals(2, r.exit());
        assertEquals("ringtool fuzz: Invalid value for option '--jobs': '100000' is out of range: expected from 1"
                + " to 256\nringtool fuzz: see 'ringtool fuzz --help'\n", r.err());
    }

    @Test
    void synthAndSysfsHeaderSizesAreBoundedAlike() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        for (String command : new String[] {"synth", "sysfs"}) {
            CliRun r = CliRun.of(command, "--header-size", "8192", dir.resolve("d").toString());
            assertEquals(2, r.exit(), command);
            assertEquals("ringtool " + command + ": Invalid value for option '--header-size': '8192' is not a header"
                    + " size: expected 4096 or 65536 (the guest's page size)\nringtool " + command + ": see 'ringtool "
                    + command + " --help'\n", r.err());
        }
    }

    @Test
    void aHexDumpOfAWrappingPacketSaysWhereTheBytesReallyAre() {
        String wrapped = DocsTest.ROOT.resolve("samples/wrapped-packet.bin").toString();
        CliRun r = CliRun.of("inspect", "-x", wrapped);
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        int row = out.indexOf("       0  0xfc0 ");
        String next = "          wraps: the bytes shown at 0x1000..0x109f are at 0x0..0x9f of the data area\n"
                + "          00000FC0 06 00 02 00";
        assertEquals(next, out.substring(out.indexOf('\n', row) + 1, out.indexOf('\n', row) + 1 + next.length()));
        assertEquals(1, out.split("wraps: ", -1).length - 1, "only the wrapping packet says so");
    }
}
