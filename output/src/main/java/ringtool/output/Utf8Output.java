package ringtool.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as a {@link PrintWriter} that also lends its byte stream to Jackson: a UTF-8 generator writing
 * bytes skips the char buffer, the copy and the encoder that a generator over a {@link Writer} goes through,
 * which is most of the cost of a large JSON report. Whoever takes {@link #bytes()} flushes its generator before
 * the characters side is written again; the JSON writers flush at the end of every input anyway.
 */
public final class Utf8Output extends PrintWriter {

    private final OutputStream bytes;
    private final Quiet quiet;

    private Utf8Output(OutputStream bytes, Quiet quiet) {
        // Text output is many small printf calls: they want a char buffer in front of the encoder.
        super(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 13), false);
        this.bytes = bytes;
        this.quiet = quiet;
    }

    /**
     * @param bufferSize bytes buffered before they go to {@code out}. A failing {@code out} (a closed pipe, as
     *                   under {@code | head}) swallows the rest of the output, as a {@link PrintWriter} does,
     *                   and {@link #checkError()} reports it.
     */
    public static Utf8Output of(OutputStream out, int bufferSize) {
        Quiet quiet = new Quiet(out);
        return new Utf8Output(new BufferedOutputStream(quiet, bufferSize), quiet);
    }

    @Override
    public boolean checkError() {
        return super.checkError() || quiet.failed;
    }

    /** Drops writes after the first failure instead of throwing into the writers. */
    private static final class Quiet extends FilterOutputStream {
        private boolean failed;

        Quiet(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!failed) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    failed = true;
                }
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() {
            if (!failed) {
                try {
                    out.flush();
                } catch (IOException e) {
                    failed = true;
                }
            }
        }
    }

    /** The byte stream under this writer, with every character written so far already in it. */
    public OutputStream bytes() {
        flush();
        return bytes;
    }

    /**
     * A generator on the byte stream when {@code out} is one of these, else on the writer. The factory is shared
     * because {@code inspect --jobs} makes a writer per input and a factory is not cheap to make.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        if (out instanceof Utf8Output u) {
            return Factory.INSTANCE.createGenerator(u.bytes(), JsonEncoding.UTF8);
        }
        return Factory.INSTANCE.createGenerator(out);
    }

    /** A holder, so that text output never loads Jackson (30 ms of a short run). */
    private static final class Factory {
        static final JsonFactory INSTANCE = new JsonFactory();
    }
}
