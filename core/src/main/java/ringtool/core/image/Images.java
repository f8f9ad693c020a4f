package ringtool.core.image;

import java.nio.charset.StandardCharsets;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

/** Recognises memory-image containers by their signatures and opens them as {@link PhysicalMemory}. */
public final class Images {

    static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    static final String FLATTENED_SIGNATURE = "makedumpfile";
    static final String DISKDUMP_SIGNATURE = "DISKDUMP";

    private Images() {
    }

    /**
     * The container the first bytes announce ({@code elf}, {@code kdump-compressed}, {@code kdump-flattened},
     * {@code diskdump}), or null: a ring dump or raw memory, which carry no signature.
     */
    public static String sniff(ByteSource src) {
        if (KdumpCompressed.sniff(src)) {
            return "kdump-compressed";
        }
        if (src.canRead(0, 4) && src.u8(0) == 0x7f && src.u8(1) == 'E' && src.u8(2) == 'L' && src.u8(3) == 'F') {
            return "elf";
        }
        if (startsWith(src, FLATTENED_SIGNATURE)) {
            return "kdump-flattened";
        }
        if (startsWith(src, DISKDUMP_SIGNATURE)) {
            return "diskdump";
        }
        return null;
    }

    /** An ELF file of type {@code ET_CORE}, as against an executable or a library. */
    public static boolean isElfCore(ByteSource src) {
        return src.canRead(ElfCore.E_TYPE, 2) && src.u16(ElfCore.E_TYPE) == ElfCore.ET_CORE;
    }

    private static boolean startsWith(ByteSource src, String signature) {
        byte[] want = signature.getBytes(StandardCharsets.US_ASCII);
        if (!src.canRead(0, want.length)) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (src.u8(i) != (want[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** @param raw read the file as raw physical memory whatever its first bytes say */
    public static PhysicalMemory open(ByteSource src, boolean raw) throws InputException {
        if (raw) {
            return new RawImage(src);
        }
        String kind = sniff(src);
        if (kind == null) {
            throw new InputException("not a memory image this tool recognises (no ELF, 'KDUMP   ' or"
                    + " 'makedumpfile' signature); for raw physical memory use --raw");
        }
        return switch (kind) {
            case "kdump-compressed" -> KdumpCompressed.parse(src);
            case "elf" -> ElfCore.parse(src);
            case "kdump-flattened" -> FlattenedImage.parse(src);
            default -> throw new InputException("the old 'DISKDUMP' format is not supported; convert it with"
                    + " crash or makedumpfile first");
        };
    }
}
