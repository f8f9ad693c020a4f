package ringtool.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
