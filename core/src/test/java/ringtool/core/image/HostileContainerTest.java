package ringtool.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.bytes.ByteSource;
import ringtool.core.report.InputReport;
import ringtool.core.source.InputException;
import ringtool.core.source.InputFiles;

/**
 * Containers whose fields claim what the file cannot hold (sizes near 2^63, bitmaps of terabytes, millions of
 * segments, thousands of overlapping segments and notes): each is refused with one clear line or carved in one
 * pass, and overlaps resolve whatever their number.
 */
class HostileContainerTest {


    @TempDir
    Path dir;

    /** An ELF64 core: the program headers (type, offset, paddr, filesz, memsz each) at 0x40, then the data. */
    private static byte[] elf(long[][] phdrs, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(0x10, (short) ElfCore.ET_CORE).putShort(0x12, (short) 62).putInt(0x14, 1);
        b.putLong(0x20, 0x40).putShort(0x34, (short) 64).putShort(0x36, (short) 56);
        b.putShort(0x38, (short) (phdrs.length < ElfCore.PN_XNUM ? phdrs.length : ElfCore.PN_XNUM));
        if (phdrs.length >= ElfCore.PN_XNUM) {
            // Section header 0 right after the program headers holds the count.
            long shoff = 0x40 + 56L * phdrs.length;
            b.putLong(0x28, shoff).putShort(0x3a, (short) 64).putShort(0x3c, (short) 1);
            b.putInt((int) shoff + 0x2c, phdrs.length);
        }
        for (int i = 0; i < phdrs.length; i++) {
            int at = 0x40 + 56 * i;
            b.putInt(at, (int) phdrs[i][0]).putLong(at + 8, phdrs[i][1]).putLong(at + 16, phdrs[i][2])
                    .putLong(at + 24, phdrs[i][2]).putLong(at + 32, phdrs[i][3]).putLong(at + 40, phdrs[i][4]);
        }
        return b.array();
    }

    private static String refusal(byte[] image) {
        return assertThrows(InputException.class, () -> Images.open(ByteSource.of(image), false)).getMessage();
    }

    @Test
    void elfLoadWhoseMemszIsTwoTo63IsRefusedNotOverflowed() {
        byte[] image = elf(new long[][] {{ElfCore.PT_LOAD, 0x1000, 0, 0x1000, Long.MAX_VALUE}}, 0x2000);
        assertEquals("ELF core: PT_LOAD 0: p_memsz 9223372036854775807 from p_paddr 0x0 runs past the 52-bit"
                + " physical address space", refusal(image));
    }

    @Test
    void elfLoadAtPaddrTwoTo64Minus4096IsNamedForItsAddress() {
        byte[] image = elf(new long[][] {{ElfCore.PT_LOAD, 0x1000, -4096, 0x1000, 0x1000}}, 0x2000);
        assertEquals("ELF core: PT_LOAD 0: p_paddr 0xfffffffffffff000 lies beyond the 52-bit physical address space",
                refusal(image));
    }

    @Test
    void elfLoadWithMemszBelowFileszSaysSo() {
        byte[] image = elf(new long[][] {{ElfCore.PT_LOAD, 0x1000, 0, 0x1000, 0x800}}, 0x2000);
        assertEquals("ELF core: PT_LOAD 0: p_memsz 2048 is below p_filesz 4096", refusal(image));
    }

    /** The planted guest's 8 MiB at file offset {@code base}, program headers in front. */
    private static byte[] guestElf(long[][] phdrs, int base) {
        byte[] guest = ImageWriters.raw(PlantedImages.guest());
        byte[] image = elf(phdrs, base + guest.length);
        System.arraycopy(guest, 0, image, base, guest.length);
        return image;
    }

    @Test
    void tinyLoadsNestedInALargeOneLeaveItsPagesPresent() throws InputException {
        int base = 0x10000;
        long size = (long) PlantedImages.FRAMES * GuestMemory.PAGE;
        long[][] phdrs = new long[6][];
        phdrs[0] = new long[] {ElfCore.PT_LOAD, base, 0, size, size};
        for (int i = 1; i < phdrs.length; i++) {
            long paddr = 0x1000 + 16L * i;
            phdrs[i] = new long[] {ElfCore.PT_LOAD, base + paddr, paddr, 8, 8};
        }
        InputReport report = CarvePlantedTest.carve(guestElf(phdrs, base));
        assertEquals(CarvePlantedTest.PLANTED, CarvePlantedTest.rings(report));
        assertEquals(List.of(CarvePlantedTest.DECOY_REJECTED), CarvePlantedTest.findings(report));
    }

