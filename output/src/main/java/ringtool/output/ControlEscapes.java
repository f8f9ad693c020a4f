package ringtool.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text for a terminal: control characters that reach it from an input (a sysfs attribute, a dump's release
 * string, a file name) are written as {@code \xNN}, so that no escape sequence from a hostile file moves the
 * cursor, retitles the window or hides a line. Newlines and tabs that the writers themselves print pass.
 */
public final class ControlEscapes extends Writer {

    private final Writer out;

    private ControlEscapes(Writer out) {
        this.out = out;
    }

    /** A writer that escapes what it is given and writes it to {@code out}, unbuffered. */
    public static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new ControlEscapes(out));
    }

    /** {@code text} with its control characters escaped, for a line printed another way (stderr). */
    public static String escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                StringBuilder b = new StringBuilder(text.length() + 8);
                for (int k = 0; k < text.length(); k++) {
                    append(b, text.charAt(k));
                }
                return b.toString();
            }
        }
        return text;
    }

    static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    private static void append(StringBuilder b, char c) {
        if (isControl(c)) {
            b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
        } else {
            b.append(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int run = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = buf[i];
            if (isControl(c)) {
                out.write(buf, run, i - run);
                out.write(new char[] {'\\', 'x', Character.forDigit(c >> 4, 16), Character.forDigit(c & 0xf, 16)});
                run = i + 1;
            }
        }
        out.write(buf, run, end - run);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
