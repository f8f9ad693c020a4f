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
        return switch (this) {
            case TEXT -> new TextWriter(out, text);
            case JSON -> new JsonWriter(out);
            case JSONL -> new JsonlWriter(out);
            case SARIF -> new SarifWriter(out);
        };
    }
}
