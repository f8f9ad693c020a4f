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
import ringtool.core.format.RingHeader;

/**
 * Writes big single-ring dumps straight to disk, for the memory-bound tests and the benchmarks, where
 * {@link RingBuilder}'s in-heap arrays would defeat the point: in-band packets laid out as Linux writes them
 * from data offset 0, then the file is extended sparsely to the full data size.
 */
public final class RingFiles {

    private RingFiles() {
    }

    /**
     * @param payload bytes of payload per packet (padded to 8)
     * @return the data-area bytes the packets take (the write index)
     */
    public static long inband(Path file, long dataSize, long packets, int payload) throws IOException {
        int total = (PacketDescriptor.SIZE + payload + 7) / 8 * 8;
        long footprint = total + PacketDescriptor.TRAILER_SIZE;
        long used = footprint * packets;
        if (used >= dataSize || dataSize % RingHeader.HOST_PAGE_SIZE != 0) {
            throw new IllegalArgumentException(packets + " packets of " + footprint + " bytes do not fit " + dataSize);
        }
        ByteBuffer header = ByteBuffer.allocate(RingHeader.HOST_PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(RingHeader.WRITE_INDEX_OFFSET, (int) used).putInt(RingHeader.READ_INDEX_OFFSET, 0)
                .putInt(RingHeader.FEATURE_BITS_OFFSET, 1);
        ByteBuffer packet = ByteBuffer.allocate((int) footprint).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header.array());
            for (long i = 0; i < packets; i++) {
                long at = i * footprint;
                packet.clear();
                packet.putShort((short) 6).putShort((short) (PacketDescriptor.SIZE / 8)).putShort((short) (total / 8))
                        .putShort((short) 0).putLong(i);
                for (int b = 0; b < payload; b++) {
                    packet.put((byte) (0x41 + b % 26));
                }
                while (packet.position() < total) {
                    packet.put((byte) 0);
                }
                packet.putLong(PacketDescriptor.expectedTrailer(at));
                out.write(packet.array());
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(RingHeader.HOST_PAGE_SIZE + dataSize);
        }
        return used;
    }

    /** Command line for the benchmark script: {@code FILE DATA_SIZE PACKETS PAYLOAD}. */
    public static void main(String[] args) throws IOException {
        inband(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
    }
}
