package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.synth.RingWriter;

class CarveCommandTest {

    private static final int PAIR = 0x40000;

    @TempDir
    Path tmp;

    /** 1 MiB of raw memory, zero but for a channel's pair at 0x40000 (2 consumed outbound packets, 1 live inbound). */
    private Path rawImage() throws IOException {
        RingWriter out = new RingWriter(16384).inband(1, "version".getBytes()).inband(2, "caps....".getBytes());
        out.readIndex(out.cursor());
        RingWriter in = new RingWriter(16384).inband(9, "response".getBytes());
        byte[] pair = RingWriter.pair(out, in);
        byte[] image = new byte[1 << 20];
        System.arraycopy(pair, 0, image, PAIR, pair.length);
        Path file = tmp.resolve("guest.raw");
        Files.write(file, image);
        return file;
    }

    @Test
    void rawImageIsCarvedIntoATableOfRings() throws IOException {
        Path image = rawImage();
        CliRun r = CliRun.of("carve", "--raw", image.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(image + ": raw physical memory, 1048576 bytes from physical address 0; 1 MiB in 256 pages"
                + " scanned, 2 ring headers, 2 rings at confidence >= 0.50\n"
                + "  physical       ring      pair      data  conf      write       read packets errors\n"
                + "  0x40000        outbound     0     16384  0.85         64         64       0      0\n"
                + "                 header as Linux initialises it; next header 20480 bytes on (data size 16384);"
                + " 2 trailers chain back from read_index 64\n"
                + "  0x45000        inbound      0     16384  0.80         32          0       1      0\n"
                + "                 header as Linux initialises it; previous header 20480 bytes before (data size"
                + " 16384); 1 live packet ends at write_index 32\n", r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
    }

    @Test
    void jsonCarriesTheContainerAndTheCarveFieldsOfEachRing() throws IOException {
        CliRun r = CliRun.of("carve", "--raw", "--format", "json", rawImage().toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode input = new ObjectMapper().readTree(r.out()).get("inputs").get(0);
        assertEquals("raw", input.get("container").asText());
        JsonNode inbound = input.get("rings").get(1);
        assertEquals(PAIR + 0x5000, inbound.get("physical_address").asLong());
        assertEquals(0, inbound.get("pair").asInt());
        assertEquals(0.8, inbound.get("confidence").asDouble());
        assertEquals("inbound", inbound.get("name").asText());
        assertEquals(1, inbound.get("packets").size());
        assertEquals(PAIR + 0x5000 + 4096, inbound.get("packets").get(0).get("file_offset").asLong());
    }

    @Test
    void outWritesEachPairAsAUioPairDumpThatInspectReads() throws Exception {
        Path image = rawImage();
        Path dir = tmp.resolve("rings");
        CliRun r = CliRun.of("carve", "--raw", "--out", dir.toString(), "--format", "json", image.toString());
        assertEquals(0, r.exit(), r.err());
        Path dump = dir.resolve("guest.raw-pair-0x40000.bin");
        assertEquals("ringtool carve: wrote " + dump + "\nringtool carve: wrote " + dir.resolve(".guest.raw.index.json")
                + "\n", r.err());
        // What the shell's DIR/* gives: the hidden index is not among the inputs.
        Process glob = new ProcessBuilder("bash", "-c", "printf '%s\\n' \"$0\"/*", dir.toString()).start();
        String[] expanded = new String(glob.getInputStream().readAllBytes()).strip().split("\n");
        assertEquals(List.of(dump.toString()), List.of(expanded));
        assertTrue(Arrays.equals(Arrays.copyOfRange(Files.readAllBytes(image), PAIR, PAIR + 40960),
                Files.readAllBytes(dump)));
        JsonNode index = new ObjectMapper().readTree(dir.resolve(".guest.raw.index.json").toFile());
        assertEquals("guest.raw-pair-0x40000.bin", index.get("files").get(0).get("file").asText());
        assertEquals("uio-pair", index.get("files").get(0).get("layout").asText());
        CliRun inspect = CliRun.of("inspect", "--format", "json", dump.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertEquals("uio-pair", new ObjectMapper().readTree(inspect.out()).get("inputs").get(0).get("layout")
                .asText());
    }

    @Test
    void inspectRefusesAVmcoreAndNamesCarve() throws IOException {
        byte[] kdump = new byte[65536];
        System.arraycopy("KDUMP   ".getBytes(), 0, kdump, 0, 8);
        Path file = tmp.resolve("vmcore");
        Files.write(file, kdump);
        CliRun r = CliRun.of("inspect", file.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + file + ": this is a vmcore (kdump-compressed): use 'ringtool carve'\n",
                r.err().replace("\r\n", "\n"));
    }

    @Test
    void inspectRefusesAnElfCoreAndAnyOtherElfFileWithTheirOwnReasons() throws IOException {
        byte[] elf = new byte[65536];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        elf[0x10] = 4;
        Path core = tmp.resolve("core");
        Files.write(core, elf);
        elf[0x10] = 2;
        Path exe = tmp.resolve("a.out");
        Files.write(exe, elf);
        CliRun r = CliRun.of("inspect", core.toString(), exe.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + core + ": this is a memory image (ELF core): use 'ringtool carve'\n"
                + "ringtool inspect: " + exe + ": this is an ELF file, not a ring dump\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void carveOfAFileWithoutSignatureSuggestsRawAndExits3() throws IOException {
        Path file = tmp.resolve("blob");
        Files.write(file, new byte[8192]);
        CliRun r = CliRun.of("carve", file.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool carve: " + file + ": not a memory image this tool recognises (no ELF, 'KDUMP   '"
                + " or 'makedumpfile' signature); for raw physical memory use --raw\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void truncatedKdumpHeaderIsOneLineAndExit3() throws IOException {
        Path file = tmp.resolve("short.kdump");
        Files.write(file, "KDUMP   \u0006\0\0\0".getBytes());
        CliRun r = CliRun.of("carve", file.toString());
        assertEquals(3, r.exit());
        assertEquals("ringtool carve: " + file + ": kdump-compressed: file too small for its header (12 bytes)\n",
                r.err().replace("\r\n", "\n"));
    }
}
