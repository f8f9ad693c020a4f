package ringtool.core.image;

import java.util.Arrays;
import java.util.Objects;
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

            @Override
            public long missingRunEnd(long pfn) {
                return inner.missingRunEnd(pfn);
            }
        };
    }

    private static long be64(ByteSource src, long at) {
        return Long.reverseBytes(src.u64(at));
    }

    /**
     * The rearranged file as a source: each logical offset found through the segment written last over it, by an
     * {@link IntervalIndex}, so that any number of segments that rewrite the same bytes resolve as the rearranging
     * would; gaps no segment wrote read as zeros, as they would in the sparse rearranged file.
     */
    static final class Segments implements ByteSource {
        /** makedumpfile flushes whole cache buffers; a segment per 4 KiB of file on average is far more. */
        static final long SEGMENTS_PER_BYTE_SHIFT = 12;
        static final long MIN_SEGMENT_LIMIT = 1 << 16;
        /** The rearranged file of a guest with a 52-bit physical address space is far smaller than 2^56 bytes. */
        static final long MAX_LOGICAL = 1L << 56;

        private final ByteSource src;
        private final IntervalIndex index;
        private final long[] logical;
        private final long[] physical;
        private final int count;
        private final long size;

        private Segments(ByteSource src, IntervalIndex index, long[] logical, long[] physical, int count, long size) {
            this.src = src;
            this.index = index;
            this.logical = logical;
            this.physical = physical;
            this.count = count;
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
            long limit = MIN_SEGMENT_LIMIT + (src.size() >>> SEGMENTS_PER_BYTE_SHIFT);
            int cap = 16;
            long[] lo = new long[cap];
            long[] ph = new long[cap];
            long[] hi = new long[cap];
            int n = 0;
            long at = HEADER_SIZE;
            long end = 0;
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
                if (offset < 0 || offset >= MAX_LOGICAL) {
                    throw new InputException("kdump-flattened: segment at " + at + " has offset " + offset
                            + ", expected 0 to 2^56");
                }
                if (length < 0 || !src.canRead(at + SEGMENT_HEADER, length)) {
                    throw new InputException("kdump-flattened: segment at " + at + " (" + length
                            + " bytes for offset " + offset + ") runs past the end of the file");
                }
                if (length > 0) {
                    if (n == limit) {
                        throw new InputException("kdump-flattened: more than " + limit + " segments in "
                                + src.size() + " bytes; rearrange it with 'makedumpfile -R' first");
                    }
                    if (n == cap) {
                        cap = (int) Math.min(limit, 2L * cap);
                        lo = Arrays.copyOf(lo, cap);
                        ph = Arrays.copyOf(ph, cap);
                        hi = Arrays.copyOf(hi, cap);
                    }
                    lo[n] = offset;
                    ph[n] = at + SEGMENT_HEADER;
                    hi[n] = offset + length;
                    n++;
                    end = Math.max(end, offset + length);
                }
                at += SEGMENT_HEADER + length;
            }
            lo = Arrays.copyOf(lo, n);
            hi = Arrays.copyOf(hi, n);
            long[] writeOrder = new long[n];
            for (int i = 0; i < n; i++) {
                writeOrder[i] = i;
            }
            return new Segments(src, IntervalIndex.resolve(lo, hi, writeOrder), lo, Arrays.copyOf(ph, n), n, end);
        }

        int count() {
            return count;
        }

        @Override
        public long size() {
            return size;
        }

        /** Where the byte at {@code at}, inside interval {@code k}, lies in the file. */
        private long position(int k, long at) {
            int owner = index.owner(k);
            return physical[owner] + (at - logical[owner]);
        }

        @Override
        public int u8(long at) {
            Objects.checkFromIndexSize(at, 1, size);
            int k = index.find(at);
            return k < 0 ? 0 : src.u8(position(k, at));
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
            Objects.checkFromIndexSize(at, n, size);
            int k = index.find(at);
            if (k >= 0 && index.end(k) - at >= n) {
                long p = position(k, at);
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
            Objects.checkFromIndexSize(at, length, size);
            Objects.checkFromIndexSize(dstOffset, length, dst.length);
            int done = 0;
            while (done < length) {
                long pos = at + done;
                int k = index.find(pos);
                if (k < 0) {
                    // A gap: zeros up to the next segment, in one fill.
                    int next = index.firstAfter(pos);
                    long gapEnd = next < index.count() ? index.start(next) : Long.MAX_VALUE;
                    int n = (int) Math.min(length - done, gapEnd - pos);
                    Arrays.fill(dst, dstOffset + done, dstOffset + done + n, (byte) 0);
                    done += n;
                    continue;
                }
                int n = (int) Math.min(length - done, index.end(k) - pos);
                src.copy(position(k, pos), dst, dstOffset + done, n);
                done += n;
            }
        }
    }
}
