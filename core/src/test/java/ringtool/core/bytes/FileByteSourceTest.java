package ringtool.core.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read through the block cache: what is read is the file's bytes wherever a read falls, and however big the
 * file, the source holds at most {@link FileByteSource#MAX_CACHED} bytes and the process a bounded number of open
 * files.
 */
class FileByteSourceTest {

    private static final int BLOCK = FileByteSource.BLOCK_SIZE;

    @TempDir
    Path dir;

    /** Bytes that differ from block to block and within a block, so that a read from the wrong place shows. */
    private static byte[] pattern(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 16) * 7 + seed);
        }
        return bytes;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static ByteSource open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return FileByteSource.open(file, ch, ch.size());
    }

    @Test
    void readsForwardsAndBackwardsAcrossEveryBlockBoundaryGiveTheFilesBytesInAtMostTheCachesBytes()
            throws IOException {
        byte[] bytes = pattern(8 * FileByteSource.MAX_CACHED + 5, 1);
        FileByteSource src = assertInstanceOf(FileByteSource.class, open(file("big.bin", bytes)));
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long blocks = (bytes.length + BLOCK - 1) / BLOCK;
        int last = 0;
        for (int at = 0; at + 8 <= bytes.length; at += 7) {
            assertEquals(le.getLong(at), src.u64(at), "u64 at " + at);
            last = at + 7;
        }
        assertEquals(last / BLOCK + 1, src.loads(), "a walk forwards reads each block it reaches once");
        for (int at = bytes.length - 4; at >= 0; at -= 5) {
            assertEquals(Integer.toUnsignedLong(le.getInt(at)), src.u32(at), "u32 at " + at);
        }
        for (int b = 1; b < blocks; b++) {
            int at = b * BLOCK - 1;
            assertEquals(Short.toUnsignedInt(le.getShort(at)), src.u16(at), "u16 at " + at);
            assertEquals(Byte.toUnsignedInt(bytes[at]), src.u8(at), "u8 at " + at);
        }
        byte[] copy = new byte[3 * BLOCK + 10];
        src.copy(BLOCK - 5, copy, 0, copy.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, BLOCK - 5, BLOCK - 5 + copy.length), copy);
        assertTrue(src.cachedBytes() <= FileByteSource.MAX_CACHED, src.cachedBytes() + " bytes cached");
        assertEquals(FileByteSource.MAX_CACHED, (long) src.maxBlocks() * src.blockSize());
        assertThrows(IndexOutOfBoundsException.class, () -> src.u16(bytes.length - 1));
    }

    @Test
    void aFileNoBiggerThanTheCacheIsReadWholeAndItsChannelClosed() throws IOException {
        byte[] bytes = pattern(FileByteSource.MAX_CACHED, 2);
        Path file = file("small.bin", bytes);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ByteSource src = FileByteSource.open(file, ch, ch.size());
        assertFalse(src instanceof FileByteSource);
        assertFalse(ch.isOpen());
        byte[] back = new byte[bytes.length];
        src.copy(0, back, 0, back.length);
        assertArrayEquals(bytes, back);
    }

    @Test
    void aFileThatShrinksWhileItIsReadFailsTheReadWithOneLineNamingTheFile() throws IOException {
        Path file = file("shrinks.bin", pattern(2 * FileByteSource.MAX_CACHED, 3));
        ByteSource src = open(file);
        assertEquals(Byte.toUnsignedInt(pattern(1, 3)[0]), src.u8(0));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(BLOCK + 100);
        }
        ReadFailedException e = assertThrows(ReadFailedException.class, () -> src.u32(BLOCK + 200));
        assertEquals(file + ": the file shrank while it was read: it had " + 2 * FileByteSource.MAX_CACHED
                + " bytes, and ends before " + (BLOCK + 100), e.getMessage());
        e = assertThrows(ReadFailedException.class, () -> src.u64(5L * BLOCK));
        assertEquals(file + ": the file shrank while it was read: it had " + 2 * FileByteSource.MAX_CACHED
                + " bytes, and ends before " + 5 * BLOCK, e.getMessage());
    }

    @Test
    void pastTheLimitOfOpenFilesTheLeastRecentlyReadIsClosedAndOpenedAgainWhenRead() throws IOException {
        List<ByteSource> sources = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < FileByteSource.MAX_OPEN + 3; i++) {
            byte[] bytes = pattern(FileByteSource.MAX_CACHED + 8, i);
            contents.add(bytes);
            sources.add(open(file("f" + i + ".bin", bytes)));
            sources.get(i).u8(0);
            assertTrue(FileByteSource.openChannels() <= FileByteSource.MAX_OPEN,
                    FileByteSource.openChannels() + " files open");
        }
        for (int i = 0; i < sources.size(); i++) {
            long at = FileByteSource.MAX_CACHED;
            assertEquals(ByteBuffer.wrap(contents.get(i)).order(ByteOrder.LITTLE_ENDIAN).getLong((int) at),
                    sources.get(i).u64(at), "file " + i);
        }
    }

    @Test
    void aFileReplacedWhileItsChannelWasClosedIsNotReadAsTheSameFile() throws IOException {
        Path file = file("replaced.bin", pattern(FileByteSource.MAX_CACHED + 8, 4));
        ByteSource src = open(file);
        src.u8(0);
        for (int i = 0; i < FileByteSource.MAX_OPEN; i++) {
            open(file("other" + i + ".bin", pattern(FileByteSource.MAX_CACHED + 8, 5))).u8(0);
        }
        Path other = file("new.bin", pattern(FileByteSource.MAX_CACHED + 8, 6));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
        ReadFailedException e = assertThrows(ReadFailedException.class, () -> src.u8(FileByteSource.MAX_CACHED));
        assertEquals(file + ": cannot open again: the file was replaced while it was read", e.getMessage());
    }
}
