package ringtool.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of one {@code inspect} run, in the order their results are printed: the command-line files, then
 * the paths of {@code --files-from}; with {@code --recursive} a directory stands for the regular files below it,
 * sorted by name at every level so that runs are reproducible. Without {@code --recursive} a directory stays an
 * input, which then fails with "is a directory" like any other unreadable input.
 */
final class InputList {

    private InputList() {
    }

    /**
     * @param filesFrom a file with one path a line, "-" for stdin, or null
     * @param nul       the list is NUL-separated ({@code find -print0}) instead of newline-separated
     * @throws IOException when the list itself cannot be read
     */
    static List<Path> gather(List<Path> files, String filesFrom, boolean nul, boolean recursive, InputStream stdin)
            throws IOException {
        List<Path> named = new ArrayList<>(files == null ? List.of() : files);
        if (filesFrom != null) {
            byte[] list = "-".equals(filesFrom) ? readAll(stdin) : Files.readAllBytes(Path.of(filesFrom));
            named.addAll(parseList(new String(list, StandardCharsets.UTF_8), nul));
        }
        if (!recursive) {
            return named;
        }
        List<Path> out = new ArrayList<>();
        for (Path p : named) {
            if (Files.isDirectory(p)) {
                walk(p, out);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Empty entries are skipped (a trailing newline or NUL, a blank line); a CR before LF is dropped. */
    static List<Path> parseList(String text, boolean nul) {
        List<Path> out = new ArrayList<>();
        for (String entry : text.split(nul ? "\0" : "\n", -1)) {
            if (!nul && entry.endsWith("\r")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (!entry.isEmpty()) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    private static void walk(Path dir, List<Path> out) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                walk(p, out);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }
}
