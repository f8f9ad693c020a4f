package ringtool.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.bytes.FileByteSource;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path tmp;

    private Path device(String id) throws IOException {
        Path d = tmp.resolve("devices/c910c465-aa71-47ff-944b-dbfe82066e45");
        Files.createDirectories(d.resolve("channels/1"));
        Files.createDirectories(d.resolve("uio/uio0/maps/map0"));
        Files.writeString(d.resolve("id"), id + "\n");
        Files.writeString(d.resolve("uio/uio0/maps/map0/size"), "0xa000\n");
        Files.write(d.resolve("channels/1/ring"), new byte[4 << 20]);
        return d;
    }

    @Test
    void thePrimaryChannelsRingFileTakesUiosMapSizeNotItsFixedFourMib() throws IOException {
        Path d = device("1");
        assertEquals(40960L, InputFiles.ringFileMapSize(d.resolve("channels/1/ring")));
    }

    @Test
    void aSubChannelsRingFileHasNoUioMapToGoBy() throws IOException {
        Path d = device("2");
        assertNull(InputFiles.ringFileMapSize(d.resolve("channels/1/ring")));
    }

    @Test
    void aDumpFileIsNotARingFile() throws IOException {
        assertNull(InputFiles.ringFileMapSize(tmp.resolve("ring.bin")));
    }

    private static String refusal(Path p) {
        return assertThrows(InputException.class, () -> InputFiles.open(p)).getMessage();
    }

    /** A FIFO fed by a thread, as a shell's {@code <(...)} or {@code mkfifo} would be. */
    private Path fifo(byte[] content) throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(content);
            } catch (IOException e) {
                // The reader stopped early (the oversized case): nothing left to do.
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    @Test
    void aFifoIsReadAsABoundedStream() throws Exception {
        byte[] ring = new byte[8192];
        ring[0] = 0x28;
        ByteSource bytes = InputFiles.open(fifo(ring));
        assertEquals(8192, bytes.size());
        assertEquals(0x28, bytes.u8(0));
    }

    @Test
    void aStreamLongerThanTheBoundIsRefusedWithTheBound() throws Exception {
        Path fifo = fifo(new byte[InputFiles.MAX_STREAM + 4096]);
        assertEquals("a stream of more than 16 MiB: rings are at most a few MiB; save a larger input to a file and"
                + " name the file", refusal(fifo));
    }

    @Test
    void filesUpToTheWholeReadLimitAndBeyondItGiveTheirBytesAlike() throws Exception {
        for (int size : new int[] {8192, FileByteSource.MAX_CACHED, FileByteSource.MAX_CACHED + 4096}) {
            byte[] content = new byte[size];
            content[0] = 0x28;
            content[size - 1] = 0x7f;
            Path file = Files.write(tmp.resolve("ring-" + size + ".bin"), content);
            ByteSource bytes = InputFiles.open(file);
            assertEquals(size, bytes.size());
            assertEquals(0x28, bytes.u8(0));
            assertEquals(0x7f, bytes.u8(size - 1));
        }
    }

    @Test
    void anEmptyFileAndADanglingLinkAreRefusedAsSuch() throws Exception {
        assertEquals("empty file", refusal(Files.createFile(tmp.resolve("empty.bin"))));
        Path link = Files.createSymbolicLink(tmp.resolve("dangling.bin"), tmp.resolve("gone.bin"));
        assertEquals("no such file (a dangling link)", refusal(link));
    }

    @Test
    void specialFilesSayWhatTheyAre() {
        assertEquals("is a character device, not a ring dump (of devices, only /dev/uioN is read, as a live ring)",
                refusal(Path.of("/dev/null")));
        assertEquals("is a /proc file (text the kernel writes when it is read), not a ring dump",
                refusal(Path.of("/proc/self/status")));
        assertEquals("is a directory", refusal(tmp));
        assertEquals("no such file", refusal(tmp.resolve("nothing")));
    }

    @Test
    void aSysfsAttributeIsNoRing() {
        Path attribute = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        assumeTrue(Files.isReadable(attribute), "no sysfs here");
        assertEquals("is a sysfs attribute (text the kernel writes when it is read), not a ring: 'ringtool sysfs'"
                + " reads a device's attributes, and only a channel's ring file is a ring", refusal(attribute));
        assertFalse(InputFiles.isLive(attribute));
    }

    @Test
    void onlyRingFilesAndUioDevicesAreLiveNotEveryFileUnderDev() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm here");
        Path file = Files.createTempFile(shm, "ringtool-", ".bin");
        try {
            Files.write(file, new byte[8192]);
            assertFalse(InputFiles.isLive(file));
            assertEquals(8192, InputFiles.open(file).size());
        } finally {
            Files.delete(file);
        }
        assertFalse(InputFiles.isLive(Path.of("/dev/null")));
    }
}