    @Test
    void thirtyThousandIdenticalLoadsAreScannedOnce() throws InputException {
        int count = 30_000;
        int base = 0x40 + 56 * count + 64;
        base = (base + 4095) & ~4095;
        long size = (long) PlantedImages.FRAMES * GuestMemory.PAGE;
        long[][] phdrs = new long[count][];
        Arrays.fill(phdrs, new long[] {ElfCore.PT_LOAD, base, 0, size, size});
        InputReport report = CarvePlantedTest.carve(guestElf(phdrs, base));
        assertEquals(CarvePlantedTest.PLANTED, CarvePlantedTest.rings(report));
        assertTrue(report.decision().startsWith("ELF core, 30000 PT_LOAD segments, no VMCOREINFO note; 8 MiB in 2048"
                + " pages scanned, 4 ring headers, 3 rings"), report.decision());
    }

    @Test
    void twentyThousandNotesOverTheSameMegabyteAreWalkedOnce() throws InputException {
        int notes = 20_000;
        int region = 0x200000;
        long[][] phdrs = new long[notes + 1][];
        Arrays.fill(phdrs, new long[] {ElfCore.PT_NOTE, region, 0, 1 << 20, 0});
        phdrs[notes] = new long[] {ElfCore.PT_LOAD, region, 0, 0x1000, 0x1000};
        PhysicalMemory mem = Images.open(ByteSource.of(elf(phdrs, region + (1 << 20))), false);
        assertEquals("ELF core, 1 PT_LOAD segment, no VMCOREINFO note", mem.description());
    }

