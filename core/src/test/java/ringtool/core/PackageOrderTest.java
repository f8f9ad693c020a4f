package ringtool.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The order of core's packages: a byte travels up from {@code bytes} to the reports, and each package uses only
 * packages below it, so that no change low down has to know about one higher up. A package's subpackages
 * ({@code payload.balloon}) count as the package.
 */
class PackageOrderTest {

    private static final Path MAIN = Path.of("src/main/java/ringtool/core");

    /** Lowest first; a package may use those of lower layers, never its own layer's or a higher one's. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            // byte access and the rule registry: nothing of ours
            Map.entry("bytes", 0), Map.entry("rules", 0),
            // the wire format as records
            Map.entry("format", 1),
            // opening and framing inputs; the data area's view and the strict walk
            Map.entry("source", 2), Map.entry("walk", 2),
            // what builds on framed rings and their walk
            Map.entry("image", 3), Map.entry("history", 3), Map.entry("model", 3), Map.entry("payload", 3),
            // what leaves the core for one ring and one input
            Map.entry("report", 4),
            // the front doors: dumps, memory images, sysfs trees
            Map.entry("inspect", 5), Map.entry("carve", 5), Map.entry("sysfs", 5),
            // descriptions to bytes and back, through the reader
            Map.entry("synth", 6));

    /**
     * Upward uses that exist today and are to go; the test fails when one is gone too, so that it leaves this list.
     */
    private static final Set<String> KNOWN_UPWARD = Set.of();

    private static final Pattern REFERENCE = Pattern.compile("\\bringtool\\.core\\.([a-z]+)\\.");

    @Test
    void everyPackageHasALayer() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> unplaced = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(p -> !LAYER.containsKey(p)).sorted().toList();
            assertEquals(List.of(), unplaced, "add each new package to PackageOrderTest.LAYER");
        }
    }

    @Test
    void eachPackageUsesOnlyPackagesBelowIt() throws IOException {
        Set<String> upward = new TreeSet<>();
        for (String from : LAYER.keySet()) {
            for (String to : uses(from)) {
                if (!to.equals(from) && LAYER.containsKey(to) && LAYER.get(to) >= LAYER.get(from)) {
                    upward.add(from + " -> " + to);
                }
            }
        }
        assertEquals(new TreeSet<>(KNOWN_UPWARD), upward);
    }

    @Test
    void bytesUsesNothingOfOurs() throws IOException {
        Set<String> used = uses("bytes");
        used.remove("bytes");
        assertEquals(Set.of(), used);
    }

    /** The packages that the sources of {@code pkg} (and its subpackages) name, imports and qualified names alike. */
    private static Set<String> uses(String pkg) throws IOException {
        Set<String> out = new TreeSet<>();
        Path dir = MAIN.resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Matcher m = REFERENCE.matcher(read(p));
                while (m.find()) {
                    out.add(m.group(1));
                }
            });
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
