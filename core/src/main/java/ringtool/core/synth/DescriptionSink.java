package ringtool.core.synth;

import java.io.IOException;
import ringtool.core.bytes.ByteSource;

/**
 * Where {@link Describer} puts a description as it finds it, in the order of its JSON (docs/contract.md): the
 * dump's fields, then each ring's fields, packets and patches, then the second copy's patches. Nothing is handed
 * over twice and nothing has to be kept: a ring of a million packets is written as it is walked.
 */
public interface DescriptionSink {

    /** The three lists of raw bytes, in the order they come. */
    enum Patches {
        /** {@code header_patches} of a ring. */
        HEADER,
        /** {@code patches} of a ring's data area. */
        DATA,
        /** {@code second_copy_patches} of a double-mapped dump, after the rings. */
        SECOND_COPY
    }

    /** @param headerSize null for the default 4096 */
    void begin(String layout, Long headerSize) throws IOException;

    /** A ring starts: its packets and patches follow. Null {@code start} and {@code header}: the defaults. */
    void ring(long dataSize, Long start, HeaderFields header) throws IOException;

    void packet(PacketDescription packet) throws IOException;

    /** A patch of {@code length} bytes of {@code dump} at {@code fileOffset}, to be written at {@code offset}. */
    void patch(Patches list, long offset, ByteSource dump, long fileOffset, int length) throws IOException;

    void endRing() throws IOException;

    void end() throws IOException;
}
