package ringtool.core.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

/**
 * An ELF core ({@code /proc/vmcore}, {@code makedumpfile -E}, qemu {@code dump-guest-memory}): one
 * {@code PT_LOAD} per physical range, {@code p_paddr} its physical address.
 *
 * <pre>
 * Elf64_Ehdr                         Elf32_Ehdr
 * 0x00 e_ident[16] (0x7f 'E' 'L' 'F', class, data, ...)
 * 0x10 e_type u16 (4 = ET_CORE)      0x10 e_type
 * 0x20 e_phoff u64                   0x1c e_phoff u32
 * 0x28 e_shoff u64                   0x20 e_shoff u32
 * 0x36 e_phentsize u16 (56)          0x2a e_phentsize (32)
 * 0x38 e_phnum u16 (0xffff: PN_XNUM) 0x2c e_phnum
 *
 * Elf64_Phdr: p_type u32 @0, p_offset @8, p_paddr @24, p_filesz @32, p_memsz @40
 * Elf32_Phdr: p_type u32 @0, p_offset @4, p_paddr @12, p_filesz @16, p_memsz @20
 * Shdr[0].sh_info (64: @0x2c, 32: @0x1c) holds the program header count when e_phnum is PN_XNUM.
 * </pre>
 *
 * Bytes past {@code p_filesz} up to {@code p_memsz} are frames the producer left out: missing, not zero.
 */
public final class ElfCore implements PhysicalMemory {

    static final int EI_CLASS = 4;
    static final int EI_DATA = 5;
    static final int ELFCLASS32 = 1;
    static final int ELFCLASS64 = 2;
    static final int ELFDATA2LSB = 1;
    static final int E_TYPE = 0x10;
    static final int ET_CORE = 4;
    static final int PN_XNUM = 0xffff;
    static final long PT_LOAD = 1;
    static final long PT_NOTE = 4;

    /** 52 bits: the widest physical address x86-64 and arm64 define; a segment beyond it is not memory. */
    static final long MAX_PHYSICAL = 1L << 52;
    /** Far more program headers than any producer writes (one per memory range, and one per CPU's notes). */
    static final long MAX_PROGRAM_HEADERS = 1 << 20;

    private record Segment(long paddr, long offset, long filesz, long memsz) {
    }

    private final ByteSource src;
    private final Segment[] segments;
    /** Ranges 0..n-1 are the segments' bytes in the file, n..2n-1 the frames past p_filesz that they left out. */
    private final IntervalIndex index;
    private final String vmcoreinfo;
    private final PageSlice slice = new PageSlice();

    private ElfCore(ByteSource src, Segment[] segments, String vmcoreinfo) {
        this.src = src;
        this.segments = segments;
        this.index = index(segments);
        this.vmcoreinfo = vmcoreinfo;
    }

    /**
     * Where segments overlap (some producers split at odd places, a hostile file nests thousands), a page a
     * segment holds beats one it left out, and among those that hold it the larger segment wins, then the later.
     */
    private static IntervalIndex index(Segment[] segments) {
        int n = segments.length;
        long[] from = new long[2 * n];
        long[] to = new long[2 * n];
        long[] priority = new long[2 * n];
        long[] size = new long[n];
        for (int i = 0; i < n; i++) {
            Segment s = segments[i];
            from[i] = s.paddr;
            to[i] = s.paddr + s.filesz;
            from[n + i] = s.paddr + s.filesz;
            to[n + i] = s.paddr + s.memsz;
            priority[n + i] = i;
            size[i] = s.filesz;
        }
        int[] bySize = IntervalIndex.order(size);
        for (int p = 0; p < n; p++) {
            priority[bySize[p]] = n + p;
        }
        return IntervalIndex.resolve(from, to, priority);
    }

