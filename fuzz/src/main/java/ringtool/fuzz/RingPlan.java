package ringtool.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.PacketType;
import ringtool.core.format.RingHeader;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.model.Models;
import ringtool.core.model.ReaderModel;
import ringtool.core.inspect.Inspector;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;
import ringtool.output.Format;
import ringtool.output.TextOptions;

/**
 * A ring dump built from fuzzer choices, written through synth's {@link RingWriter} as the Linux writer lays
 * packets out (descriptor, extended header, payload, padding, trailer, all modulo the data size), with every field
 * open to a bad value. The choices
 * are read in a fixed order, so a {@link FuzzedDataProvider} stream is a stable recipe:
 *
 * <pre>
 * layout, pages per data area, then per ring: start index, header words, packet count, per packet: type, flags,
 * extension (ranges), payload, offset8/len8 overrides, trailer; write index; then double-mapped damage, trailing
 * bytes, the --read-index override, and the output (--format text, json, jsonl, text -V -x or sarif); then, for the
 * readers target only ({@link #withReaders}), the reader models (--model, a non-empty subset), their
 * --pkt-buffer-size, --history and, with it, a --read-index after some of the first ring's packets, or else now and
 * then a --read-index anywhere below 2^63
 * </pre>
 *
 * A stream that runs out yields zeros and {@code false}, which build small valid rings, written as text (and run
 * linux-5.14 alone). The readers' choices come last, so a layout recipe read as a readers recipe builds the same ring.
 */
