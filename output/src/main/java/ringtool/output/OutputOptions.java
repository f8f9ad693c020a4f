package ringtool.output;

import java.nio.file.Path;

/**
 * What a writer needs to know of the command line beyond the report.
 *
 * @param text         what the text format shows ({@code -V}, {@code -x}, {@code -c}; {@code -c} also bounds the
 *                     HTML tables)
 * @param lineBuffered JSONL flushes every record (a terminal, or {@code --line-buffered})
 * @param commandLine  the run's command line, which the HTML report shows; or null
 * @param directory    {@code --format svg -o DIR}: one file per ring there; or null for standard output
 */
public record OutputOptions(TextOptions text, boolean lineBuffered, String commandLine, Path directory) {
}
