package ringtool.core.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.synth.RingWriter;

/**
 * Writes big single-ring dumps straight to disk, for the memory-bound tests and the benchmarks, where
 * a {@link RingWriter}'s in-heap array would defeat the point: in-band packets encoded by it one at a time, from data
 * offset 0, then the file is extended sparsely to the full data size.
 */
public final class RingFiles {

    private static final byte[] NONE = new byte[0];

    private RingFiles() {
    }

    /**
     * @param payload bytes of payload per packet (padded to 8)
     * @return the data-area bytes the packets take (the write index)
     */
    public static long inband(Path file, long dataSize, long packets, int payload) throws IOException {
        byte[] letters = new byte[payload];
        for (int b = 0; b < payload; b++) {
            letters[b] = (byte) (0x41 + b % 26);
        }
        long footprint = footprint(payload);
        long used = footprint * packets;
        if (used >= dataSize || dataSize % RingHeader.HOST_PAGE_SIZE != 0) {
            throw new IllegalArgumentException(packets + " packets of " + footprint + " bytes do not fit " + dataSize);
        }
        byte[] header = new RingWriter(RingHeader.HOST_PAGE_SIZE, (int) footprint).writeIndex(used).buildHeader();
        ByteBuffer trailer = ByteBuffer.allocate(PacketDescriptor.TRAILER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header);
            for (long i = 0; i < packets; i++) {
                out.write(RingWriter.encode(PacketType.DATA_INBAND, 0, i, NONE, letters));
                out.write(trailer.putLong(0, PacketDescriptor.expectedTrailer(i * footprint)).array());
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(RingHeader.HOST_PAGE_SIZE + dataSize);
        }
        return used;
    }

    /** Bytes of ring an in-band packet with this much payload takes, its trailer included. */
    public static long footprint(int payload) {
        return (long) RingWriter.len8(RingWriter.offset8(0), payload) * PacketDescriptor.ALIGNMENT
                + PacketDescriptor.TRAILER_SIZE;
    }

    /** Command line for the benchmark script: {@code FILE DATA_SIZE PACKETS PAYLOAD}. */
    public static void main(String[] args) throws IOException {
        inband(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
    }
}
