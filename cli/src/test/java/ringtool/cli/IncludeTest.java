package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -r --include GLOB}: a sysfs-like tree whose text attributes would each be "too small". */
class IncludeTest {

    @TempDir
    Path tree;

    @Test
    void onlyTheMatchingFilesOfARecursiveRunAreInspected() throws Exception {
        byte[] ring = Files.readAllBytes(DocsTest.ROOT.resolve("samples/balloon-uio-pair.bin"));
        for (String device : new String[] {"dev-a", "dev-b"}) {
            Path channel = Files.createDirectories(tree.resolve(device + "/channels/15"));
            Files.write(channel.resolve("ring"), ring);
            Files.writeString(channel.resolve("read_avail"), "0\n");
            Files.writeString(tree.resolve(device + "/in_read_index"), "120\n");
        }
        CliRun all = CliRun.of("inspect", "--summary", "-r", tree.toString());
        assertEquals(3, all.exit());
        CliRun rings = CliRun.of("inspect", "--summary", "-r", "--include", "*/ring", tree.toString());
        assertEquals("", rings.err());
        assertEquals(0, rings.exit());
        assertEquals(2 + 1, rings.out().strip().split("\n").length, rings.out());
        assertEquals(true, rings.out().contains(tree.resolve("dev-a/channels/15/ring").toString()), rings.out());
        assertEquals(true, rings.out().contains(tree.resolve("dev-b/channels/15/ring").toString()), rings.out());
    }

    @Test
    void includeWithoutRecursiveIsAUsageError() {
        CliRun r = CliRun.of("inspect", "--include", "*/ring", tree.toString());
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: --include picks files below directories: it needs -r\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }
}
