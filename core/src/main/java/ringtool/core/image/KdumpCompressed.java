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
    /** 64 TiB of guest memory in 4 KiB frames (x86-64's 46-bit physical addresses): more is not a VMBus guest. */
    static final long MAX_FRAMES = 1L << 34;
    /** The rank table has at most this many entries (8 MiB), whatever the number of frames. */
    private static final int MAX_RANK_SHIFT_ENTRIES = 20;

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
    private final long descCapacity;
    /** Set bits of the 2nd bitmap before each run of {@code 1 << rankShift} frames, filled as far as asked. */
    private final int rankShift;
    private final long[] rank;
    private int ranksKnown = 1;
    /** The last rank counted, so that a scan in PFN order counts each bit once. */
    private long cursorPfn;
    private long cursorRank;
    /** From this frame on every dumped frame's descriptor lies past the end of the file. */
    private long beyondFrom = Long.MAX_VALUE;
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
        this.descCapacity = (src.size() - descs) / DESC_SIZE;
        this.rankShift = Math.max(12, 64 - Long.numberOfLeadingZeros(maxMapnr) - MAX_RANK_SHIFT_ENTRIES);
        this.rank = new long[(int) (maxMapnr >>> rankShift) + 1];
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
        if (maxMapnr > MAX_FRAMES) {
            throw new InputException("kdump-compressed: " + maxMapnr + " frames of " + blockSize + " bytes, more than"
                    + " the " + MAX_FRAMES + " (64 TiB) this tool reads");
        }
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

    /** The set bits of {@code bitmap} for frames [from, to), a word at a time. */
    private long count(long bitmap, long from, long to) {
        long n = 0;
        long p = from;
        while (p < to) {
            long word = src.u64(bitmap + ((p >>> 6) << 3)) >>> (p & 63);
            int bits = (int) Math.min(64 - (p & 63), to - p);
            n += Long.bitCount(bits == 64 ? word : word & ((1L << bits) - 1));
            p += bits;
        }
        return n;
    }

    /**
     * The first frame at or after {@code pfn}, before {@code maxMapnr}, whose bit in {@code bitmap} is {@code set},
     * or {@code maxMapnr}; where {@code mask} is given, only frames whose bit there is clear count.
     */
    private long nextBit(long bitmap, long pfn, boolean set, long mask) {
        long p = pfn;
        while (p < maxMapnr) {
            long at = (p >>> 6) << 3;
            long word = src.u64(bitmap + at);
            if (!set) {
                word = ~word;
            }
            if (mask >= 0) {
                word |= src.u64(mask + at);
            }
            word &= -1L << (p & 63);
            if (word != 0) {
                return Math.min(maxMapnr, (p & ~63L) + Long.numberOfTrailingZeros(word));
            }
            p = (p & ~63L) + 64;
        }
        return maxMapnr;
    }

    private boolean bit(long bitmap, long pfn) {
        return (src.u8(bitmap + (pfn >>> 3)) & (1 << (pfn & 7))) != 0;
    }

    /** How many dumped frames precede {@code pfn}: the index of its page descriptor. */
    private long descIndex(long pfn) {
        long run = pfn >>> rankShift;
        if (pfn >= cursorPfn && cursorPfn >>> rankShift == run) {
            cursorRank += count(bitmap2, cursorPfn, pfn);
        } else {
            while (ranksKnown <= run) {
                long from = (long) (ranksKnown - 1) << rankShift;
                long to = Math.min(maxMapnr, from + (1L << rankShift));
                rank[ranksKnown] = rank[ranksKnown - 1] + count(bitmap2, from, to);
                ranksKnown++;
            }
            cursorRank = rank[(int) run] + count(bitmap2, run << rankShift, pfn);
        }
        cursorPfn = pfn;
        return cursorRank;
    }

    /** Whether a dumped frame's page descriptor lies past the end of the file: a dump cut short. */
    private boolean beyondFile(long pfn) {
        if (pfn >= beyondFrom) {
            return true;
        }
        if (descIndex(pfn) >= descCapacity) {
            beyondFrom = pfn;
            return true;
        }
        return false;
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
        if (!bit(bitmap2, pfn) || beyondFile(pfn)) {
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
        if (frame < 0 || pfn >= maxMapnr) {
            return endPfn();
        }
        long first = nextRam(pfn);
        return Math.min(Math.max(frame, first * framesPerBlock), endPfn());
    }

    /** The first frame at or after {@code pfn} in the 1st bitmap; zero bytes skipped in one bulk scan. */
    private long nextRam(long pfn) {
        int rest = src.u8(bitmap1 + (pfn >>> 3)) >>> (pfn & 7);
        if (rest != 0) {
            return pfn + Integer.numberOfTrailingZeros(rest);
        }
        long next = (pfn >>> 3) + 1;
        long bytes = ((maxMapnr + 7) >>> 3) - next;
        long nonZero = bytes <= 0 ? -1 : src.firstNonZero(bitmap1 + next, bytes);
        if (nonZero < 0) {
            return maxMapnr;
        }
        long at = next + nonZero;
        return Math.min(maxMapnr, (at << 3) + Integer.numberOfTrailingZeros(src.u8(bitmap1 + at)));
    }

    /**
     * Excluded frames run while the 1st bitmap holds them and the 2nd does not; past the last descriptor the file
     * holds, every frame the 1st bitmap holds is missing. Either way one word-wise scan, not a step per frame.
     */
    @Override
    public long missingRunEnd(long frame) {
        long pfn = frame / framesPerBlock;
        if (frame < 0 || pfn >= maxMapnr || state(frame) != PageState.MISSING) {
            return frame + 1;
        }
        long end;
        if (!bit(bitmap2, pfn)) {
            end = nextBit(bitmap1, pfn, false, bitmap2);
        } else if (pfn >= beyondFrom) {
            end = nextBit(bitmap1, pfn, false, -1);
        } else {
            end = pfn + 1;
        }
        return Math.max(frame + 1, end * framesPerBlock);
    }
}