    public static ElfCore parse(ByteSource src) throws InputException {
        if (!src.canRead(0, 0x34)) {
            throw new InputException("ELF core: file too small for an ELF header");
        }
        int cls = src.u8(EI_CLASS);
        if (cls != ELFCLASS32 && cls != ELFCLASS64) {
            throw new InputException("ELF core: unknown ELF class " + cls);
        }
        if (src.u8(EI_DATA) != ELFDATA2LSB) {
            throw new InputException("ELF core: big-endian cores are not supported (VMBus guests are little-endian)");
        }
        boolean is64 = cls == ELFCLASS64;
        if (is64 && !src.canRead(0, 0x40)) {
            throw new InputException("ELF core: file too small for an ELF64 header");
        }
        int type = src.u16(E_TYPE);
        if (type != ET_CORE) {
            throw new InputException("ELF file of type " + type + ", not a core (ET_CORE = 4)");
        }
        long phoff = is64 ? src.u64(0x20) : src.u32(0x1c);
        long shoff = is64 ? src.u64(0x28) : src.u32(0x20);
        int phentsize = src.u16(is64 ? 0x36 : 0x2a);
        long phnum = src.u16(is64 ? 0x38 : 0x2c);
        int wantEntSize = is64 ? 56 : 32;
        if (phentsize != wantEntSize) {
            throw new InputException("ELF core: program header size " + phentsize + ", expected " + wantEntSize);
        }
        if (phnum == PN_XNUM) {
            long shInfo = shoff + (is64 ? 0x2c : 0x1c);
            if (shoff <= 0 || !src.canRead(shInfo, 4)) {
                throw new InputException("ELF core: e_phnum is PN_XNUM but section header 0 is outside the file");
            }
            phnum = src.u32(shInfo);
        }
        if (phoff < 0 || !src.canRead(phoff, phnum * phentsize)) {
            throw new InputException("ELF core: " + phnum + " program headers at " + Long.toUnsignedString(phoff)
                    + " run past the end of the file (" + src.size() + " bytes)");
        }
        if (phnum > MAX_PROGRAM_HEADERS) {
            throw new InputException("ELF core: " + phnum + " program headers, more than the " + MAX_PROGRAM_HEADERS
                    + " this tool reads");
        }
        List<Segment> loads = new ArrayList<>();
        Notes notes = new Notes(src);
        for (long i = 0; i < phnum; i++) {
            long at = phoff + i * phentsize;
            long pType = src.u32(at);
            long offset = is64 ? src.u64(at + 8) : src.u32(at + 4);
            long paddr = is64 ? src.u64(at + 24) : src.u32(at + 12);
            long filesz = is64 ? src.u64(at + 32) : src.u32(at + 16);
            long memsz = is64 ? src.u64(at + 40) : src.u32(at + 20);
            if (pType == PT_LOAD) {
                loads.add(load(src, i, offset, paddr, filesz, memsz));
            } else if (pType == PT_NOTE) {
                notes.scan(offset, filesz);
            }
        }
        if (loads.isEmpty()) {
            throw new InputException("ELF core without PT_LOAD segments: no memory to carve");
        }
        loads.sort(Comparator.comparingLong(Segment::paddr));
        return new ElfCore(src, loads.toArray(new Segment[0]), notes.info);
    }

