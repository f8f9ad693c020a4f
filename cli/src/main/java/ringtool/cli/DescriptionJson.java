package ringtool.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HexFormat;
import ringtool.core.bytes.ByteSource;
import ringtool.core.synth.DescriptionSink;
import ringtool.core.synth.HeaderFields;
import ringtool.core.synth.PacketDescription;

/**
 * A description written as {@link ringtool.core.synth.Describer} finds it, through Jackson's streaming generator:
 * the same JSON, byte for byte, as {@link SynthCommand#MAPPER} makes of the whole {@code DumpDescription}, without
 * the whole of it in memory. Each packet and header goes through the mapper (its snake_case names and u64 numbers),
 * the objects and lists around them are written here in the records' field order; a patch's hex is streamed from
 * the dump, however long it is.
 */
final class DescriptionJson implements DescriptionSink, Closeable {

    /** The mapper's serialization onto a generator of ours: no flush after each packet. */
    private static final ObjectWriter VALUES = SynthCommand.MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /** Opens where the JSON goes, when there is a description to write. */
    interface Target {
        Writer open() throws IOException;
    }

    private final Target target;
    private final boolean closeTarget;
    private JsonGenerator g;
    private boolean inRings;
    private boolean inPackets;
    private Patches inPatches;

    /** @param closeTarget whether {@link #close} closes what {@code target} opened (a file, not stdout) */
    DescriptionJson(Target target, boolean closeTarget) {
        this.target = target;
        this.closeTarget = closeTarget;
    }

    @Override
    public void begin(String layout, Long headerSize) throws IOException {
        g = SynthCommand.MAPPER.createGenerator(target.open());
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, closeTarget);
        g.setPrettyPrinter(SynthCommand.MAPPER.getSerializationConfig().constructDefaultPrettyPrinter());
        g.writeStartObject();
        g.writeStringField("layout", layout);
        if (headerSize != null) {
            g.writeNumberField("header_size", headerSize);
        }
        g.writeArrayFieldStart("rings");
        inRings = true;
    }

    @Override
    public void ring(long dataSize, Long start, HeaderFields header) throws IOException {
        g.writeStartObject();
        g.writeNumberField("data_size", dataSize);
        if (start != null) {
            g.writeNumberField("start", start);
        }
        if (header != null) {
            g.writeFieldName("header");
            VALUES.writeValue(g, header);
        }
        g.writeArrayFieldStart("packets");
        inPackets = true;
    }

    @Override
    public void packet(PacketDescription packet) throws IOException {
        VALUES.writeValue(g, packet);
    }

    @Override
    public void patch(Patches list, long offset, ByteSource dump, long fileOffset, int length) throws IOException {
        endPackets();
        if (list == Patches.SECOND_COPY && inRings) {
            g.writeEndArray();
            inRings = false;
        }
        if (inPatches != list) {
            endPatches();
            g.writeArrayFieldStart(switch (list) {
                case HEADER -> "header_patches";
                case DATA -> "patches";
                case SECOND_COPY -> "second_copy_patches";
            });
            inPatches = list;
        }
        g.writeStartObject();
        g.writeNumberField("offset", offset);
        g.writeFieldName("hex");
        g.writeString(new HexReader(dump, fileOffset, length), 2 * length);
        g.writeEndObject();
    }

    @Override
    public void endRing() throws IOException {
        endPackets();
        endPatches();
        g.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        if (inRings) {
            g.writeEndArray();
            inRings = false;
        }
        endPatches();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    @Override
    public void close() throws IOException {
        if (g != null) {
            g.close();
        }
    }

    private void endPackets() throws IOException {
        if (inPackets) {
            g.writeEndArray();
            inPackets = false;
        }
    }

    private void endPatches() throws IOException {
        if (inPatches != null) {
            g.writeEndArray();
            inPatches = null;
        }
    }

    /** Lower-case hex of bytes of the dump, read a chunk at a time. */
    private static final class HexReader extends Reader {
        private static final int CHUNK = 4096;
        private final ByteSource dump;
        private final byte[] bytes = new byte[CHUNK];
        private long at;
        private long left;
        private String hex = "";
        private int used;

        HexReader(ByteSource dump, long at, long length) {
            this.dump = dump;
            this.at = at;
            this.left = length;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (used == hex.length()) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(CHUNK, left);
                dump.copy(at, bytes, 0, n);
                at += n;
                left -= n;
                hex = HexFormat.of().formatHex(bytes, 0, n);
                used = 0;
            }
            int n = Math.min(length, hex.length() - used);
            hex.getChars(used, used + n, buffer, offset);
            used += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
