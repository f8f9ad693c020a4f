package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCorpusTest {

    private static final Path COMMITTED = Path.of("..", "corpus");

    @Test
    void generatorWritesExactlyTheCommittedCorpus(@TempDir Path out) throws IOException {
        SeedCorpus.write(out);
        for (String dir : List.of("raw", "layout", "readers", "payload")) {
            List<String> generated = names(out.resolve(dir));
            List<String> committed = names(COMMITTED.resolve(dir));
            committed.remove(SeedCorpus.REAL);
            assertEquals(generated, committed, "files in corpus/" + dir);
            for (String name : generated) {
                assertArrayEquals(Files.readAllBytes(out.resolve(dir).resolve(name)),
                        Files.readAllBytes(COMMITTED.resolve(dir).resolve(name)), "corpus/" + dir + "/" + name);
            }
        }
        assertEquals(Files.readString(out.resolve("README.md")), Files.readString(COMMITTED.resolve("README.md")));
    }

    @Test
    void realCaptureIsTheSharedBalloonRing() throws IOException {
        assertEquals(40960, Files.size(COMMITTED.resolve("raw").resolve(SeedCorpus.REAL)));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new java.util.ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
