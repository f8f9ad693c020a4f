package ringtool.core.model;

import static ringtool.core.rules.Finding.hex;

import ringtool.core.format.PacketDescriptor;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * The copying iterator of Linux 5.14 and later ({@code docs/readers.md} §3.3–3.5, measured in §5.4):
 * {@code foreach_vmbus_pkt} over {@code hv_pkt_iter_first} / {@code __hv_pkt_iter_next}.
 *
 * <ul>
 *   <li>fewer than 16 bytes from the private cursor to the (unchecked) write index: nothing to read;</li>
 *   <li>{@code len} outside {@code [16, min(pkt_buffer_size, available)]} is clamped to that bound, {@code off}
 *       outside {@code [16, len]} forced to 16, both stamped into the copy;</li>
 *   <li>the copy of {@code len} bytes comes from the double mapping ({@code 2 x data_size} bytes after the
 *       header): beyond it, a fault;</li>
 *   <li>the cursor advances by the clamped {@code len8 * 8 + 8} with one subtraction of the data size.</li>
 * </ul>
 */
public final class Linux514Model implements ReaderModel {

    public static final String NAME = "linux-5.14";
    /** {@code VMBUS_DEFAULT_MAX_PKT_SIZE}. */
    public static final long DEFAULT_PKT_BUFFER_SIZE = 4096;

    private final long pktBufferSize;

    public Linux514Model(long pktBufferSize) {
        this.pktBufferSize = pktBufferSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Long pktBufferSize() {
        return pktBufferSize;
    }

    @Override
    public ModelResult run(RingSnapshot ring, long start, StrictPackets strict) {
        ModelRun run = new ModelRun(NAME, pktBufferSize, ring, start, strict);
        long priv = start;
        if (run.noData()) {
            return run.noDataArea(priv);
        }
        long mapping = 2 * run.dataSize;
        while (true) {
            ModelResult stop = run.beforeMappedDescriptor(priv, Rules.MODEL_LINUX_5_14_LOOP,
                    Rules.MODEL_LINUX_5_14_READ_PAST_MAPPING);
            if (stop != null) {
                return stop;
            }
            long avail = run.available(priv);
            PacketDescriptor d = PacketDescriptor.parse(run.view, priv);
            long bound = Math.min(pktBufferSize, avail);
            long len = d.lengthBytes();
            long off = d.payloadOffset();
            boolean lenClamped = len < PacketDescriptor.SIZE || len > bound;
            if (lenClamped) {
                len = bound;
            }
            boolean offClamped = off < PacketDescriptor.SIZE || off > len;
            if (offClamped) {
                off = PacketDescriptor.SIZE;
            }
            if (priv + len > mapping) {
                run.finding(Rules.MODEL_LINUX_5_14_READ_PAST_MAPPING, "copies " + len + " bytes from " + hex(priv)
                        + ", past the double mapping of " + hex(mapping) + " bytes (pkt_buffer_size " + pktBufferSize
                        + ")", priv, len);
                return run.end(EndReason.FAULT, priv, "the copy of " + len + " bytes from " + hex(priv)
                        + " runs past the double mapping");
            }
            int len8 = (int) (len / PacketDescriptor.ALIGNMENT);
            int off8 = (int) (off / PacketDescriptor.ALIGNMENT);
            if (lenClamped && run.fresh(Rules.MODEL_LINUX_5_14_CLAMPED_LEN8)) {
                String why = d.len8() < 2 ? "below 2" : "above min(pkt_buffer_size " + pktBufferSize
                        + ", available " + avail + ")";
                run.finding(Rules.MODEL_LINUX_5_14_CLAMPED_LEN8, "clamps len8 " + d.len8() + " at " + hex(priv)
                        + " (" + why + ") to " + len8 + ": the driver gets " + (len - off) + " payload bytes", priv,
                        PacketDescriptor.SIZE);
            }
            if (offClamped && run.fresh(Rules.MODEL_LINUX_5_14_CLAMPED_OFFSET8)) {
                run.finding(Rules.MODEL_LINUX_5_14_CLAMPED_OFFSET8, "forces offset8 " + d.offset8() + " at " + hex(priv)
                        + " to 2", priv, PacketDescriptor.SIZE);
            }
            ModelRead r = run.read(priv, off8, len8);
            run.judge(r, Rules.MODEL_LINUX_5_14_GHOST_PACKET, Rules.MODEL_LINUX_5_14_DESYNC);
            long step = (long) len8 * PacketDescriptor.ALIGNMENT + PacketDescriptor.TRAILER_SIZE;
            if (!r.beyondWriteIndex() && step > avail && run.fresh(Rules.MODEL_LINUX_5_14_PASSED_WRITE_INDEX)) {
                run.finding(Rules.MODEL_LINUX_5_14_PASSED_WRITE_INDEX, "advances " + step + " bytes from " + hex(priv)
                        + " with only " + avail + " available: the cursor lands past the write index "
                        + hex(run.write), priv, PacketDescriptor.SIZE);
            }
            priv += step;
            if (priv >= run.dataSize) {
                priv -= run.dataSize;
            }
        }
    }
}
