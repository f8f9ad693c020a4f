package ringtool.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of one {@code inspect} run, in the order their results are printed: the command-line files, then
 * the paths of {@code --files-from}; with {@code --recursive} a directory stands for the regular files below it,
 * sorted by name at every level so that runs are reproducible. Without {@code --recursive} a directory stays an
 * input, which then fails with "is a directory" like any other unreadable input.
 *
 * <p>Bounded whatever the list: an entry longer than {@link #MAX_ENTRY} bytes or a list longer than
 * {@link #MAX_LIST} ends the run with a usage error ({@code --files-from /dev/zero} would otherwise fill the
 * heap), and a walk follows no link to a directory, so that a link to its own folder is not walked forever.
 */
final class InputList {

    /** Linux's PATH_MAX. */
    static final int MAX_ENTRY = 4096;
    static final long MAX_LIST = 64L << 20;

    /** One input: the name it is reported by, and its path, or null when the name is no path (a NUL in it). */
    record Input(String source, Path path) {
        static Input of(Path path) {
            return new Input(path.toString(), path);
        }
    }

    private InputList() {
    }

    /**
     * @param filesFrom a file with one path a line, "-" for stdin, or null
     * @param nul       the list is NUL-separated ({@code find -print0}) instead of newline-separated
     * @throws IOException when the list itself cannot be read, or is beyond the bounds
     */
    static List<Input> gather(List<Path> files, String filesFrom, boolean nul, boolean recursive, InputStream stdin)
            throws IOException {
        return gather(files, filesFrom, nul, recursive, stdin, null);
    }

    /** @param include with {@code recursive}: keep only the files found below a directory that it matches, or null */
    static List<Input> gather(List<Path> files, String filesFrom, boolean nul, boolean recursive, InputStream stdin,
                              PathMatcher include) throws IOException {
        List<Input> named = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> named.add(Input.of(f)));
        }
        if (filesFrom != null) {
            if ("-".equals(filesFrom)) {
                read(stdin, nul, named);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(filesFrom))) {
                    read(in, nul, named);
                }
            }
        }
        if (!recursive) {
            return named;
        }
        List<Input> out = new ArrayList<>();
        for (Input input : named) {
            if (input.path() != null && Files.isDirectory(input.path())) {
                walk(input.path(), out, include);
            } else {
                out.add(input);
            }
        }
        return out;
    }

    /**
     * One entry a line (or between NULs), read as it streams. Empty entries are skipped (a trailing newline or NUL,
     * a blank line); a CR before LF is dropped.
     */
    private static void read(InputStream in, boolean nul, List<Input> out) throws IOException {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        byte separator = (byte) (nul ? 0 : '\n');
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            total += n;
            if (total > MAX_LIST) {
                throw new IOException("the list is longer than " + MAX_LIST + " bytes");
            }
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == separator) {
                    // Empty entries (a run of separators) are skipped without a look.
                    if (i > from || entry.size() > 0) {
                        append(entry, chunk, from, i - from);
                        add(entry, nul, out);
                        entry.reset();
                    }
                    from = i + 1;
                }
            }
            append(entry, chunk, from, n - from);
        }
        add(entry, nul, out);
    }

    private static void append(ByteArrayOutputStream entry, byte[] bytes, int from, int length) throws IOException {
        if (entry.size() + length > MAX_ENTRY) {
            throw new IOException("an entry is longer than " + MAX_ENTRY + " bytes (PATH_MAX)");
        }
        entry.write(bytes, from, length);
    }

    private static void add(ByteArrayOutputStream bytes, boolean nul, List<Input> out) {
        String entry = bytes.toString(StandardCharsets.UTF_8);
        if (!nul && entry.endsWith("\r")) {
            entry = entry.substring(0, entry.length() - 1);
        }
        if (entry.isEmpty()) {
            return;
        }
        try {
            out.add(new Input(entry, Path.of(entry)));
        } catch (InvalidPathException e) {
            out.add(new Input(entry.replace("\0", "\\0"), null));
        }
    }

    /** Entries of a text list, as {@link #gather} reads them. */
    static List<Input> parseList(String text, boolean nul) throws IOException {
        List<Input> out = new ArrayList<>();
        read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), nul, out);
        return out;
    }

    /** Whether a glob matches the path's file name or any tail of it (*&#47;ring matches .../channels/1/ring). */
    static boolean matches(PathMatcher include, Path p) {
        for (int i = p.getNameCount() - 1; i >= 0; i--) {
            if (include.matches(p.subpath(i, p.getNameCount()))) {
                return true;
            }
        }
        return false;
    }

    private static void walk(Path dir, List<Input> out, PathMatcher include) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        entries.sort(null);
        for (Path p : entries) {
            BasicFileAttributes a = attributes(p);
            if (a == null) {
                continue;
            }
            if (a.isDirectory()) {
                walk(p, out, include);
            } else if ((a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(p))
                    && (include == null || matches(include, p))) {
                out.add(Input.of(p));
            }
        }
    }

    /** The entry itself, not what a link names (one system call: a link is followed only to see if it names a file). */
    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // Gone since the listing, or unreadable: neither a directory to walk nor a file to inspect.
            return null;
        }
    }
}
