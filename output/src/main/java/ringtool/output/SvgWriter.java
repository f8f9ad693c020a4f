package ringtool.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.output.picture.RingPictures;

/**
 * {@code --format svg}: a picture of each input's rings, one SVG document per input on standard output; or, with
 * a directory, one file per ring ({@code <input>.<ring>.svg}), whose paths are what goes to standard output.
 */
public final class SvgWriter implements ReportWriter {

    private final PrintWriter out;
    private final Path directory;
    private final Set<String> written = new HashSet<>();

    /** @param directory where to write one file per ring, or null for one document per input on {@code out} */
    public SvgWriter(PrintWriter out, Path directory) {
        this.out = out;
        this.directory = directory;
    }

    @Override
    public void begin() {
        // An SVG document has no run-level envelope.
    }

    @Override
    public void input(InputReport report, IntSupplier exitCode) throws IOException {
        if (directory == null || report.error() != null) {
            if (directory == null) {
                RingPictures.document(out, report);
                out.flush();
            }
            return;
        }
        for (RingReport ring : report.rings()) {
            Path file = directory.resolve(unique(fileName(report.source()) + "." + ring.name()) + ".svg");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                RingPictures.document(w, report.source() + ": [" + ring.name() + "]", List.of(ring));
                if (w.checkError()) {
                    throw new UncheckedIOException(new IOException("cannot write " + file));
                }
            }
            out.println(file);
        }
        out.flush();
    }

    /** The input's last path element, with anything a file name should not hold replaced. */
    private static String fileName(String source) {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "input" + name : name;
    }

    /** Several inputs may share a name (every sysfs ring file is called {@code ring}): number the later ones. */
    private String unique(String base) {
        String name = base;
        for (int n = 2; !written.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    @Override
    public void end(RunTotals run, int exitCode) {
        out.flush();
    }
}
