package ringtool.core.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockFileWriterTest {

    @TempDir
    Path dir;

    private FileChannel open(Path file) throws Exception {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Two blocks of 16 held, writes all over 200 bytes: blocks are written back, read again and written over. */
    @Test
    void writesEverywhereThroughTwoBlocksLeaveTheFileAnArrayWouldHold() throws Exception {
        Path file = dir.resolve("out.bin");
        byte[] expected = new byte[200];
        Random random = new Random(1);
        try (BlockFileWriter w = new BlockFileWriter(open(file), expected.length, 16, 2)) {
            for (int i = 0; i < 500; i++) {
                int at = random.nextInt(expected.length);
                byte[] bytes = new byte[random.nextInt(expected.length - at + 1)];
                random.nextBytes(bytes);
                w.write(at, bytes, 0, bytes.length);
                System.arraycopy(bytes, 0, expected, at, bytes.length);
                // The header of a ring is written between packets: block 0 again and again.
                w.write(0, bytes, 0, Math.min(4, bytes.length));
                System.arraycopy(bytes, 0, expected, 0, Math.min(4, bytes.length));
            }
        }
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void bytesNeverWrittenAreZeroAndTheFileHasItsSize() throws Exception {
        Path file = dir.resolve("sparse.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        try (BlockFileWriter w = new BlockFileWriter(open(file), 40, 16, 1)) {
            w.write(37, new byte[] {(byte) 0xab, (byte) 0xcd}, 0, 2);
        }
        byte[] expected = new byte[40];
        expected[37] = (byte) 0xab;
        expected[38] = (byte) 0xcd;
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void aWritePastTheEndIsRefused() throws Exception {
        try (BlockFileWriter w = new BlockFileWriter(open(dir.resolve("small.bin")), 8, 16, 1)) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> w.write(6, new byte[3], 0, 3));
            assertEquals("3 bytes at 6 of a file of 8", e.getMessage());
        }
    }
}
