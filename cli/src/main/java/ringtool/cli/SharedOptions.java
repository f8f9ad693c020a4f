package ringtool.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.output.Format;

/**
 * What the commands' options share: the converters of {@code --format} and {@code --layout} (values in any case,
 * errors naming them all) and of paths, and the framing options they make.
 */
final class SharedOptions {

    private SharedOptions() {
    }

    /** The framing options of the command line; a header size given counts as fixed, so auto keeps it. */
    static FramingOptions framing(Layout layout, Long headerSize, Long dataSize) {
        return new FramingOptions(layout, headerSize == null ? FramingOptions.DEFAULT_HEADER_SIZE : headerSize,
                dataSize, headerSize != null);
    }

    /**
     * A path as picocli's built-in converter makes it ({@code Paths.get}), without its reflective call: on JDK 25
     * the first {@code Method.invoke} spins a method-handle accessor, milliseconds of a short run.
     */
    static final class PathConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(value);
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("expected text, json, jsonl, sarif, svg or html, got '"
                    + value + "'");
        }
    }

    static final class LayoutConverter implements CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            for (Layout l : Layout.values()) {
                if (l.id().equalsIgnoreCase(value)) {
                    return l;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "expected auto, single, uio-pair or double-mapped, got '" + value + "'");
        }
    }
}
