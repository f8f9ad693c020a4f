package ringtool.output;

import java.io.PrintWriter;
import java.util.Locale;

/** The {@code --format} values. */
public enum Format {
    TEXT, JSON, JSONL, SARIF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReportWriter writer(PrintWriter out, TextOptions text) {
        return writer(out, text, false);
    }

    /** @param lineBuffered JSONL flushes every record (a terminal, or {@code --line-buffered}) */
    public ReportWriter writer(PrintWriter out, TextOptions text, boolean lineBuffered) {
        return switch (this) {
            case TEXT -> new TextWriter(out, text);
            case JSON -> new JsonWriter(out);
            case JSONL -> new JsonlWriter(out, lineBuffered);
            case SARIF -> new SarifWriter(out);
        };
    }
}
