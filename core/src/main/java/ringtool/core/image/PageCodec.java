package ringtool.core.image;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * makedumpfile's per-page codecs, by the flag bits of {@code page_desc.flags} ({@code diskdump_mod.h}): zlib
 * ({@code compress2}, a zlib stream), raw LZO1X, a raw Snappy block, a zstd frame. None is written here: the JDK
 * inflates zlib, aircompressor the others.
 */
final class PageCodec {

    static final int ZLIB = 0x1;
    static final int LZO = 0x2;
    static final int SNAPPY = 0x4;
    static final int ZSTD = 0x20;

    private final Inflater inflater = new Inflater();
    private Decompressor lzo;
    private Decompressor snappy;
    private Decompressor zstd;

    static String name(int flags) {
        return switch (flags) {
            case 0 -> "raw";
            case ZLIB -> "zlib";
            case LZO -> "LZO";
            case SNAPPY -> "Snappy";
            case ZSTD -> "zstd";
            default -> "unknown (flags 0x" + Integer.toHexString(flags) + ")";
        };
    }

    /** Decodes one page; true only when it yields exactly {@code out.length} bytes. */
    boolean decode(int flags, byte[] in, int length, byte[] out) {
        try {
            return switch (flags) {
                case ZLIB -> inflate(in, length, out);
                case LZO -> (lzo == null ? lzo = new LzoDecompressor() : lzo)
                        .decompress(in, 0, length, out, 0, out.length) == out.length;
                case SNAPPY -> (snappy == null ? snappy = new SnappyDecompressor() : snappy)
                        .decompress(in, 0, length, out, 0, out.length) == out.length;
                case ZSTD -> (zstd == null ? zstd = new ZstdDecompressor() : zstd)
                        .decompress(in, 0, length, out, 0, out.length) == out.length;
                default -> false;
            };
        } catch (RuntimeException e) {
            // aircompressor signals corrupt input with MalformedInputException or an index exception.
            return false;
        }
    }

    private boolean inflate(byte[] in, int length, byte[] out) {
        inflater.reset();
        inflater.setInput(in, 0, length);
        try {
            int n = 0;
            while (n < out.length && !inflater.finished() && !inflater.needsInput()) {
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0) {
                    break;
                }
                n += k;
            }
            return n == out.length && inflater.finished();
        } catch (DataFormatException e) {
            return false;
        }
    }
}
