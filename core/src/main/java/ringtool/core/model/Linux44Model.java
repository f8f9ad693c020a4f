package ringtool.core.model;

import static ringtool.core.rules.Finding.hex;

import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingMath;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * {@code vmbus_recvpacket} of Linux 4.10 and before ({@code docs/readers.md} §4.2, measured in §5.4) called in a
 * loop: the shared {@code read_index} is the cursor; {@code hv_ringbuffer_peek} copies the descriptor (no
 * double mapping: at a read index beyond the data area the copy runs outside the ring); a payload longer than the
 * caller's buffer is refused; {@code hv_ringbuffer_read} then checks only the payload length against the bytes
 * available, wraps with {@code %} and moves the read index past the trailer. Its return value is ignored: an empty
 * payload ({@code -EINVAL}) looks like an empty ring, and a short ring ({@code -EAGAIN}) hands the driver the same
 * stale buffer again.
 */
public final class Linux44Model implements ReaderModel {

    public static final String NAME = "linux-4.4";
    private final long bufferSize;

    public Linux44Model(long bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Long pktBufferSize() {
        return bufferSize;
    }

    @Override
    public ModelResult run(RingSnapshot ring, long start, StrictPackets strict) {
        ModelRun run = new ModelRun(NAME, bufferSize, ring, start, strict);
        long read = start;
        if (run.noData()) {
            return run.noDataArea(read);
        }
        while (true) {
            // hv_get_ringbuffer_availbytes: read = dsize - bytes_to_write, in u32.
            long avail = RingMath.u32(run.dataSize - RingMath.bytesToWrite(read, run.write, run.dataSize));
            if (avail < PacketDescriptor.SIZE) {
                return run.caughtUp(read, avail);
            }
            if (!run.firstVisit(read) || run.limitReached()) {
                return run.loop(read, Rules.MODEL_LINUX_4_4_LOOP);
            }
            if (read >= run.dataSize) {
                run.finding(Rules.MODEL_LINUX_4_4_READ_PAST_MAPPING, "peeks a descriptor at read_index " + hex(read)
                        + ", beyond the data area of " + hex(run.dataSize) + " bytes", read, PacketDescriptor.SIZE);
                return run.end(EndReason.FAULT, read, "descriptor at " + hex(read) + " lies outside the data area");
            }
            PacketDescriptor d = PacketDescriptor.parse(run.view, read);
            long userlen = RingMath.u32(d.paddedPayloadLength());
            if (userlen > bufferSize) {
                if (d.offset8() > d.len8()) {
                    run.finding(Rules.MODEL_LINUX_4_4_PAYLOAD_UNDERFLOW, "offset8 " + d.offset8() + " > len8 "
                            + d.len8() + " at " + hex(read) + ": the payload length underflows to " + userlen
                            + "; the packet is refused on every call", read, PacketDescriptor.SIZE);
                } else {
                    run.finding(Rules.MODEL_LINUX_4_4_BUFFER_TOO_SMALL, "payload of " + userlen + " bytes at "
                            + hex(read) + " exceeds the " + bufferSize + "-byte buffer; the packet is refused on every"
                            + " call", read,
                            PacketDescriptor.SIZE);
                }
                return run.end(EndReason.REJECTED, read, "-ENOBUFS: payload of " + userlen + " bytes, buffer of "
                        + bufferSize);
            }
            if (userlen == 0) {
                run.finding(Rules.MODEL_LINUX_4_4_STALLED, "empty payload at " + hex(read) + " (offset8 == len8 "
                        + d.len8() + "): -EINVAL ignored, nothing consumed", read, PacketDescriptor.SIZE);
                return run.end(EndReason.STALLED, read, "empty payload at " + hex(read)
                        + ": hv_ringbuffer_read's -EINVAL is ignored, the driver sees an empty ring");
            }
            ModelRead r = run.read(read, d.offset8(), d.len8());
            run.judge(r, Rules.MODEL_LINUX_4_4_GHOST_PACKET, Rules.MODEL_LINUX_4_4_DESYNC);
            if (avail < userlen) {
                run.finding(Rules.MODEL_LINUX_4_4_IGNORED_EAGAIN, "payload of " + userlen + " bytes at " + hex(read)
                        + " with only " + avail + " available: -EAGAIN ignored, the stale buffer is handed over again",
                        read, PacketDescriptor.SIZE);
                return run.end(EndReason.LOOP, read, "-EAGAIN ignored at " + hex(read)
                        + ": nothing consumed, the same packet is handed over on every call");
            }
            long step = d.footprint();
            if (!r.beyondWriteIndex() && step > avail && run.fresh(Rules.MODEL_LINUX_4_4_PASSED_WRITE_INDEX)) {
                run.finding(Rules.MODEL_LINUX_4_4_PASSED_WRITE_INDEX, "publishes read_index past the write index "
                        + hex(run.write) + " after the packet at " + hex(read) + " (" + step + " bytes, " + avail
                        + " available)", read, PacketDescriptor.SIZE);
            }
            read = (read + step) % run.dataSize;
        }
    }
}