public record RingPlan(Layout layout, byte[] bytes, Long readIndex, Format format, TextOptions text,
                       List<ReaderModel> models, boolean history) {

    static final int HEADER = RingHeader.HOST_PAGE_SIZE;
    static final int MAX_PAGES = 3;
    static final int MAX_PACKETS = 12;
    static final int MAX_PAYLOAD = 96;
    private static final Layout[] LAYOUTS = {Layout.SINGLE, Layout.UIO_PAIR, Layout.DOUBLE_MAPPED, Layout.AUTO};
    private static final int[] TYPES = {PacketType.DATA_INBAND, PacketType.DATA_USING_XFER_PAGES,
        PacketType.DATA_USING_GPA_DIRECT, PacketType.COMP, PacketType.INVALID, PacketType.MAX_KNOWN,
        PacketType.MAX_KNOWN + 1, 0xFFFF};
    /**
     * The output of one input, as {@code --format} chooses it: text first, the CLI's default, which a stream that has
     * run out (most of the fuzzer's short inputs) picks; then JSON, JSONL, text with the field tree and hex dump
     * ({@code -V -x}), and one input in 64 SARIF, whose every document carries the whole rule registry (about 23 KB,
     * ten times a JSON report). With JSON first and SARIF at one in 16, writing and parsing those two took half the
     * target's time.
     */
    private static final Output[] OUTPUTS = {Output.of(Format.TEXT), Output.of(Format.JSON), Output.of(Format.JSONL),
        new Output(Format.TEXT, Harness.TEXT)};
    private static final int SARIF_ONE_IN = 64;

    private record Output(Format format, TextOptions text) {
        static Output of(Format format) {
            return new Output(format, TextOptions.DEFAULT);
        }
    }

    /**
     * linux-5.14's copy buffer and linux-4.4's caller buffer: the drivers' sizes ({@link Models#PKT_BUFFER_PRESETS}),
     * then the edges {@code --pkt-buffer-size} admits (a bare descriptor, the smallest packet, the u32 maximum).
     */
    private static final long[] PKT_BUFFERS = {4096, 8192, 16384, PacketDescriptor.SIZE,
        PacketDescriptor.MIN_FOOTPRINT, 0xFFFF_FFFFL};

    public Inspector inspector() {
        return new Inspector(new FramingOptions(layout, HEADER, null), readIndex, models, history);
    }

    /** A ring for the layout target: the strict walk alone, as a plain {@code ringtool inspect} runs it. */
    public static RingPlan from(FuzzedDataProvider in) {
        return from(in, false);
    }

    /** A ring for the readers target: the same recipe, then the reader models and the history walk over it. */
    public static RingPlan withReaders(FuzzedDataProvider in) {
        return from(in, true);
    }

    private static RingPlan from(FuzzedDataProvider in, boolean readers) {
        Layout layout = LAYOUTS[in.consumeInt(0, LAYOUTS.length - 1)];
        int dataSize = in.consumeInt(1, MAX_PAGES) * RingHeader.HOST_PAGE_SIZE;
        boolean pair = layout == Layout.UIO_PAIR || (layout == Layout.AUTO && in.consumeBoolean());
        List<Long> ends = new ArrayList<>();
        byte[] first = ring(in, dataSize, ends);
        byte[] bytes;
        if (pair) {
            byte[] second = ring(in, dataSize, new ArrayList<>());
            bytes = Arrays.copyOf(first, first.length * 2);
            System.arraycopy(second, 0, bytes, first.length, second.length);
        } else if (layout == Layout.DOUBLE_MAPPED) {
            bytes = Arrays.copyOf(first, first.length + dataSize);
            System.arraycopy(first, HEADER, bytes, first.length, dataSize);
            if (in.consumeBoolean()) {
                int at = first.length + in.consumeInt(0, dataSize - 1);
                bytes[at] ^= (byte) in.consumeInt(1, 255);
            }
        } else {
            bytes = first;
        }
        int extra = in.consumeInt(0, 3) == 3 ? in.consumeInt(1, 64) * PacketDescriptor.ALIGNMENT : 0;
        if (extra > 0) {
            bytes = Arrays.copyOf(bytes, bytes.length + extra);
        }
        Long readIndex = in.consumeBoolean() ? index(in, dataSize) : null;
        // One format per input, as one `ringtool inspect` writes: the writers together cost more than the reader.
        int o = in.consumeInt(0, SARIF_ONE_IN - 1);
        Output output = o == SARIF_ONE_IN - 1 ? Output.of(Format.SARIF) : OUTPUTS[o % OUTPUTS.length];
        if (!readers) {
            return new RingPlan(layout, bytes, readIndex, output.format(), output.text(), List.of(), false);
        }
        int chosen = 1 + in.consumeInt(0, (1 << Models.NAMES.size()) - 2);
        long pktBufferSize = PKT_BUFFERS[in.consumeInt(0, PKT_BUFFERS.length - 1)];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Models.NAMES.size(); i++) {
            if ((chosen & (1 << i)) != 0) {
                names.add(Models.NAMES.get(i));
            }
        }
        boolean history = in.consumeBoolean();
        if (history && !ends.isEmpty() && in.consumeBoolean()) {
            // Start after some of the first ring's packets, as a crash dump's priv_read_index does: those are then
            // consumed, and the walk back from the start has trailers to follow.
            readIndex = ends.get(in.consumeInt(0, ends.size() - 1));
        } else if (in.consumeInt(0, 15) == 15) {
            // --read-index takes any non-negative long; a cursor near 2^63 once overflowed a model's bound check.
            readIndex = in.consumeLong() & Long.MAX_VALUE;
        }
        return new RingPlan(layout, bytes, readIndex, output.format(), output.text(),
                Models.expand(names, pktBufferSize), history);
    }

    /** An index near the interesting edges: 0, the last slots, unaligned, at or past the end, or anything. */
    static long index(FuzzedDataProvider in, int dataSize) {
        return switch (in.consumeInt(0, 7)) {
            case 0 -> 0;
            case 1 -> dataSize - PacketDescriptor.ALIGNMENT;
            case 2 -> dataSize - PacketDescriptor.MIN_FOOTPRINT;
            case 3 -> in.consumeInt(0, dataSize / PacketDescriptor.ALIGNMENT - 1) * (long) PacketDescriptor.ALIGNMENT;
            case 4 -> in.consumeInt(0, dataSize - 1);
            case 5 -> dataSize;
            case 6 -> dataSize + (long) in.consumeInt(0, 4096);
            default -> in.consumeInt() & 0xFFFF_FFFFL;
        };
    }

    /** @param ends receives where each packet ends, modulo the data size */
    private static byte[] ring(FuzzedDataProvider in, int dataSize, List<Long> ends) {
        byte[] bytes = new byte[HEADER + dataSize];
        RingWriter r = new RingWriter(bytes, 0, HEADER, dataSize);
        long start = index(in, dataSize);
        r.readIndex(start);
        r.interruptMask(pick(in, 0, 1));
        r.pendingSendSize(in.consumeBoolean() ? in.consumeInt() & 0xFFFF_FFFFL : 0);
        r.featureBits(pick(in, 1, 0));
        if (in.consumeInt(0, 15) == 15) {
            r.headerU32(RingHeader.RESERVED1_OFFSET + in.consumeInt(0, 11) * Integer.BYTES,
                    in.consumeInt() & 0xFFFF_FFFFL);
        }
        long cursor = Math.floorMod(start, dataSize) & ~(PacketDescriptor.ALIGNMENT - 1L);
        int packets = in.consumeInt(0, MAX_PACKETS);
        for (int i = 0; i < packets; i++) {
            cursor = packet(in, r, cursor);
            ends.add(cursor);
        }
        long write = switch (in.consumeInt(0, 7)) {
            case 6 -> index(in, dataSize);
            case 7 -> Math.floorMod(cursor + in.consumeInt(-3, 3) * (long) PacketDescriptor.ALIGNMENT, dataSize);
            default -> cursor;
        };
        r.writeIndex(write);
        return bytes;
    }

    /** Mostly the usual value, sometimes the other legal one, sometimes anything. */
    private static long pick(FuzzedDataProvider in, long usual, long other) {
        return switch (in.consumeInt(0, 7)) {
            case 6 -> other;
            case 7 -> in.consumeInt() & 0xFFFF_FFFFL;
            default -> usual;
        };
    }

    /**
     * Writes one packet at {@code at} as Linux lays it out, then lets the fuzzer lie in offset8, len8 or the
     * trailer; the trailer goes where len8 says the packet ends, and the next packet after it. Fields are written in
     * place, in the order extended header, payload, descriptor, trailer, so a lying len8 lets the trailer overwrite
     * what came before. Padding is not cleared: it keeps what earlier packets left there.
     *
     * @return where the next packet goes
     */
    private static long packet(FuzzedDataProvider in, RingWriter r, long at) {
        int type = in.consumeInt(0, 15) < TYPES.length ? TYPES[in.consumeInt(0, TYPES.length - 1)]
                : in.consumeInt(0, 0xFFFF);
        int flags = (int) pick(in, 0, PacketDescriptor.FLAG_COMPLETION_REQUESTED) & 0xFFFF;
        long ext = 0;
        if (type == PacketType.DATA_USING_XFER_PAGES) {
            ext = transferPages(in, r, at);
        } else if (type == PacketType.DATA_USING_GPA_DIRECT) {
            ext = gpaDirect(in, r, at);
        }
        byte[] payload = in.consumeBytes(in.consumeInt(0, MAX_PAYLOAD));
        r.put(at + PacketDescriptor.SIZE + ext, payload);
        int offset8 = RingWriter.offset8(ext);
        int len8 = RingWriter.len8(offset8, payload.length);
        switch (in.consumeInt(0, 15)) {
            case 13 -> offset8 = in.consumeInt(0, 4);
            case 14 -> len8 = in.consumeInt(0, 4);
            case 15 -> len8 = in.consumeInt(0, 0xFFFF);
            default -> { }
        }
        r.descriptor(at, type, offset8, len8, flags, in.consumeLong());
        long trailer = switch (in.consumeInt(0, 7)) {
            case 5 -> 0;
            case 6 -> PacketDescriptor.expectedTrailer(at) | (in.consumeInt() & 0xFFFF_FFFFL);
            case 7 -> in.consumeLong();
            default -> PacketDescriptor.expectedTrailer(at);
        };
        return r.trailer(at, len8 * (long) PacketDescriptor.ALIGNMENT, trailer);
    }

    /** Type 7's header and ranges; returns the extended header's length. */
    private static long transferPages(FuzzedDataProvider in, RingWriter r, long at) {
        int ranges = in.consumeInt(0, 4);
        long declared = in.consumeInt(0, 7) == 7 ? in.consumeInt() & 0xFFFF_FFFFL : ranges;
        r.put(at + TransferPageHeader.PAGESET_ID_OFFSET, in.consumeInt(0, 0xFFFF), Short.BYTES);
        r.put(at + TransferPageHeader.SENDER_OWNS_OFFSET, in.consumeInt(0, 1), 1);
        r.put(at + TransferPageHeader.RANGE_COUNT_OFFSET, declared, Integer.BYTES);
        long range = at + TransferPageHeader.RANGES_OFFSET;
        for (int i = 0; i < ranges; i++) {
            r.put(range + TransferPageRange.BYTE_COUNT_OFFSET, in.consumeInt(), Integer.BYTES);
            r.put(range + TransferPageRange.BYTE_OFFSET_OFFSET, in.consumeInt(), Integer.BYTES);
            range += TransferPageRange.SIZE;
        }
        return range - at - PacketDescriptor.SIZE;
    }

    /** Type 9's header and ranges, each with the PFNs it spans unless the fuzzer drops some. */
    private static long gpaDirect(FuzzedDataProvider in, RingWriter r, long at) {
        int ranges = in.consumeInt(0, 3);
        long declared = in.consumeInt(0, 7) == 7 ? in.consumeInt(0, 8) : ranges;
        r.put(at + GpaDirectHeader.RANGE_COUNT_OFFSET, declared, Integer.BYTES);
        long range = at + GpaDirectHeader.RANGES_OFFSET;
        for (int i = 0; i < ranges; i++) {
            long count = in.consumeInt(0, 3) == 3 ? in.consumeInt() & 0xFFFF_FFFFL : in.consumeInt(0, 3 * 4096);
            long offset = in.consumeInt(0, 7) == 7 ? in.consumeInt() & 0xFFFF_FFFFL : in.consumeInt(0, 4095);
            long pfns = Math.min((offset + count + GpaRange.HV_PAGE_SIZE - 1) / GpaRange.HV_PAGE_SIZE, 4);
            pfns = Math.max(0, pfns - in.consumeInt(0, 1));
            r.put(range + GpaRange.BYTE_COUNT_OFFSET, count, Integer.BYTES);
            r.put(range + GpaRange.BYTE_OFFSET_OFFSET, offset, Integer.BYTES);
            range += GpaRange.PFN_ARRAY_OFFSET;
            for (int p = 0; p < pfns; p++) {
                r.put(range, in.consumeLong(), GpaRange.PFN_SIZE);
                range += GpaRange.PFN_SIZE;
            }
        }
        return range - at - PacketDescriptor.SIZE;
    }
}
