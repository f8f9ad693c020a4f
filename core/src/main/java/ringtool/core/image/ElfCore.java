package ringtool.core.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    private record Segment(long paddr, long offset, long filesz, long memsz) {
    }

    private final ByteSource src;
    private final Segment[] segments;
    private final long[] starts;
    private final String vmcoreinfo;
    private final PageSlice slice = new PageSlice();

    private ElfCore(ByteSource src, Segment[] segments, String vmcoreinfo) {
        this.src = src;
        this.segments = segments;
        this.starts = Arrays.stream(segments).mapToLong(Segment::paddr).toArray();
        this.vmcoreinfo = vmcoreinfo;
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
            if (shoff == 0 || !src.canRead(shInfo, 4)) {
                throw new InputException("ELF core: e_phnum is PN_XNUM but section header 0 is outside the file");
            }
            phnum = src.u32(shInfo);
        }
        if (phoff < 0 || !src.canRead(phoff, phnum * phentsize)) {
            throw new InputException("ELF core: " + phnum + " program headers at " + phoff
                    + " run past the end of the file (" + src.size() + " bytes)");
        }
        List<Segment> loads = new ArrayList<>();
        String info = null;
        for (long i = 0; i < phnum; i++) {
            long at = phoff + i * phentsize;
            long pType = src.u32(at);
            long offset = is64 ? src.u64(at + 8) : src.u32(at + 4);
            long paddr = is64 ? src.u64(at + 24) : src.u32(at + 12);
            long filesz = is64 ? src.u64(at + 32) : src.u32(at + 16);
            long memsz = is64 ? src.u64(at + 40) : src.u32(at + 20);
            if (pType == PT_LOAD) {
                if (offset < 0 || filesz < 0 || !src.canRead(offset, filesz)) {
                    throw new InputException("ELF core: PT_LOAD " + i + " (" + filesz + " bytes at file offset "
                            + offset + ") runs past the end of the file (" + src.size() + " bytes)");
                }
                if (paddr < 0 || memsz < filesz || paddr + memsz < paddr) {
                    throw new InputException("ELF core: PT_LOAD " + i + " has p_memsz " + memsz + " below p_filesz "
                            + filesz + " or wraps the address space");
                }
                loads.add(new Segment(paddr, offset, filesz, memsz));
            } else if (pType == PT_NOTE && info == null && offset >= 0 && src.canRead(offset, filesz)) {
                info = vmcoreinfo(src, offset, filesz);
            }
        }
        if (loads.isEmpty()) {
            throw new InputException("ELF core without PT_LOAD segments: no memory to carve");
        }
        loads.sort(Comparator.comparingLong(Segment::paddr));
        return new ElfCore(src, loads.toArray(new Segment[0]), info);
    }

    /** The VMCOREINFO note's text ({@code OSRELEASE=...\nPAGESIZE=...}), or null. */
    private static String vmcoreinfo(ByteSource src, long offset, long size) {
        long at = offset;
        long end = offset + size;
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
        long end = 0;
        for (Segment s : segments) {
            end = Math.max(end, (s.paddr + s.memsz + PAGE_SIZE - 1) >>> PAGE_SHIFT);
        }
        return end;
    }

    private Segment segmentOf(long addr) {
        int i = Arrays.binarySearch(starts, addr);
        int idx = i >= 0 ? i : -i - 2;
        // Segments may overlap (some producers split at odd places); look back over the few that start earlier.
        for (int k = idx; k >= 0 && k > idx - 4; k--) {
            Segment s = segments[k];
            if (addr >= s.paddr && addr - s.paddr < s.memsz) {
                return s;
            }
        }
        return null;
    }

    @Override
    public PageState state(long pfn) {
        long addr = pfn << PAGE_SHIFT;
        Segment s = segmentOf(addr);
        if (s == null) {
            return PageState.HOLE;
        }
        long rel = addr - s.paddr;
        return rel + PAGE_SIZE <= s.filesz ? PageState.PRESENT : PageState.MISSING;
    }

    @Override
    public long missingRunEnd(long pfn) {
        Segment s = segmentOf(pfn << PAGE_SHIFT);
        if (s == null) {
            return pfn + 1;
        }
        return Math.max(pfn + 1, (s.paddr + s.memsz) >>> PAGE_SHIFT);
    }

    @Override
    public ByteSource page(long pfn) {
        long addr = pfn << PAGE_SHIFT;
        Segment s = segmentOf(addr);
        if (s == null || addr - s.paddr + PAGE_SIZE > s.filesz) {
            return null;
        }
        return slice.at(src, s.offset + (addr - s.paddr));
    }

    @Override
    public long nextCandidate(long pfn) {
        long addr = pfn << PAGE_SHIFT;
        if (segmentOf(addr) != null) {
            return pfn;
        }
        int i = Arrays.binarySearch(starts, addr);
        int next = i >= 0 ? i : -i - 1;
        return next < segments.length ? Math.max(pfn, segments[next].paddr >>> PAGE_SHIFT) : endPfn();
    }
}
