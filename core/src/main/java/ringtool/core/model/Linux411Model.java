package ringtool.core.model;

import static ringtool.core.rules.Finding.hex;

import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingMath;
import ringtool.core.rules.Rules;
import ringtool.core.walk.RingSnapshot;

/**
 * The in-place iterator of Linux 4.11 to 5.13 ({@code docs/readers.md} §4.1, measured in §5.4): the driver gets a
 * pointer into the double-mapped ring, nothing is checked, and the cursor advances by the ring's own
 * {@code len8 * 8 + 8} with one subtraction of the data size. The mapping holds the data area twice; a
 * descriptor read beyond it faults. Where {@code vmbus_recvpacket} of the same kernel would act otherwise
 * (offset8 above len8: {@code -ENOBUFS} forever), a finding says so and the iterator goes on, as
 * {@code foreach_vmbus_pkt} does.
 */
public final class Linux411Model implements ReaderModel {

    public static final String NAME = "linux-4.11";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelResult run(RingSnapshot ring, long start, StrictPackets strict) {
        ModelRun run = new ModelRun(NAME, null, ring, start, strict);
        long priv = start;
        if (run.noData()) {
            return run.noDataArea(priv);
        }
        long mapping = 2 * run.dataSize;
        while (true) {
            ModelResult stop = run.beforeMappedDescriptor(priv, Rules.MODEL_LINUX_4_11_LOOP,
                    Rules.MODEL_LINUX_4_11_READ_PAST_MAPPING);
            if (stop != null) {
                return stop;
            }
            long avail = run.available(priv);
            PacketDescriptor d = PacketDescriptor.parse(run.view, priv);
            ModelRead r = run.read(priv, d.offset8(), d.len8());
            run.judge(r, Rules.MODEL_LINUX_4_11_GHOST_PACKET, Rules.MODEL_LINUX_4_11_DESYNC);
            if (priv + d.lengthBytes() > mapping && run.fresh(Rules.MODEL_LINUX_4_11_PACKET_PAST_MAPPING)) {
                run.finding(Rules.MODEL_LINUX_4_11_PACKET_PAST_MAPPING, "hands over " + d.lengthBytes()
                        + " bytes in place at " + hex(priv) + ", past the double mapping of " + hex(mapping) + " bytes",
                        priv, PacketDescriptor.SIZE);
            }
            if (d.offset8() > d.len8() && run.fresh(Rules.MODEL_LINUX_4_11_PAYLOAD_UNDERFLOW)) {
                run.finding(Rules.MODEL_LINUX_4_11_PAYLOAD_UNDERFLOW, "offset8 " + d.offset8() + " > len8 " + d.len8()
                        + " at " + hex(priv) + ": the payload length underflows to "
                        + RingMath.u32(d.paddedPayloadLength()) + "; vmbus_recvpacket would return -ENOBUFS"
                        + " forever", priv, PacketDescriptor.SIZE);
            }
            long step = d.footprint();
            if (!r.beyondWriteIndex() && step > avail && run.fresh(Rules.MODEL_LINUX_4_11_PASSED_WRITE_INDEX)) {
                run.finding(Rules.MODEL_LINUX_4_11_PASSED_WRITE_INDEX, "advances " + step + " bytes from " + hex(priv)
                        + " with only " + avail + " available: the cursor lands past the write index "
                        + hex(run.write), priv, PacketDescriptor.SIZE);
            }
            priv += step;
            if (priv >= run.dataSize) {
                priv -= run.dataSize;
            }
            if (priv >= run.dataSize && run.fresh(Rules.MODEL_LINUX_4_11_CURSOR_BEYOND_DATA)) {
                run.finding(Rules.MODEL_LINUX_4_11_CURSOR_BEYOND_DATA, "after the packet at " + hex(r.offset())
                        + " (len8 " + d.len8() + ") one subtraction leaves the cursor at " + hex(priv)
                        + ", at or beyond the data size " + hex(run.dataSize), r.offset(), PacketDescriptor.SIZE);
            }
        }
    }
}
