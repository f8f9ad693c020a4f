package ringtool.core.sysfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A device directory on disk: {@code /sys} itself or a copy ({@code cp -r}, an extracted tar). */
public final class DirectoryTree implements SysfsTree {

    /** sysfs text attributes are at most one page; a bigger file is not an attribute and is not read whole. */
    static final int MAX_ATTRIBUTE = 4096;

    private final Path root;

    public DirectoryTree(Path root) {
        this.root = root;
    }

    @Override
    public Attr read(String path) {
        Path file = root.resolve(path);
        if (!Files.exists(file)) {
            return new Missing();
        }
        if (!Files.isRegularFile(file)) {
            // sysfs attributes are regular files; opening a FIFO here would block until a writer came.
            return new Unreadable("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_ATTRIBUTE + 1);
            if (bytes.length > MAX_ATTRIBUTE) {
                return new Unreadable("larger than a sysfs attribute (" + MAX_ATTRIBUTE + " bytes)");
            }
            return new Value(new String(bytes, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (AccessDeniedException e) {
            return new Unreadable("permission denied");
        } catch (IOException e) {
            return new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    public List<String> directories(String path) {
        Path dir = root.resolve(path);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
