package ringtool.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import ringtool.core.model.Models;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.payload.Protocols;
import ringtool.core.source.Layout;
import ringtool.fuzz.Target;
import ringtool.output.Format;

/**
 * What shell completion and the help offer for options whose values are not plain enum constants: the exact
 * spellings the converters accept, lower-case, so that a completed value is never refused.
 */
final class Candidates {

    private Candidates() {
    }

    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }

    /** sysfs has no pictures: a tree of text attributes is not a ring. */
    static final class SysfsFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).filter(f -> f != Format.SVG && f != Format.HTML).map(Format::id)
                    .iterator();
        }
    }

    static final class Layouts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Layout.values()).map(Layout::id).iterator();
        }
    }

    static final class ModelNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Models.NAMES.stream(), Stream.of(Models.ALL)).iterator();
        }
    }

    static final class PktBufferPresets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Models.PKT_BUFFER_PRESETS.keySet().iterator();
        }
    }

    static final class Targets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Arrays.stream(Target.values()).map(Target::id), Stream.of("all")).iterator();
        }
    }

    static final class ProtocolNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Stream.of(PayloadOptions.AUTO, PayloadOptions.NONE), Protocols.names().stream())
                    .iterator();
        }
    }

    static final class Rings implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("outbound", "inbound").iterator();
        }
    }
}
