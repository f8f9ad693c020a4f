package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/**
 * The walk back through trailers, one packet at a time. Linux and Hyper-V writers end every packet with a trailer
 * whose high 32 bits are the packet's start, so the 8 bytes before a packet name the start of the one before it:
 *
 * <pre>
 *   ... | packet -2 | trailer (start of -2) | packet -1 | trailer (start of -1) | cursor ...
 * </pre>
 *
 * Each step must prove itself: the trailer {@link PacketDescriptor#trailerShaped shaped} as writers leave it, the
 * start inside the data area and 8-aligned, the packet there no larger than the bytes left to account for, its
 * {@code len8} ending exactly at the trailer, and its descriptor {@link PacketDescriptor#plausible plausible}. The
 * chain ends at the first step that fails, and {@link #stop()} says which test that was. Every step accounts for
 * at least {@link PacketDescriptor#MIN_FOOTPRINT} bytes of the budget, so a chain has at most
 * {@code budget / 24} steps.
 *
 * <p>Offsets are data-area offsets; {@code data} reads them modulo the data size (a {@code RingView}).
 */
public final class TrailerChain {

    /** Why the chain ended. */
    public enum Stop {
        /** Fewer bytes than a packet takes are left of the budget. */
        ACCOUNTED_FOR,
        /** The trailer's low 32 bits are not zero. */
        NOT_A_TRAILER,
        /** The start the trailer records lies beyond the data area. */
        OUTSIDE,
        /** The start the trailer records is not 8-aligned. */
        UNALIGNED,
        /** A packet from that start to the cursor is larger than the bytes left of the budget. */
        OVERLAP,
        /** The descriptor's {@code len8} does not end at the trailer. */
        LENGTH_MISMATCH,
        /** The descriptor is not one a writer could have sent. */
        IMPLAUSIBLE
    }

    private final ByteSource data;
    private final long size;
    private long cursor;
    private long budget;
    private long trailerAt;
    private long trailer;
    private long span;
    private PacketDescriptor descriptor;
    private Stop stop;

    /**
     * @param cursor where the chain starts: a packet ends in the 8 bytes before it
     * @param budget bytes the chain may account for (the data size, less any live data it must not enter)
     */
    public TrailerChain(ByteSource data, long dataSize, long cursor, long budget) {
        this.data = data;
        this.size = dataSize;
        this.cursor = cursor;
        this.budget = budget;
    }

    /** Steps back one packet; false when the chain ends there (then {@link #stop()} says why). */
    public boolean back() {
        if (stop != null) {
            return false;
        }
        trailerAt = Math.floorMod(cursor - PacketDescriptor.TRAILER_SIZE, size);
        trailer = data.u64(trailerAt);
        long start = start();
        descriptor = null;
        if (budget < PacketDescriptor.MIN_FOOTPRINT) {
            stop = Stop.ACCOUNTED_FOR;
        } else if (!PacketDescriptor.trailerShaped(trailer)) {
            stop = Stop.NOT_A_TRAILER;
        } else if (start >= size) {
            stop = Stop.OUTSIDE;
        } else if (start % PacketDescriptor.ALIGNMENT != 0) {
            stop = Stop.UNALIGNED;
        } else {
            long s = Math.floorMod(cursor - start, size);
            span = s == 0 ? size : s;
            if (span > budget) {
                stop = Stop.OVERLAP;
                return false;
            }
            descriptor = PacketDescriptor.parse(data, start);
            if (descriptor.footprint() != span) {
                stop = Stop.LENGTH_MISMATCH;
            } else if (!descriptor.plausible()) {
                stop = Stop.IMPLAUSIBLE;
            } else {
                budget -= span;
                cursor = start;
                return true;
            }
        }
        return false;
    }

    /** After a step, the packet's start; once the chain has ended, the oldest packet's (or where it began). */
    public long cursor() {
        return cursor;
    }

    /** The start the last trailer read records (the packet just recovered, or the one refused). */
    public long start() {
        return PacketDescriptor.trailerStart(trailer);
    }

    /** Data-area offset of the last trailer read. */
    public long trailerAt() {
        return trailerAt;
    }

    public long trailer() {
        return trailer;
    }

    /** Bytes from {@link #start()} to the cursor: the packet and its trailer (a whole lap when they are equal). */
    public long span() {
        return span;
    }

    /** The descriptor at {@link #start()}: the packet recovered, or the one refused; null when none was read. */
    public PacketDescriptor descriptor() {
        return descriptor;
    }

    /** Why the chain ended, or null while it goes on. */
    public Stop stop() {
        return stop;
    }
}
