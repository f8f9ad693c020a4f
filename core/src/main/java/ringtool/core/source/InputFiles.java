package ringtool.core.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens inputs without trusting them: what they are and how big, before any byte is read. */
public final class InputFiles {

    private InputFiles() {
    }

    /** Maps a regular file read-only. */
    public static ByteSource open(Path path) throws FramingException {
        if (Files.isDirectory(path)) {
            throw new FramingException("is a directory");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            throw new FramingException("no such file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new FramingException("empty file");
            }
            return MappedByteSource.map(channel, size);
        } catch (NoSuchFileException e) {
            throw new FramingException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new FramingException("permission denied", e);
        } catch (IOException e) {
            throw new FramingException("cannot read: " + e.getMessage(), e);
        }
    }
}
