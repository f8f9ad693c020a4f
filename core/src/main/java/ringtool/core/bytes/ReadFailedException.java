package ringtool.core.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file that read fine when it was opened fails a later read: it shrank, was replaced, or the device failed. A
 * {@link ByteSource} has no checked exceptions (the walk reads a few bytes at a time and cannot stop to declare
 * them), so this one is unchecked; the command that catches it reports the file as unreadable (docs/contract.md §2:
 * exit 3), not as a bug in ringtool. The message starts with the file's name.
 */
public final class ReadFailedException extends UncheckedIOException {

    public ReadFailedException(String message, IOException cause) {
        super(message, cause);
    }
}
