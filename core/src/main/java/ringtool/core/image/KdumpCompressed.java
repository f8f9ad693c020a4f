package ringtool.core.image;

import java.nio.charset.StandardCharsets;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

/**
 * makedumpfile's kdump-compressed format (the {@code KDUMP   } signature), as libkdumpfile's {@code diskdump.c}
 * and makedumpfile's {@code diskdump_mod.h} define it.
 *
 * <pre>
 * block 0  disk_dump_header                 64-bit            32-bit
 *          signature[8]                     0x000             0x000
 *          header_version i32               0x008             0x008
 *          utsname (6 x 65 chars)           0x00c             0x00c   (machine at 0x10c)
 *          _pad1                            [6]               [2]
 *          timestamp (timeval)              0x198 (16)        0x194 (8)
 *          status u32                       0x1a8             0x19c
 *          block_size i32                   0x1ac             0x1a0
 *          sub_hdr_size i32 (blocks)        0x1b0             0x1a4
 *          bitmap_blocks u32                0x1b4             0x1a8
 *          max_mapnr u32                    0x1b8             0x1ac
 * block 1  kdump_sub_header (sub_hdr_size blocks); 64-bit: offset_vmcoreinfo @32, size_vmcoreinfo @40 (v3+),
 *          max_mapnr_64 @96 (v6+)
 * then     1st bitmap (frame is RAM), 2nd bitmap (frame is dumped): bitmap_blocks / 2 blocks each, LSB first
 * then     page_desc[] for each dumped frame in PFN order: offset i64 @0, size u32 @8, flags u32 @12,
 *          page_flags u64 @16 (24 bytes)
 * then     page data: raw when flags == 0 and size == block_size, else zlib / LZO / Snappy / zstd by flags
 * </pre>
 *
 * A frame in the 1st bitmap but not the 2nd was excluded by the dump filter; with {@code INCOMPLETE} in the
 * status, a descriptor whose offset is 0 is a page the writer lost. Both are missing, never zero. Guest pages
 * larger than 4 KiB ({@code block_size} 65536) are split into 4 KiB frames.
 */
public final class KdumpCompressed implements PhysicalMemory {

    static final String SIGNATURE = "KDUMP   ";
    static final int VERSION_OFFSET = 8;
    static final int UTSNAME_OFFSET = 12;
    static final int UTS_FIELD = 65;
    static final int MACHINE_OFFSET = UTSNAME_OFFSET + 4 * UTS_FIELD;
    static final int RELEASE_OFFSET = UTSNAME_OFFSET + 2 * UTS_FIELD;
    static final int STATUS_OFFSET_64 = 0x1a8;
    static final int STATUS_OFFSET_32 = 0x19c;
    static final int BLOCK_SIZE_FROM_STATUS = 4;
    static final int SUB_HDR_SIZE_FROM_STATUS = 8;
    static final int BITMAP_BLOCKS_FROM_STATUS = 12;
    static final int MAX_MAPNR_FROM_STATUS = 16;
    static final int SUB_MAX_MAPNR_64 = 96;
    static final int DESC_SIZE = 24;
    static final int STATUS_INCOMPLETE = 0x8;
    private static final int RANK_SHIFT = 12;

    private final ByteSource src;
    private final int version;
    private final boolean is64;
    private final long status;
    private final int blockSize;
    private final int framesPerBlock;
    private final long maxMapnr;
    private final long bitmap1;
    private final long bitmap2;
    private final long descs;
    private final String release;
    private final long[] rank;
    private final PageCodec codec = new PageCodec();
    private final byte[] block;
    private final byte[] packed;
    private final ByteSource blockSource;
    private final PageSlice slice = new PageSlice();
    private long cachedBlock = -1;
    private long corruptPages;
    private String firstCorruption;

    private KdumpCompressed(ByteSource src, int version, boolean is64, long status, int blockSize, long maxMapnr,
                            long bitmap1, long bitmap2, long descs, String release) {
        this.src = src;
        this.version = version;
        this.is64 = is64;
        this.status = status;
        this.blockSize = blockSize;
        this.framesPerBlock = blockSize / PAGE_SIZE;
        this.maxMapnr = maxMapnr;
        this.bitmap1 = bitmap1;
        this.bitmap2 = bitmap2;
        this.descs = descs;
        this.release = release;
        this.block = new byte[blockSize];
        this.packed = new byte[2 * blockSize];
        this.blockSource = ByteSource.of(block);
        this.rank = ranks();
    }

    public static boolean sniff(ByteSource src) {
        return src.canRead(0, 8) && SIGNATURE.equals(ascii(src, 0, 8));
    }

