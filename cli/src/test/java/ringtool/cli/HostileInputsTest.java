package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputFiles;
import ringtool.core.synth.RingWriter;

/**
 * What a hostile probe tried on the command line: JVM errors, link loops, endless lists, FIFOs and devices, an
 * output folder full of inputs, escape sequences in what is printed. Each ends with a clear line and its exit
 * code, promptly.
 */
class HostileInputsTest {

    @TempDir
    Path dir;

    /** A subcommand that fails as the JVM does when a run exhausts the heap. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    private static CliRun withBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RingtoolCommand.commandLine();
        cl.addSubcommand("boom", new Boom());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void anOutOfMemoryErrorIsOneLineAndExitFour() {
        CliRun r = withBoom("boom");
        assertEquals(4, r.exit());
        assertEquals("ringtool boom: internal error: java.lang.OutOfMemoryError: Java heap space\n"
                + "ringtool boom: (run again with --stacktrace for the details)\n", r.err());
    }

    @Test
    void stacktraceAfterTheSubcommandPrintsTheTrace() {
        CliRun r = withBoom("boom", "--stacktrace");
        assertEquals(4, r.exit());
        assertTrue(r.err().startsWith("ringtool boom: internal error: java.lang.OutOfMemoryError: Java heap space\n"
                + "java.lang.OutOfMemoryError: Java heap space\n\tat ringtool.cli.HostileInputsTest$Boom.call("),
                r.err());
    }

    /** Opens a dump as inspect does, then truncates it and reads past its new end: a dump shrinking under a run. */
    @Command(name = "shrink")
    static final class Shrinks implements Callable<Integer> {
        private final Path file;

        Shrinks(Path file) {
            this.file = file;
        }

