package ringtool.core.source;

/**
 * The one checked exception of the reader: this input cannot be framed as rings at all (missing, unreadable,
 * a directory, empty, too small for a header and one page of data, or no layout explains it).
 *
 * <p>Everything else that is wrong with a ring is a {@link ringtool.core.rules.Finding}; the message here is
 * one line, without the file name, for the CLI to print as {@code ringtool inspect: <file>: <message>}.
 */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