    public static KdumpCompressed parse(ByteSource src) throws InputException {
        if (!sniff(src)) {
            throw new InputException("not a kdump-compressed file: no 'KDUMP   ' signature");
        }
        if (!src.canRead(0, STATUS_OFFSET_64 + MAX_MAPNR_FROM_STATUS + 4)) {
            throw new InputException("kdump-compressed: file too small for its header (" + src.size() + " bytes)");
        }
        long version = src.u32(VERSION_OFFSET);
        if (version < 1 || version > 6) {
            throw new InputException("kdump-compressed: header version " + version + ", expected 1 to 6");
        }
        boolean is64 = is64(src);
        int st = is64 ? STATUS_OFFSET_64 : STATUS_OFFSET_32;
        long status = src.u32(st);
        long blockSize = src.u32(st + BLOCK_SIZE_FROM_STATUS);
        if (blockSize < PAGE_SIZE || blockSize > 1 << 16 || Long.bitCount(blockSize) != 1) {
            throw new InputException("kdump-compressed: block size " + blockSize
                    + ", expected a power of two from 4096 to 65536");
        }
        long subHdrSize = src.u32(st + SUB_HDR_SIZE_FROM_STATUS);
        long bitmapBlocks = src.u32(st + BITMAP_BLOCKS_FROM_STATUS);
        long maxMapnr = src.u32(st + MAX_MAPNR_FROM_STATUS);
        long sub = blockSize;
        if (version >= 6 && is64 && subHdrSize > 0 && src.canRead(sub + SUB_MAX_MAPNR_64, 8)) {
            long wide = src.u64(sub + SUB_MAX_MAPNR_64);
            if (wide > 0) {
                maxMapnr = wide;
            }
        }
        if (bitmapBlocks == 0 || bitmapBlocks % 2 != 0) {
            throw new InputException("kdump-compressed: " + bitmapBlocks
                    + " bitmap blocks, expected an even, non-zero number (two bitmaps)");
        }
        long bitmap1 = (1 + subHdrSize) * blockSize;
        long bitmapBytes = bitmapBlocks / 2 * blockSize;
        long bitmap2 = bitmap1 + bitmapBytes;
        long descs = bitmap2 + bitmapBytes;
        if (!src.canRead(bitmap1, 2 * bitmapBytes)) {
            throw new InputException("kdump-compressed: the bitmaps (" + 2 * bitmapBytes + " bytes at "
                    + bitmap1 + ") run past the end of the file (" + src.size() + " bytes)");
        }
        // A bitmap cannot describe more frames than it has bits, whatever max_mapnr claims.
        maxMapnr = Math.min(maxMapnr, bitmapBytes * 8);
        String release = ascii(src, RELEASE_OFFSET, UTS_FIELD).replace("\0", "").trim();
        return new KdumpCompressed(src, (int) version, is64, status, (int) blockSize, maxMapnr, bitmap1, bitmap2,
                descs, release);
    }

    /** libkdumpfile decides by the machine; a header whose 64-bit block size is nonsense is a 32-bit one. */
    private static boolean is64(ByteSource src) {
        String machine = ascii(src, MACHINE_OFFSET, UTS_FIELD).replace("\0", "").trim();
        if (machine.matches("i[3-6]86|arm.*|ppc|mips|s390")) {
            return false;
        }
        if (machine.matches("x86_64|aarch64|arm64|ppc64.*|s390x|riscv64|mips64.*|loongarch64")) {
            return true;
        }
        long bs64 = src.u32(STATUS_OFFSET_64 + BLOCK_SIZE_FROM_STATUS);
        return bs64 >= PAGE_SIZE && bs64 <= 1 << 16 && Long.bitCount(bs64) == 1;
    }

