package ringtool.core.image;

import io.airlift.compress.Compressor;
import io.airlift.compress.lzo.LzoCompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.Deflater;

/**
 * Writers of memory images for tests, laid out after the producers' own definitions: the ELF gABI
 * ({@code Elf64_Ehdr}, {@code Elf64_Phdr}, {@code Elf32_*}), makedumpfile's {@code diskdump_mod.h} and libkdumpfile's
 * {@code diskdump.c} ({@code disk_dump_header_64}: {@code _pad1[6]} and a 16-byte timeval; {@code _32}:
 * {@code _pad1[2]}, 8-byte timeval), and makedumpfile's flattened format (big-endian segment headers).
 */
final class ImageWriters {

    static final String RELEASE = "6.12.95+deb12-amd64";

    private ImageWriters() {
    }

    /** Raw physical memory: just the bytes. */
    static byte[] raw(GuestMemory m) {
        return m.bytes.clone();
    }

    /**
     * An ELF core: a PT_NOTE with VMCOREINFO and one PT_LOAD per RAM range; excluded frames at the end of a range
     * are left out of {@code p_filesz} (as {@code makedumpfile -E} does), inside it they are written. With
     * {@code xnum}, {@code e_phnum} is PN_XNUM and the count sits in section header 0.
     */
    static byte[] elf(GuestMemory m, boolean is64, boolean xnum) {
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int shentsize = is64 ? 64 : 40;
        int phnum = 1 + m.ram.size();
        byte[] note = vmcoreinfoNote();
        long phoff = ehsize;
        long shoff = phoff + (long) phnum * phentsize;
        long noteOff = shoff + (xnum ? shentsize : 0);
        long dataOff = (noteOff + note.length + GuestMemory.PAGE - 1) / GuestMemory.PAGE * GuestMemory.PAGE;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer ph = le(phnum * phentsize);
        phdr(ph, is64, ElfCore.PT_NOTE, noteOff, 0, note.length, note.length);
        long at = dataOff;
        for (GuestMemory.Range r : m.ram) {
            long end = r.end();
            while (end > r.start() && m.excluded.get((int) end - 1)) {
                end--;
            }
            long filesz = (end - r.start()) * GuestMemory.PAGE;
            long memsz = (r.end() - r.start()) * GuestMemory.PAGE;
            phdr(ph, is64, ElfCore.PT_LOAD, at, r.start() * GuestMemory.PAGE, filesz, memsz);
            data.write(m.bytes, (int) (r.start() * GuestMemory.PAGE), (int) filesz);
            at += filesz;
        }
        ByteBuffer out = le((int) at);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1});
        out.putShort(0x10, (short) ElfCore.ET_CORE).putShort(0x12, (short) (is64 ? 62 : 3)).putInt(0x14, 1);
        int phnumField = xnum ? ElfCore.PN_XNUM : phnum;
        if (is64) {
            out.putLong(0x20, phoff).putLong(0x28, xnum ? shoff : 0).putShort(0x34, (short) ehsize)
                    .putShort(0x36, (short) phentsize).putShort(0x38, (short) phnumField)
                    .putShort(0x3a, (short) shentsize).putShort(0x3c, (short) (xnum ? 1 : 0));
        } else {
            out.putInt(0x1c, (int) phoff).putInt(0x20, (int) (xnum ? shoff : 0)).putShort(0x28, (short) ehsize)
                    .putShort(0x2a, (short) phentsize).putShort(0x2c, (short) phnumField)
                    .putShort(0x2e, (short) shentsize).putShort(0x30, (short) (xnum ? 1 : 0));
        }
        out.put((int) phoff, ph.array());
        if (xnum) {
            out.putInt((int) shoff + (is64 ? 0x2c : 0x1c), phnum);
        }
        out.put((int) noteOff, note);
        out.put((int) dataOff, data.toByteArray());
        return out.array();
    }

    private static void phdr(ByteBuffer b, boolean is64, long type, long offset, long paddr, long filesz,
                             long memsz) {
        if (is64) {
            b.putInt((int) type).putInt(4).putLong(offset).putLong(0).putLong(paddr).putLong(filesz).putLong(memsz)
                    .putLong(0);
        } else {
            b.putInt((int) type).putInt((int) offset).putInt(0).putInt((int) paddr).putInt((int) filesz)
                    .putInt((int) memsz).putInt(4).putInt(0);
        }
    }

    private static byte[] vmcoreinfoNote() {
        byte[] desc = ("OSRELEASE=" + RELEASE + "\nPAGESIZE=4096\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = le(12 + 12 + (desc.length + 3) / 4 * 4);
        b.putInt(11).putInt(desc.length).putInt(0).put("VMCOREINFO\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(desc);
        return b.array();
    }

    enum Codec {
        RAW(0), ZLIB(PageCodec.ZLIB), LZO(PageCodec.LZO), SNAPPY(PageCodec.SNAPPY), ZSTD(PageCodec.ZSTD);

        final int flag;

        Codec(int flag) {
            this.flag = flag;
        }

        byte[] compress(byte[] page) {
            return switch (this) {
                case RAW -> page;
                case ZLIB -> {
                    Deflater d = new Deflater();
                    d.setInput(page);
                    d.finish();
                    byte[] buf = new byte[page.length * 2];
                    int n = d.deflate(buf);
                    d.end();
                    yield Arrays.copyOf(buf, n);
                }
                case LZO -> aircompressor(new LzoCompressor(), page);
                case SNAPPY -> aircompressor(new SnappyCompressor(), page);
                case ZSTD -> aircompressor(new ZstdCompressor(), page);
            };
        }

        private static byte[] aircompressor(Compressor c, byte[] page) {
            byte[] buf = new byte[c.maxCompressedLength(page.length)];
            int n = c.compress(page, 0, page.length, buf, 0, buf.length);
            return Arrays.copyOf(buf, n);
        }
    }

    /**
     * A kdump-compressed file. Frames outside RAM are clear in both bitmaps, excluded ones are set only in the 1st;
     * {@code lost} frames get a descriptor with offset 0 and the status INCOMPLETE, as makedumpfile leaves them
     * after ENOSPC. Pages that do not shrink are stored raw, as makedumpfile stores them.
     */
    static byte[] kdump(GuestMemory m, boolean is64, int version, Codec codec, BitSet lost) {
        int block = GuestMemory.PAGE;
        int frames = m.frames();
        int bitmapBlocks = (frames / 8 + block - 1) / block;
        int subHdrSize = 1;
        long bitmap1 = (long) (1 + subHdrSize) * block;
        long bitmap2 = bitmap1 + (long) bitmapBlocks * block;
        long descs = bitmap2 + (long) bitmapBlocks * block;
        BitSet ram = new BitSet();
        BitSet dumped = new BitSet();
        for (int f = 0; f < frames; f++) {
            if (m.isRam(f)) {
                ram.set(f);
                if (!m.excluded.get(f)) {
                    dumped.set(f);
                }
            }
        }
        long dataStart = descs + (long) dumped.cardinality() * KdumpCompressed.DESC_SIZE;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteBuffer desc = le(dumped.cardinality() * KdumpCompressed.DESC_SIZE);
        for (int f = dumped.nextSetBit(0); f >= 0; f = dumped.nextSetBit(f + 1)) {
            if (lost.get(f)) {
                desc.putLong(0).putInt(0).putInt(0).putLong(0);
                continue;
            }
            byte[] page = m.page(f);
            byte[] packed = codec.compress(page);
            int flags = codec.flag;
            if (packed.length >= block) {
                packed = page;
                flags = 0;
            }
            desc.putLong(dataStart + data.size()).putInt(packed.length).putInt(flags).putLong(0);
            data.write(packed, 0, packed.length);
        }
        ByteBuffer out = le((int) (dataStart + data.size()));
        out.put(KdumpCompressed.SIGNATURE.getBytes(StandardCharsets.US_ASCII)).putInt(version);
        uts(out, 0, "Linux");
        uts(out, 1, "guest");
        uts(out, 2, RELEASE);
        uts(out, 3, "#1 SMP");
        uts(out, 4, is64 ? "x86_64" : "i686");
        int st = is64 ? KdumpCompressed.STATUS_OFFSET_64 : KdumpCompressed.STATUS_OFFSET_32;
        out.putInt(st, codec.flag | (lost.isEmpty() ? 0 : KdumpCompressed.STATUS_INCOMPLETE))
                .putInt(st + 4, block).putInt(st + 8, subHdrSize).putInt(st + 12, 2 * bitmapBlocks)
                .putInt(st + 16, frames).putInt(st + 20, ram.cardinality()).putInt(st + 32, 0).putInt(st + 36, 1);
        if (is64 && version >= 6) {
            out.putLong(block + KdumpCompressed.SUB_MAX_MAPNR_64, frames);
        }
        out.put((int) bitmap1, Arrays.copyOf(ram.toByteArray(), bitmapBlocks * block));
        out.put((int) bitmap2, Arrays.copyOf(dumped.toByteArray(), bitmapBlocks * block));
        out.put((int) descs, desc.array());
        out.put((int) dataStart, data.toByteArray());
        return out.array();
    }

    private static void uts(ByteBuffer b, int field, String value) {
        b.put(KdumpCompressed.UTSNAME_OFFSET + field * KdumpCompressed.UTS_FIELD,
                value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * makedumpfile -F: the file cut in segments of at most {@code chunk} bytes, written out of order (the header
     * block last, as makedumpfile rewrites it at the end), each behind a big-endian (offset, size) header.
     */
    static byte[] flatten(byte[] file, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(FlattenedImage.HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        header.put("makedumpfile".getBytes(StandardCharsets.US_ASCII)).putLong(16, 1).putLong(24, 1);
        out.write(header.array(), 0, header.capacity());
        for (int at = GuestMemory.PAGE; at < file.length; at += chunk) {
            segment(out, file, at, Math.min(chunk, file.length - at));
        }
        segment(out, file, 0, GuestMemory.PAGE);
        ByteBuffer end = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putLong(-1).putLong(-1);
        out.write(end.array(), 0, 16);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, byte[] file, int at, int length) {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putLong(at).putLong(length);
        out.write(h.array(), 0, 16);
        out.write(file, at, length);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
