package ringtool.core.bytes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ringtool.core.walk.RingView;

/**
 * The bulk scans and counts behind reserved-field checks and double-map detection, on each kind of source: the heap
 * array (its own override), a file read through the block cache and a view that only has the primitive reads (both
 * through {@link Scan}). The image is longer than three {@link Scan#CHUNK}s so that answers past the first chunk are
 * counted right.
 */
class ScanTest {

    private static final int SIZE = 3 * Scan.CHUNK + 100;

    @TempDir
    static Path dir;

    static List<String> kinds() {
        return List.of("array", "file", "view");
    }

    private static ByteSource source(String kind, byte[] bytes) throws IOException {
        switch (kind) {
            case "array":
                return ByteSource.of(bytes);
            case "file":
                Path file = Files.write(dir.resolve("scan-" + System.nanoTime() + ".bin"), bytes);
                return FileByteSource.cached(file, FileChannel.open(file, StandardOpenOption.READ), bytes.length);
            default:
                // Offset 8 into a longer array: the view must add its start to every read.
                byte[] shifted = new byte[bytes.length + 8];
                System.arraycopy(bytes, 0, shifted, 8, bytes.length);
                return new RingView(ByteSource.of(shifted), 8, bytes.length);
        }
    }

    private static <T> T apply(String kind, Function<byte[], byte[]> image, Function<ByteSource, T> call)
            throws IOException {
        return call.apply(source(kind, image.apply(new byte[SIZE])));
    }

    private static long scan(String kind, Function<byte[], byte[]> image, Function<ByteSource, Long> call)
            throws IOException {
        return apply(kind, image, call);
    }

    private static final int HALF = SIZE / 2;

    /** The same non-zero pattern in both halves of the image. */
    private static byte[] twoCopies(byte[] b) {
        for (int i = 0; i < HALF; i++) {
            b[i] = (byte) (i * 31);
            b[HALF + i] = (byte) (i * 31);
        }
        return b;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void firstNonZeroOfAnAllZeroRangeIsMinusOne(String kind) throws IOException {
        assertEquals(-1, scan(kind, b -> b, s -> s.firstNonZero(0, SIZE)));
        assertEquals(-1, scan(kind, b -> b, s -> s.firstNonZero(5, 0)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void firstNonZeroCountsFromTheStartOfTheRangeAcrossChunks(String kind) throws IOException {
        int at = 2 * Scan.CHUNK + 17;
        Function<byte[], byte[]> plant = b -> {
            b[at] = 1;
            b[SIZE - 1] = (byte) 0x80;
            return b;
        };
        assertEquals(at - 3, scan(kind, plant, s -> s.firstNonZero(3, SIZE - 3)));
        assertEquals(0, scan(kind, plant, s -> s.firstNonZero(at, 1)));
        assertEquals(-1, scan(kind, plant, s -> s.firstNonZero(at + 1, SIZE - at - 2)));
        assertEquals(SIZE - at - 2, scan(kind, plant, s -> s.firstNonZero(at + 1, SIZE - at - 1)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mismatchOfTwoEqualCopiesIsMinusOneAndOfDifferentOnesTheFirstDifference(String kind) throws IOException {
        Function<byte[], byte[]> copies = ScanTest::twoCopies;
        assertEquals(-1, scan(kind, copies, s -> s.mismatch(0, HALF, HALF)));
        int differ = Scan.CHUNK + 5;
        Function<byte[], byte[]> torn = copies.andThen(b -> {
            b[HALF + differ] ^= 0x40;
            return b;
        });
        assertEquals(differ, scan(kind, torn, s -> s.mismatch(0, HALF, HALF)));
        assertEquals(-1, scan(kind, torn, s -> s.mismatch(0, HALF, differ)));
        assertEquals(0, scan(kind, torn, s -> s.mismatch(differ, HALF + differ, 1)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void countNonZeroCountsEveryByteAcrossChunksAndAShortLastWord(String kind) throws IOException {
        // Two in one word, one in the next (a run of words), one past a chunk, one in the last word of the range, which
        // from offset 1 holds 3 bytes.
        Function<byte[], byte[]> plant = b -> {
            b[3] = 1;
            b[4] = (byte) 0xFF;
            b[11] = (byte) 0x80;
            b[Scan.CHUNK + 5] = 2;
            b[SIZE - 1] = 3;
            return b;
        };
        assertEquals(new ByteCount(5, 2, SIZE - 2), apply(kind, plant, s -> s.countNonZero(1, SIZE - 1)));
        assertEquals(new ByteCount(3, 0, 8), apply(kind, plant, s -> s.countNonZero(3, Scan.CHUNK)));
        assertEquals(new ByteCount(0, -1, -1), apply(kind, plant, s -> s.countNonZero(12, Scan.CHUNK - 12)));
        assertEquals(new ByteCount(0, -1, -1), apply(kind, b -> b, s -> s.countNonZero(0, SIZE)));
        // The only byte set lies past the first chunk: its offset counts the chunks before it.
        Function<byte[], byte[]> late = b -> {
            b[Scan.CHUNK + 5] = 4;
            return b;
        };
        assertEquals(new ByteCount(1, Scan.CHUNK + 5, Scan.CHUNK + 5), apply(kind, late, s -> s.countNonZero(0, SIZE)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void countDifferingCountsTheBytesThatDifferBetweenTwoCopies(String kind) throws IOException {
        Function<byte[], byte[]> copies = ScanTest::twoCopies;
        assertEquals(new ByteCount(0, -1, -1), apply(kind, copies, s -> s.countDiffering(0, HALF, HALF)));
        // 20 differing bytes in a row over four words, one more past the first chunk, and two in the range's last
        // words, the very last a 2-byte word (the copies are 1.5 chunks long).
        Function<byte[], byte[]> torn = copies.andThen(b -> {
            for (int i = 0; i < 20; i++) {
                b[HALF + 6 + i] ^= 0x01;
            }
            b[HALF + Scan.CHUNK + 1] ^= 0x40;
            b[2 * HALF - 16] ^= 0x02;
            b[2 * HALF - 1] ^= 0x02;
            return b;
        });
        assertEquals(new ByteCount(23, 6, HALF - 1), apply(kind, torn, s -> s.countDiffering(0, HALF, HALF)));
        assertEquals(new ByteCount(3, 1, HALF - 1 - Scan.CHUNK),
                apply(kind, torn, s -> s.countDiffering(Scan.CHUNK, HALF + Scan.CHUNK, HALF - Scan.CHUNK)));
        assertEquals(new ByteCount(20, 6, 25), apply(kind, torn, s -> s.countDiffering(0, HALF, Scan.CHUNK)));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRangeOutsideTheSourceIsRefusedBeforeAnyRead(String kind) throws IOException {
        ByteSource s = source(kind, new byte[SIZE]);
        assertThrows(IndexOutOfBoundsException.class, () -> s.firstNonZero(SIZE - 4, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.firstNonZero(-1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> s.mismatch(0, SIZE - 4, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.mismatch(SIZE - 4, 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.countNonZero(SIZE - 4, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.countDiffering(0, SIZE - 4, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.countDiffering(SIZE - 4, 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> s.countDiffering(0, -1, 4));
    }
}