    private static String ascii(ByteSource src, long at, int length) {
        byte[] b = new byte[length];
        src.copy(at, b, 0, length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private long[] ranks() {
        int n = (int) ((maxMapnr >>> RANK_SHIFT) + 1);
        long[] out = new long[n];
        long total = 0;
        for (int k = 0; k < n; k++) {
            out[k] = total;
            long from = (long) k << (RANK_SHIFT - 3);
            long to = Math.min(from + (1 << (RANK_SHIFT - 3)), (maxMapnr + 7) >>> 3);
            for (long at = from; at < to; at += 8) {
                total += at + 8 <= to ? Long.bitCount(src.u64(bitmap2 + at))
                        : Integer.bitCount(lastBytes(at, to));
            }
        }
        return out;
    }

    private int lastBytes(long at, long to) {
        int v = 0;
        for (long i = at; i < to; i++) {
            v |= src.u8(bitmap2 + i) << (8 * (i - at));
        }
        int bits = (int) Math.min(32, maxMapnr - (at << 3));
        return bits >= 32 ? v : v & ((1 << bits) - 1);
    }

    private boolean bit(long bitmap, long pfn) {
        return (src.u8(bitmap + (pfn >>> 3)) & (1 << (pfn & 7))) != 0;
    }

    private long descIndex(long pfn) {
        long r = rank[(int) (pfn >>> RANK_SHIFT)];
        long from = (pfn >>> RANK_SHIFT) << RANK_SHIFT;
        long p = from;
        for (; p + 64 <= pfn; p += 64) {
            r += Long.bitCount(src.u64(bitmap2 + (p >>> 3)));
        }
        for (; p < pfn; p++) {
            if (bit(bitmap2, p)) {
                r++;
            }
        }
        return r;
    }

    public int headerVersion() {
        return version;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Pages whose data did not decode to one block (bad offset, size or stream); they count as missing. */
    public long corruptPages() {
        return corruptPages;
    }

    @Override
    public String damage() {
        return corruptPages == 0 ? null : corruptPages + " page" + (corruptPages == 1 ? "" : "s")
                + " with data that does not decode, the first " + firstCorruption;
    }

    @Override
    public String container() {
        return "kdump-compressed";
    }

    @Override
    public String description() {
        return "kdump-compressed v" + version + " (" + (is64 ? "64" : "32") + "-bit header), " + blockSize
                + "-byte blocks, " + maxMapnr + " frames" + (release.isEmpty() ? "" : ", release " + release)
                + ((status & STATUS_INCOMPLETE) != 0 ? ", INCOMPLETE" : "");
    }

    @Override
    public long endPfn() {
        return maxMapnr * framesPerBlock;
    }

    @Override
    public PageState state(long frame) {
        long pfn = frame / framesPerBlock;
        if (frame < 0 || pfn >= maxMapnr || !bit(bitmap1, pfn)) {
            return PageState.HOLE;
        }
        if (!bit(bitmap2, pfn)) {
            return PageState.MISSING;
        }
        if ((status & STATUS_INCOMPLETE) != 0) {
            long at = descs + descIndex(pfn) * DESC_SIZE;
            if (!src.canRead(at, DESC_SIZE) || src.u64(at) == 0) {
                return PageState.MISSING;
            }
        }
        return PageState.PRESENT;
    }

    @Override
    public ByteSource page(long frame) {
        long pfn = frame / framesPerBlock;
        if (frame < 0 || pfn >= maxMapnr || !bit(bitmap2, pfn)) {
            return null;
        }
        if (pfn != cachedBlock && !load(pfn)) {
            return null;
        }
        return slice.at(blockSource, (frame % framesPerBlock) * PAGE_SIZE);
    }

    private boolean load(long pfn) {
        cachedBlock = -1;
        long at = descs + descIndex(pfn) * DESC_SIZE;
        if (!src.canRead(at, DESC_SIZE)) {
            return corrupt(pfn, "its page descriptor lies past the end of the file");
        }
        long offset = src.u64(at);
        long size = src.u32(at + 8);
        int flags = (int) src.u32(at + 12);
        if (offset == 0 && (status & STATUS_INCOMPLETE) != 0) {
            return false;
        }
        if (offset <= 0 || size == 0 || size > packed.length || !src.canRead(offset, size)) {
            return corrupt(pfn, size + " bytes at file offset " + offset + " do not fit the file");
        }
        if (flags == 0) {
            if (size != blockSize) {
                return corrupt(pfn, "stored raw with " + size + " bytes, not one " + blockSize + "-byte block");
            }
            src.copy(offset, block, 0, blockSize);
        } else {
            src.copy(offset, packed, 0, (int) size);
            if (!codec.decode(flags, packed, (int) size, block)) {
                return corrupt(pfn, PageCodec.name(flags) + " data (" + size + " bytes at " + offset
                        + ") does not decode to one " + blockSize + "-byte block");
            }
        }
        cachedBlock = pfn;
        return true;
    }

    private boolean corrupt(long pfn, String why) {
        if (corruptPages++ == 0) {
            firstCorruption = "pfn 0x" + Long.toHexString(pfn) + ": " + why;
        }
        return false;
    }

    @Override
    public long nextCandidate(long frame) {
        long pfn = frame / framesPerBlock;
        // Skip whole zero bytes of the 1st bitmap: 8 frames a byte, so holes cost little.
        while (pfn < maxMapnr && (pfn & 7) == 0 && src.u8(bitmap1 + (pfn >>> 3)) == 0) {
            pfn += 8;
        }
        long first = pfn * framesPerBlock;
        return Math.min(Math.max(frame, first), endPfn());
    }
}
