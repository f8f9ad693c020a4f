package ringtool.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ringtool.core.bytes.BlockFileWriter;
import ringtool.core.synth.HeaderFields;
import ringtool.core.synth.PacketDescription;
import ringtool.core.synth.Patch;
import ringtool.core.synth.SynthException;
import ringtool.core.synth.Synthesizer;

/**
 * A description file turned into a dump as Jackson's streaming parser reads it, a packet bound at a time, so a
 * description of a million packets is never held. It takes the order {@code synth --from-dump} writes: layout and
 * header size before the rings, a ring's data size and start before its packets. Anything else (another order, an
 * unknown or repeated field, a value that does not bind, a description that cannot be written) is left to the
 * whole read of {@link SynthCommand}, which names the problem as it always has.
 */
final class DescriptionStream {

    private static final TypeReference<List<Patch>> PATCHES = new TypeReference<>() {
    };

    private final JsonParser p;
    private final Path dump;
    private BlockFileWriter file;
    private String layout;
    private Long headerSize;
    private Synthesizer.Streamed out;

    private DescriptionStream(JsonParser p, Path dump) {
        this.p = p;
        this.dump = dump;
    }

    /** Whether the dump {@code description} describes is now in {@code dump}; if not, read it whole. */
    static boolean write(Path description, Path dump) {
        try (InputStream in = Files.newInputStream(description);
             JsonParser p = SynthCommand.MAPPER.createParser(in)) {
            DescriptionStream s = new DescriptionStream(p, dump);
            try {
                return s.document();
            } finally {
                if (s.file != null) {
                    s.file.close();
                }
            }
        } catch (IOException | SynthException | UncheckedIOException e) {
            return false;
        }
    }

    private boolean document() throws IOException, SynthException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        List<Patch> secondCopy = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!seen.add(name) || seen.contains("rings") && !name.equals("rings") && !name.equals("comment")
                    && !name.equals("second_copy_patches")) {
                return false;
            }
            switch (name) {
                case "comment" -> SynthCommand.MAPPER.readValue(p, String.class);
                case "layout" -> layout = SynthCommand.MAPPER.readValue(p, String.class);
                case "header_size" -> headerSize = SynthCommand.MAPPER.readValue(p, Long.class);
                case "second_copy_patches" -> secondCopy = SynthCommand.MAPPER.readValue(p, PATCHES);
                case "rings" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        return false;
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT || !ring()) {
                            return false;
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        if (out == null || p.currentToken() != JsonToken.END_OBJECT) {
            return false;
        }
        out.end(secondCopy);
        return true;
    }

    private boolean ring() throws IOException, SynthException {
        Set<String> seen = new HashSet<>();
        Long dataSize = null;
        Long start = null;
        HeaderFields header = null;
        List<Patch> headerPatches = null;
        List<Patch> patches = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!seen.add(name) || seen.contains("packets") && (name.equals("data_size") || name.equals("start"))) {
                return false;
            }
            switch (name) {
                case "data_size" -> dataSize = SynthCommand.MAPPER.readValue(p, Long.class);
                case "start" -> start = SynthCommand.MAPPER.readValue(p, Long.class);
                case "header" -> header = SynthCommand.MAPPER.readValue(p, HeaderFields.class);
                case "header_patches" -> headerPatches = SynthCommand.MAPPER.readValue(p, PATCHES);
                case "patches" -> patches = SynthCommand.MAPPER.readValue(p, PATCHES);
                case "packets" -> {
                    if (dataSize == null || p.currentToken() != JsonToken.START_ARRAY) {
                        return false;
                    }
                    startRing(dataSize, start);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        out.packet(SynthCommand.MAPPER.readValue(p, PacketDescription.class));
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        if (dataSize == null || p.currentToken() != JsonToken.END_OBJECT) {
            return false;
        }
        if (!seen.contains("packets")) {
            startRing(dataSize, start);
        }
        out.endRing(header, headerPatches, patches);
        return true;
    }

    private void startRing(long dataSize, Long start) throws IOException, SynthException {
        if (out == null) {
            out = new Synthesizer.Streamed(layout, headerSize, dataSize, size -> {
                try {
                    file = new BlockFileWriter(FileChannel.open(dump, StandardOpenOption.READ,
                            StandardOpenOption.WRITE), size, SynthCommand.DUMP_BLOCK, SynthCommand.DUMP_BLOCKS);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return file::write;
            });
        }
        out.startRing(dataSize, start);
    }
}