    /** One PT_LOAD, its fields unsigned, refused unless it lies in the file and in the physical address space. */
    private static Segment load(ByteSource src, long i, long offset, long paddr, long filesz, long memsz)
            throws InputException {
        String name = "ELF core: PT_LOAD " + i;
        if (!src.canRead(offset, filesz)) {
            throw new InputException(name + " (" + Long.toUnsignedString(filesz) + " bytes at file offset "
                    + Long.toUnsignedString(offset) + ") runs past the end of the file (" + src.size() + " bytes)");
        }
        if (Long.compareUnsigned(paddr, MAX_PHYSICAL) >= 0) {
            throw new InputException(name + ": p_paddr " + hex(paddr) + " lies beyond the 52-bit physical address"
                    + " space");
        }
        if (Long.compareUnsigned(memsz, filesz) < 0) {
            throw new InputException(name + ": p_memsz " + Long.toUnsignedString(memsz) + " is below p_filesz "
                    + filesz);
        }
        if (Long.compareUnsigned(memsz, MAX_PHYSICAL - paddr) > 0) {
            throw new InputException(name + ": p_memsz " + Long.toUnsignedString(memsz) + " from p_paddr "
                    + hex(paddr) + " runs past the 52-bit physical address space");
        }
        return new Segment(paddr, offset, filesz, memsz);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /**
     * The VMCOREINFO note, looked for in every PT_NOTE until found. The walk reads at most the file's size in all,
     * so that thousands of PT_NOTEs naming the same megabytes cost one pass, not one each.
     */
    private static final class Notes {
        private final ByteSource src;
        private long budget;
        String info;

        Notes(ByteSource src) {
            this.src = src;
            this.budget = src.size();
        }

        void scan(long offset, long size) {
            if (info != null || budget <= 0 || !src.canRead(offset, size)) {
                return;
            }
            long end = offset + Math.min(size, budget);
            budget -= Math.min(size, budget);
            info = vmcoreinfo(src, offset, end);
        }
    }

    /** The VMCOREINFO note's text ({@code OSRELEASE=...\nPAGESIZE=...}) among the notes in [offset, end), or null. */
    private static String vmcoreinfo(ByteSource src, long offset, long end) {
        long at = offset;
        while (at + 12 <= end) {
            long namesz = src.u32(at);
            long descsz = src.u32(at + 4);
            long name = at + 12;
            long desc = name + align4(namesz);
            long next = desc + align4(descsz);
            if (next > end || next <= at) {
                return null;
            }
            if (namesz == 11 && descsz <= 1 << 16 && "VMCOREINFO".equals(ascii(src, name, 10))) {
                return ascii(src, desc, (int) descsz);
            }
            at = next;
        }
        return null;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    private static String ascii(ByteSource src, long at, int length) {
        byte[] b = new byte[length];
        src.copy(at, b, 0, length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A {@code KEY=value} line of VMCOREINFO, or null. */
    public String vmcoreinfo(String key) {
        if (vmcoreinfo == null) {
            return null;
        }
        for (String line : vmcoreinfo.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return null;
    }

    @Override
    public String container() {
        return "elf";
    }

    @Override
    public String description() {
        String release = vmcoreinfo("OSRELEASE");
        String pageSize = vmcoreinfo("PAGESIZE");
        return "ELF core, " + segments.length + " PT_LOAD segment" + (segments.length == 1 ? "" : "s")
                + (release != null ? ", release " + release : "") + (pageSize != null ? ", page size " + pageSize : "")
                + (vmcoreinfo == null ? ", no VMCOREINFO note" : "");
    }

    @Override
    public long endPfn() {
        int n = index.count();
        return n == 0 ? 0 : (index.end(n - 1) + PAGE_SIZE - 1) >>> PAGE_SHIFT;
    }

    /** The segment whose bytes hold the whole frame, or null. */
    private Segment holder(long pfn) {
        long addr = pfn << PAGE_SHIFT;
        int k = index.find(addr);
        if (k < 0 || index.owner(k) >= segments.length || index.end(k) - addr < PAGE_SIZE) {
            return null;
        }
        return segments[index.owner(k)];
    }

    @Override
    public PageState state(long pfn) {
        if (pfn < 0 || pfn >= endPfn()) {
            return PageState.HOLE;
        }
        if (holder(pfn) != null) {
            return PageState.PRESENT;
        }
        // A frame only partly in a segment's bytes is missing too: its bytes are not all there.
        return index.find(pfn << PAGE_SHIFT) < 0 ? PageState.HOLE : PageState.MISSING;
    }

    @Override
    public long missingRunEnd(long pfn) {
        int k = index.find(pfn << PAGE_SHIFT);
        long end = pfn << PAGE_SHIFT;
        while (k >= 0 && k < index.count() && index.owner(k) >= segments.length && index.start(k) <= end) {
            end = index.end(k++);
        }
        return Math.max(pfn + 1, end >>> PAGE_SHIFT);
    }

    @Override
    public ByteSource page(long pfn) {
        Segment s = pfn < 0 || pfn >= endPfn() ? null : holder(pfn);
        return s == null ? null : slice.at(src, s.offset + ((pfn << PAGE_SHIFT) - s.paddr));
    }

    @Override
    public long nextCandidate(long pfn) {
        long addr = pfn << PAGE_SHIFT;
        if (pfn >= endPfn() || index.find(addr) >= 0) {
            return Math.min(pfn, endPfn());
        }
        int next = index.firstAfter(addr);
        return next < index.count() ? Math.max(pfn, index.start(next) >>> PAGE_SHIFT) : endPfn();
    }
}
