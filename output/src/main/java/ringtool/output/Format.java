package ringtool.output;

import java.io.PrintWriter;
import java.util.Locale;

/** The {@code --format} values. */
public enum Format {
    TEXT, JSON, JSONL, SARIF, SVG, HTML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReportWriter writer(PrintWriter out, TextOptions text) {
        return writer(out, text, false);
    }

    /** @param lineBuffered JSONL flushes every record (a terminal, or {@code --line-buffered}) */
    public ReportWriter writer(PrintWriter out, TextOptions text, boolean lineBuffered) {
        return writer(out, new OutputOptions(text, lineBuffered, null, null));
    }

    public ReportWriter writer(PrintWriter out, OutputOptions options) {
        TextOptions text = options.text();
        boolean lineBuffered = options.lineBuffered();
        return switch (this) {
            case SVG -> new SvgWriter(out, options.directory());
            case HTML -> new HtmlWriter(out, options.commandLine(),
                    text.maxPackets() == Long.MAX_VALUE ? HtmlWriter.DEFAULT_ROWS : text.maxPackets());
            case TEXT -> new TextWriter(out, text);
            case JSON -> new JsonWriter(out);
            case JSONL -> new JsonlWriter(out, lineBuffered);
            case SARIF -> new SarifWriter(out);
        };
    }
}