    /** The disk_dump_header (64-bit, x86_64, 4096-byte blocks) and one sub-header block. */
    private static byte[] kdumpHeader(int version, long bitmapBlocks, long maxMapnr, long maxMapnr64, int size) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(KdumpCompressed.SIGNATURE.getBytes(StandardCharsets.US_ASCII)).putInt(version);
        b.put(KdumpCompressed.MACHINE_OFFSET, "x86_64".getBytes(StandardCharsets.US_ASCII));
        int st = KdumpCompressed.STATUS_OFFSET_64;
        b.putInt(st + 4, 4096).putInt(st + 8, 1).putInt(st + 12, (int) bitmapBlocks).putInt(st + 16, (int) maxMapnr);
        b.putLong(4096 + KdumpCompressed.SUB_MAX_MAPNR_64, maxMapnr64);
        return b.array();
    }

    @Test
    void sparseKdumpWhoseBitmapsClaim32GibAndTwoTo37FramesIsRefused() throws IOException {
        Path file = sparse("claims.kdump", kdumpHeader(6, 1 << 23, 0, 1L << 37, 8192), (1L << 35) + 8192);
        String message = assertThrows(InputException.class, () -> Images.open(InputFiles.open(file), false))
                .getMessage();
        assertEquals("kdump-compressed: 137438953472 frames of 4096 bytes, more than the 17179869184 (64 TiB) this"
                + " tool reads", message);
    }

    @Test
    void sparseKdumpWithHugeBitmapsReadsOnlyTheFramesMaxMapnrNames() throws Exception {
        Path file = sparse("wide.kdump", kdumpHeader(5, 1 << 23, 2048, 0, 8192), (1L << 35) + 8192);
        InputReport report = new ringtool.core.carve.Carver(ringtool.core.carve.Carver.Options.defaults())
                .carve("wide", Images.open(InputFiles.open(file), false));
        assertTrue(report.decision().startsWith("kdump-compressed v5 (64-bit header), 4096-byte blocks, 2048 frames;"
                + " 0 MiB in 0 pages scanned, 0 ring headers, 0 rings"), report.decision());
    }

    private Path sparse(String name, byte[] head, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(head);
            f.setLength(size);
        }
        return file;
    }

    @Test
    void bitmapsAllOnesWithoutDescriptorsAreOneMissingRun() throws InputException {
        int bitmapBytes = 16 << 20;
        byte[] image = kdumpHeader(5, 2L * bitmapBytes / 4096, 8L * bitmapBytes, 0, 8192 + 2 * bitmapBytes);
        Arrays.fill(image, 8192, image.length, (byte) 0xff);
        InputReport report = CarvePlantedTest.carve(image);
        assertEquals(List.of("dump.page.missing physical 0x0-0x7fffffffff (134217728 pages) not in the image"
                + " (excluded by the dump filter, lost, or undecodable): not scanned"),
                CarvePlantedTest.findings(report));
    }

    /** A flattened stream: the header, then each (offset, bytes) segment, then the end marker. */
    private static byte[] flattened(byte[] prefix, long[] offsets, byte[][] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (prefix == null) {
            ByteBuffer header = ByteBuffer.allocate(FlattenedImage.HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
            header.put("makedumpfile".getBytes(StandardCharsets.US_ASCII)).putLong(16, 1).putLong(24, 1);
            out.writeBytes(header.array());
        } else {
            out.write(prefix, 0, prefix.length - 16);
        }
        for (int i = 0; i < offsets.length; i++) {
            out.writeBytes(ByteBuffer.allocate(16).putLong(offsets[i]).putLong(data[i].length).array());
            out.writeBytes(data[i]);
        }
        out.writeBytes(ByteBuffer.allocate(16).putLong(-1).putLong(-1).array());
        return out.toByteArray();
    }

    @Test
    void nineOneByteRewritesDoNotHideTheSegmentUnderThem() throws InputException {
        byte[] kdump = ImageWriters.kdump(PlantedImages.guest(), true, 6, ImageWriters.Codec.ZLIB, new BitSet());
        long[] offsets = new long[9];
        byte[][] data = new byte[9][];
        for (int i = 0; i < offsets.length; i++) {
            // Inside the 1st bitmap, each byte as it already is.
            offsets[i] = 2 * 4096 + 1 + i;
            data[i] = new byte[] {kdump[(int) offsets[i]]};
        }
        byte[] image = flattened(ImageWriters.flatten(kdump, 10_000), offsets, data);
        InputReport report = CarvePlantedTest.carve(image);
        assertEquals(CarvePlantedTest.PLANTED, CarvePlantedTest.rings(report));
    }

    @Test
    void flattenedSegmentAtANegativeOffsetIsNamedForIt() {
        byte[] image = flattened(null, new long[] {-5}, new byte[][] {new byte[1]});
        assertEquals("kdump-flattened: segment at 4096 has offset -5, expected 0 to 2^56", refusal(image));
    }

    @Test
    void flattenedStreamOfMoreSegmentsThanItsSizeAllowsIsRefused() {
        int count = 66_000;
        long[] offsets = new long[count];
        byte[][] data = new byte[count][];
        for (int i = 0; i < count; i++) {
            offsets[i] = i;
            data[i] = new byte[] {1};
        }
        byte[] image = flattened(null, offsets, data);
        long limit = 65536 + image.length / 4096;
        assertEquals("kdump-flattened: more than " + limit + " segments in " + image.length + " bytes; rearrange it"
                + " with 'makedumpfile -R' first", refusal(image));
    }

    /** A 12 KiB flattened file whose kdump header claims 2^40 bytes of bitmaps, the gap between read as zeros. */
    private static byte[] flattenedClaim(int version, long maxMapnr, long maxMapnr64) {
        byte[] header = kdumpHeader(version, 1L << 29, maxMapnr, maxMapnr64, 8192);
        return flattened(null, new long[] {0, (1L << 41) + 8192}, new byte[][] {header, new byte[1]});
    }

    @Test
    void flattenedFileClaimingTwoTo43FramesOfBitmapIsRefused() {
        assertEquals("kdump-compressed: 8796093022208 frames of 4096 bytes, more than the 17179869184 (64 TiB)"
                + " this tool reads", refusal(flattenedClaim(6, 0, 1L << 44)));
    }

    @Test
    void flattenedFileClaimingTwoTo32FramesOfZerosIsCarvedInOnePass() throws InputException {
        InputReport report = CarvePlantedTest.carve(flattenedClaim(5, 0xffff_ffffL, 0));
        assertTrue(report.decision().startsWith("flattened (2 segments) kdump-compressed v5 (64-bit header),"
                + " 4096-byte blocks, 4294967295 frames; 0 MiB in 0 pages scanned, 0 ring headers"),
                report.decision());
    }
}