        @Override
        public Integer call() throws Exception {
            ByteSource bytes = InputFiles.open(file);
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(4096);
            }
            return bytes.u8(bytes.size() - 1);
        }
    }

    @Test
    void aFileThatShrinksWhileItIsReadIsAnUnreadableInputNotAnInternalError() throws IOException {
        Path file = dir.resolve("shrinks.bin");
        Files.write(file, new byte[1 << 20]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RingtoolCommand.commandLine();
        cl.addSubcommand("shrink", new Shrinks(file));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(3, cl.execute("shrink"));
        assertEquals("ringtool shrink: " + file + ": the file shrank while it was read: it had 1048576 bytes, and ends"
                + " before 983040 (the inputs after it were not read)\n", err.toString());
    }

    private Path ring(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, new RingWriter(16384).inband(1, "hello".getBytes(StandardCharsets.US_ASCII)).build());
        return file;
    }

    @Test
    void recursiveWalkFollowsNoLinkToADirectory() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.move(ring("a.bin"), tree.resolve("a.bin"));
        Files.createSymbolicLink(tree.resolve("self"), Path.of("."));
        Files.createSymbolicLink(tree.resolve("again"), Path.of("."));
        CliRun r = CliRun.of("inspect", "-r", "--summary", tree.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(tree.resolve("a.bin") + ": layout single, 1 packet, 0 errors, 0 warnings, 0 notes; worst none;"
                + " exit 0\n", r.out());
    }

    @Test
    void filesFromAnEndlessLineIsAUsageError() {
        CliRun r = CliRun.of("inspect", "--files-from", "/dev/zero");
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: --files-from /dev/zero: an entry is longer than 4096 bytes (PATH_MAX)\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void filesFromEndlessEmptyEntriesStopsAtTheListBound() {
        CliRun r = CliRun.of("inspect", "-0", "--files-from", "/dev/zero");
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: --files-from /dev/zero: the list is longer than 67108864 bytes\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }

    @Test
    void aNulInAListEntryFailsThatEntryAlone() throws IOException {
        Path good = ring("good.bin");
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "bad\0name\n" + good + "\n");
        CliRun r = CliRun.of("inspect", "--summary", "--files-from", list.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: bad\\0name: not a path: it holds a NUL byte\n", r.err());
        assertEquals("bad\\0name: cannot be processed: not a path: it holds a NUL byte; exit 3\n"
                + good + ": layout single, 1 packet, 0 errors, 0 warnings, 0 notes; worst none; exit 0\n"
                + "2 inputs (1 could not be processed): 1 packet, 0 errors, 0 warnings, 0 notes; exit 3\n", r.out());
    }

    private Path fifo(String name) throws Exception {
        Path file = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", file.toString()).start();
        assertEquals(0, p.waitFor());
        return file;
    }

    @Test
    void carveRefusesAFifoInsteadOfBlocking() throws Exception {
        Path fifo = fifo("image.fifo");
        CliRun r = CliRun.of("carve", "--raw", fifo.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool carve: " + fifo + ": not a regular file (a FIFO, a device or a socket): carve reads"
                + " memory images from files\n", r.err());
    }

    @Test
    void carveRefusesADeviceInsteadOfCallingItEmpty() {
        CliRun r = CliRun.of("carve", "/dev/zero");
        assertEquals(3, r.exit());
        assertEquals("ringtool carve: /dev/zero: not a regular file (a FIFO, a device or a socket): carve reads"
                + " memory images from files\n", r.err());
    }

    @Test
    void aFifoAsASysfsAttributeIsUnreadableNotAHang() throws Exception {
        Path device = Files.createDirectories(dir.resolve("devices/2dd1ce17-079e-403c-b352-a1921ee207ee"));
        Files.writeString(device.resolve("class_id"), "{57164f39-9115-4e78-ab55-382f3bd5422d}\n");
        Files.writeString(device.resolve("in_read_index"), "0\n");
        fifo("devices/2dd1ce17-079e-403c-b352-a1921ee207ee/in_write_index");
        CliRun r = CliRun.of("sysfs", device.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("    warning sysfs.attribute.unreadable: in_write_index: cannot be read: not a"
                + " regular file\n"), r.out());
    }

    @Test
    void carveOutRefusesAFolderWhereItWouldOverwriteAnInput() throws IOException {
        Path image = dir.resolve("guest.raw");
        Files.write(image, new byte[1 << 16]);
        Path index = dir.resolve(".guest.raw.index.json");
        Files.writeString(index, "{}");
        CliRun r = CliRun.of("carve", "--raw", "--out", dir.toString(), image.toString(), index.toString());
        assertEquals(2, r.exit());
        assertEquals("ringtool carve: --out " + dir + " would overwrite the input " + index + " (the output of "
                + image + "): choose another folder\nringtool carve: see 'ringtool carve --help'\n", r.err());
        assertEquals("{}", Files.readString(index));
    }

    @Test
    void escapeSequencesInASysfsAttributeReachNoTerminal() throws IOException {
        Path device = Files.createDirectories(dir.resolve("devices/2dd1ce17-079e-403c-b352-a1921ee207ee"));
        Files.writeString(device.resolve("class_id"), "{57164f39-9115-4e78-ab55-382f3bd5422d}\n");
        Files.writeString(device.resolve("device_id"), "{\033]0;owned\007\033[2J}\n");
        CliRun r = CliRun.of("sysfs", device.toString());
        assertTrue(r.out().contains("    error   sysfs.attribute.invalid: device_id: expected a GUID, got"
                + " '{\\x1b]0;owned\\x07\\x1b[2J}'\n"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 033 || c == 7), r.out());
    }

    @Test
    void escapeSequencesInAKdumpReleaseReachNoTerminal() throws IOException {
        // A kdump header (64-bit, 4096-byte blocks, one sub-header block), two 1-block bitmaps of no RAM.
        ByteBuffer b = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        b.put("KDUMP   ".getBytes(StandardCharsets.US_ASCII)).putInt(6);
        b.put(12 + 2 * 65, "6.1\033[2J\033]0;x\007".getBytes(StandardCharsets.US_ASCII));
        b.put(12 + 4 * 65, "x86_64".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0x1ac, 4096).putInt(0x1b0, 1).putInt(0x1b4, 2).putInt(0x1b8, 1024);
        Path image = dir.resolve("release.kdump");
        Files.write(image, b.array());
        CliRun r = CliRun.of("carve", image.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith(image + ": kdump-compressed v6 (64-bit header), 4096-byte blocks, 1024 frames,"
                + " release 6.1\\x1b[2J\\x1b]0;x; "), r.out());
    }

    static Stream<Arguments> hostileDescriptions() {
        String ring = "{\"rings\":[{\"data_size\":4096,";
        String gpa = ring + "\"packets\":[{\"type\":9,\"gpa_direct\":{\"ranges\":";
        return Stream.of(
                Arguments.of(ring + "\"packets\":[{\"payload\":\"00\"}]}]}", "invalid description: a number (int) is"
                        + " required, got null or nothing at rings[0].packets[0].type (line 1, column 55)"),
                Arguments.of(ring + "\"packets\":[null]}]}", "ring: packets[0] is null"),
                Arguments.of("{\"rings\":[null]}", "rings[0] is null"),
                Arguments.of(ring + "\"patches\":[null]}]}", "ring: patches[0] is null"),
                Arguments.of(gpa + "[null]}}]}]}", "ring: packet 0: gpa_direct.ranges[0] is null"),
                Arguments.of(gpa + "[{\"byte_count\":1,\"byte_offset\":0,\"pfns\":[null]}]}}]}]}",
                        "ring: packet 0: gpa_direct pfns[0] is null"),
                Arguments.of("{\"rings\":[{\"data_size\":9223372036854775800}]}", "data_size 9223372036854775800 is"
                        + " more than the limit of 268435456 bytes for a dump"),
                Arguments.of("{\"header_size\":9223372036854771712,\"rings\":[{\"data_size\":4096}]}",
                        "header_size 9223372036854771712 is more than the limit of 268435456 bytes for a dump"),
                Arguments.of("{\"layout\":\"single\",\"header_size\":9223372036854771712,\"rings\":[{\"data_size\":4096,"
                        + "\"start\":0}]}", "header_size 9223372036854771712 is more than the limit of 268435456"
                        + " bytes for a dump"),
                Arguments.of(ring + "\"header_patches\":[{\"offset\":9223372036854775807,\"hex\":\"00\"}]}]}",
                        "ring: header_patches: 1 bytes at 9223372036854775807 do not fit a header of 4096"),
                Arguments.of("{\"layout\":\"double-mapped\",\"rings\":[{\"data_size\":4096}],\"second_copy_patches\":"
                        + "[{\"offset\":9223372036854775807,\"hex\":\"0000\"}]}", "second_copy_patches: 2 bytes at"
                        + " 9223372036854775807 do not fit a data area of 4096"));
    }

    @ParameterizedTest
    @MethodSource("hostileDescriptions")
    void synthRefusesHostileDescriptionsWithOneLine(String json, String message) throws IOException {
        Path desc = dir.resolve("desc.json");
        Files.writeString(desc, json);
        Path out = dir.resolve("out.bin");
        CliRun r = CliRun.of("synth", "-o", out.toString(), desc.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals("ringtool synth: " + desc + ": " + message + "\n", r.err());
        assertTrue(Files.notExists(out));
    }
}
