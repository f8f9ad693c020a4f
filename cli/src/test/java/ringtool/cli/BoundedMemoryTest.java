package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.synth.RingWriter;
import ringtool.core.testing.RingFiles;

/**
 * Big inputs in a small heap: the CLI runs in a child JVM with {@code -Xmx64m} on sparse files far bigger than
 * the heap and on a ring of a million packets. Copying an input into the heap, or holding its packets, would
 * end in an OutOfMemoryError (exit 4), so these pass only if the reader maps and the writers stream.
 */
class BoundedMemoryTest {

    private static final long GIB = 1 << 30;

    @TempDir
    Path dir;

    record Child(int code, long packetLines, String last, String err) {
    }

    /** Runs {@code ringtool} under -Xmx64m and reads its stdout as it comes: packet lines counted, the last non-empty one kept. */
    private static Child ringtool(String packetPrefix, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile("ringtool-err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        long packets = 0;
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(packetPrefix)) {
                    packets++;
                }
                if (!line.isEmpty()) {
                    last = line;
                }
            }
        }
        int code = p.waitFor();
        String stderr = Files.readString(err);
        Files.delete(err);
        return new Child(code, packets, last, stderr);
    }

    @Test
    void aOneGibRingOfAMillionPacketsStreamsAsJsonlIn64MibOfHeap() throws Exception {
        Path ring = dir.resolve("gib.bin");
        long packets = 1_000_000;
        RingFiles.inband(ring, GIB - 4096, packets, 40);
        assertEquals(GIB, Files.size(ring));
        Child c = ringtool("{\"record\":\"packet\"", "inspect", "--format", "jsonl", ring.toString());
        assertEquals("", c.err());
        assertEquals(0, c.code());
        assertEquals(packets, c.packetLines());
        assertTrue(c.last().startsWith("{\"record\":\"summary\",\"schema\":\"ringtool/1\",\"source\":null,"
                + "\"scope\":\"run\",\"inputs\":1,\"failed_inputs\":0,\"exit_code\":0,\"packets\":1000000,"), c.last());
    }

    @Test
    void aFourGibFileIsInspectedAsTextAndJsonIn64MibOfHeap() throws Exception {
        Path ring = dir.resolve("4gib.bin");
        RingFiles.inband(ring, 4 * GIB - 4096, 20_000, 200);
        assertEquals(4 * GIB, Files.size(ring));
        Child text = ringtool("  ", "inspect", "--layout", "single", ring.toString());
        assertEquals("", text.err());
        assertEquals(0, text.code());
        assertEquals(ring + ": 20000 packets, 0 errors, 0 warnings, 0 notes; exit 0", text.last());
        Child json = ringtool("      \"index\"", "inspect", "--layout", "single", "--format", "json", ring.toString());
        assertEquals(0, json.code());
        assertEquals("}", json.last());
    }

    /**
     * 256 MiB of raw memory, sparse, with a ring header (Linux's initial one) every 16 MiB: eight pairs of
     * 16 MiB rings, 256 MiB of ring bytes in all, which the report and --out must read from the image, not hold.
     */
    @Test
    void carvedRingsAreReadFromTheImageNotHeldIn64MibOfHeap() throws Exception {
        Path image = dir.resolve("sparse.raw");
        long stride = 16 << 20;
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(16 * stride);
            byte[] header = new byte[4096];
            header[RingHeader.FEATURE_BITS_OFFSET] = (byte) RingHeader.FEATURE_PENDING_SEND_SIZE;
            for (int k = 0; k < 16; k++) {
                f.seek(k * stride);
                f.write(header);
            }
        }
        Path out = dir.resolve("rings");
        Child c = ringtool("      \"physical_address\"", "carve", "--raw", "--format", "json", "--out", out.toString(),
                image.toString());
        // Only the lines naming what --out wrote.
        assertEquals("", c.err().replaceAll("(?m)^ringtool carve: wrote .*\n", ""));
        assertEquals(0, c.code());
        assertEquals(16, c.packetLines());
        assertEquals("}", c.last());
        try (var files = Files.list(out)) {
            assertEquals(List.of(2 * stride), files.filter(p -> p.toString().endsWith(".bin")).map(p -> {
                try {
                    return Files.size(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct().toList());
        }
    }

    /**
     * A valid 16 MiB ring of 24-byte packets (descriptor and trailer only), read index at the half: 349,524
     * consumed packets behind it for --history, as many live ones for every model to read.
     */
    @Test
    void modelsAndHistoryOverASixteenMibRingOfSmallPacketsRunIn64MibOfHeap() throws Exception {
        long dataSize = 16 << 20;
        int packets = (int) (dataSize / 24) & ~1;
        long half = 24L * (packets / 2);
        ByteBuffer ring = ByteBuffer.allocate((int) (4096 + dataSize)).order(ByteOrder.LITTLE_ENDIAN);
        ring.putInt(RingHeader.WRITE_INDEX_OFFSET, 24 * packets).putInt(RingHeader.READ_INDEX_OFFSET, (int) half)
                .putInt(RingHeader.FEATURE_BITS_OFFSET, 1);
        for (int i = 0; i < packets; i++) {
            int at = 4096 + 24 * i;
            ring.put(at, RingWriter.encode(PacketType.DATA_INBAND, 0, i, new byte[0], new byte[0]));
            ring.putLong(at + 16, PacketDescriptor.expectedTrailer(24L * i));
        }
        Path file = dir.resolve("small-packets.bin");
        Files.write(file, ring.array());
        Child c = ringtool("{\"record\":\"packet\"", "inspect", "--layout", "single", "--model", "all", "--history",
                "--format", "jsonl", file.toString());
        assertEquals("", c.err());
        assertEquals(0, c.code());
        assertEquals(packets, c.packetLines());
        assertTrue(c.last().startsWith("{\"record\":\"summary\",\"schema\":\"ringtool/1\",\"source\":null,"
                + "\"scope\":\"run\",\"inputs\":1,\"failed_inputs\":0,\"exit_code\":0,\"packets\":" + packets / 2 + ","),
                c.last());
    }

    /**
     * A 128 MiB ring of a million packets, the first half already read (behind the read index) and one stale byte
     * at the end of the data area: its description is written as the ring is walked, not built and then written,
     * and the description (170 MB of JSON) is read back a packet at a time into the same bytes.
     */
    @Test
    void synthDescribesARingOfAMillionPacketsAndWritesItBackIn64MibOfHeap() throws Exception {
        Path ring = dir.resolve("described.bin");
        long packets = 1_000_000;
        long dataSize = 128 << 20;
        RingFiles.inband(ring, dataSize, packets, 40);
        try (RandomAccessFile f = new RandomAccessFile(ring.toFile(), "rw")) {
            f.seek(RingHeader.READ_INDEX_OFFSET);
            f.write(ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) (packets / 2 * RingFiles.footprint(40))).array());
            f.seek(RingHeader.HOST_PAGE_SIZE + dataSize - 1);
            f.write(0x5a);
        }
        Child c = ringtool("      \"type\" : ", "synth", "--from-dump", ring.toString());
        assertEquals("", c.err());
        assertEquals(0, c.code());
        assertEquals(packets, c.packetLines());
        assertEquals("}", c.last());
        Path description = dir.resolve("described.json");
        Path rebuilt = dir.resolve("rebuilt.bin");
        assertEquals(0, ringtool("", "synth", "--from-dump", ring.toString(), "-o", description.toString()).code());
        Child back = ringtool("", "synth", description.toString(), "-o", rebuilt.toString());
        assertEquals("", back.err());
        assertEquals(0, back.code());
        assertEquals(-1, Files.mismatch(ring, rebuilt));
    }
}
