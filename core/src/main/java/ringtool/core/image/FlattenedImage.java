package ringtool.core.image;

import java.util.Arrays;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;

/**
 * makedumpfile's flattened form ({@code makedumpfile -F}, for writing to a pipe): the kdump-compressed file cut
 * into segments, each prefixed by where it belongs. Read here in place, through an index of the segments, the
 * way libkdumpfile reads it, instead of rearranging it first ({@code makedumpfile -R}).
 *
 * <pre>
 * 0x0000  makedumpfile_header: signature[16] "makedumpfile", type i64 BE (1), version i64 BE (1); 4096 bytes
 * 0x1000  makedumpfile_data_header: offset i64 BE, buf_size i64 BE   (16 bytes)
 *         buf_size bytes of data, to go at offset of the rearranged file
 *         ... repeated; a header whose offset and size are -1 ends the stream
 * </pre>
 *
 * Big-endian, whatever the dumped machine: makedumpfile converts these fields with {@code cpu_to_be64}.
 */
public final class FlattenedImage {

    static final int HEADER_SIZE = 4096;
    static final int SEGMENT_HEADER = 16;
    static final long END_FLAG = -1;

    private FlattenedImage() {
    }

    public static PhysicalMemory parse(ByteSource src) throws InputException {
        Segments segments = Segments.index(src);
        if (!KdumpCompressed.sniff(segments)) {
            throw new InputException("kdump-flattened: the rearranged file does not start with 'KDUMP   '");
        }
        KdumpCompressed inner = KdumpCompressed.parse(segments);
        return new PhysicalMemory() {
            @Override
            public String container() {
                return "kdump-flattened";
            }

            @Override
            public String description() {
                return "flattened (" + segments.count() + " segments) " + inner.description();
            }

            @Override
            public long endPfn() {
                return inner.endPfn();
            }

            @Override
            public PageState state(long pfn) {
                return inner.state(pfn);
            }

            @Override
            public ByteSource page(long pfn) {
                return inner.page(pfn);
            }

            @Override
            public String damage() {
                return inner.damage();
            }

            @Override
            public long nextCandidate(long pfn) {
                return inner.nextCandidate(pfn);
            }
        };
    }

    private static long be64(ByteSource src, long at) {
        return Long.reverseBytes(src.u64(at));
    }

    /** The rearranged file as a source: each logical offset found through the segment that holds it. */
    static final class Segments implements ByteSource {
        private final ByteSource src;
        private final long[] logical;
        private final long[] physical;
        private final long[] sizes;
        private final long size;

        private Segments(ByteSource src, long[] logical, long[] physical, long[] sizes, long size) {
            this.src = src;
            this.logical = logical;
            this.physical = physical;
            this.sizes = sizes;
            this.size = size;
        }

        static Segments index(ByteSource src) throws InputException {
            if (!src.canRead(0, HEADER_SIZE)) {
                throw new InputException("kdump-flattened: file too small for its 4096-byte header");
            }
            long type = be64(src, 16);
            if (type != 1) {
                throw new InputException("kdump-flattened: header type " + type + ", expected 1");
            }
            // At most one segment per 17 bytes of file: the arrays below are bounded by the file, not a field.
            int cap = 16;
            long[] lo = new long[cap];
            long[] ph = new long[cap];
            long[] sz = new long[cap];
            int n = 0;
            long at = HEADER_SIZE;
            long end = 0;
            boolean sorted = true;
            while (true) {
                if (!src.canRead(at, SEGMENT_HEADER)) {
                    throw new InputException("kdump-flattened: segment header at " + at
                            + " runs past the end of the file (no end marker)");
                }
                long offset = be64(src, at);
                long length = be64(src, at + 8);
                if (offset == END_FLAG && length == END_FLAG) {
                    break;
                }
                if (offset < 0 || length < 0 || !src.canRead(at + SEGMENT_HEADER, length)) {
                    throw new InputException("kdump-flattened: segment at " + at + " (" + length
                            + " bytes for offset " + offset + ") runs past the end of the file");
                }
                if (length > 0) {
                    if (n == cap) {
                        cap *= 2;
                        lo = Arrays.copyOf(lo, cap);
                        ph = Arrays.copyOf(ph, cap);
                        sz = Arrays.copyOf(sz, cap);
                    }
                    sorted &= n == 0 || offset >= lo[n - 1];
                    lo[n] = offset;
                    ph[n] = at + SEGMENT_HEADER;
                    sz[n] = length;
                    n++;
                    end = Math.max(end, offset + length);
                }
                at += SEGMENT_HEADER + length;
            }
            if (!sorted) {
                // Later segments overwrite earlier ones (the header is rewritten at the end); keep write order
                // for equal offsets by sorting indices stably.
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                final long[] key = lo;
                Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
                long[] lo2 = new long[n];
                long[] ph2 = new long[n];
                long[] sz2 = new long[n];
                for (int i = 0; i < n; i++) {
                    lo2[i] = lo[order[i]];
                    ph2[i] = ph[order[i]];
                    sz2[i] = sz[order[i]];
                }
                lo = lo2;
                ph = ph2;
                sz = sz2;
            }
            return new Segments(src, Arrays.copyOf(lo, n), Arrays.copyOf(ph, n), Arrays.copyOf(sz, n), end);
        }

        int count() {
            return logical.length;
        }

        /** The last segment (in write order among equal starts) holding {@code at}, or -1. */
        private int find(long at) {
            int i = Arrays.binarySearch(logical, at);
            if (i >= 0) {
                while (i + 1 < logical.length && logical[i + 1] == at) {
                    i++;
                }
            } else {
                i = -i - 2;
            }
            for (int k = i; k >= 0 && k > i - 8; k--) {
                if (at >= logical[k] && at - logical[k] < sizes[k]) {
                    return k;
                }
            }
            return -1;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int u8(long at) {
            int k = find(at);
            if (k < 0) {
                // A gap the writer never filled: sparse in the rearranged file, so zero there too.
                java.util.Objects.checkFromIndexSize(at, 1, size);
                return 0;
            }
            return src.u8(physical[k] + at - logical[k]);
        }

        @Override
        public int u16(long at) {
            return (int) le(at, 2);
        }

        @Override
        public long u32(long at) {
            return le(at, 4);
        }

        @Override
        public long u64(long at) {
            return le(at, 8);
        }

        private long le(long at, int n) {
            int k = find(at);
            if (k >= 0 && at + n - logical[k] <= sizes[k]) {
                long p = physical[k] + at - logical[k];
                return switch (n) {
                    case 2 -> src.u16(p);
                    case 4 -> src.u32(p);
                    default -> src.u64(p);
                };
            }
            return bytewise(at, n);
        }

        @Override
        public void copy(long at, byte[] dst, int dstOffset, int length) {
            java.util.Objects.checkFromIndexSize(at, length, size);
            int done = 0;
            while (done < length) {
                long pos = at + done;
                int k = find(pos);
                if (k < 0) {
                    dst[dstOffset + done++] = 0;
                    continue;
                }
                int n = (int) Math.min(length - done, sizes[k] - (pos - logical[k]));
                src.copy(physical[k] + pos - logical[k], dst, dstOffset + done, n);
                done += n;
            }
        }
    }
}
