package ringtool.fuzz;

import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.PacketDescriptor;
import ringtool.core.format.RingHeader;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.walk.Packet;
import ringtool.core.walk.PacketExtension;

/**
 * The round trip: every field the parsed model holds (header words, descriptors, extended headers and their
 * ranges, the padding the model calls padding, trailers) is encoded again and must equal the input's bytes at the
 * same place. Payload bytes are not in the model and are not compared. A mismatch means a parser read a field from
 * the wrong offset, with the wrong width, or across the wrap wrongly.
 */
final class ModelEncoder {

    private final byte[] input;
    private final RingReport ring;
    private final long dataStart;
    private final long dataSize;

    private ModelEncoder(byte[] input, RingReport ring) {
        this.input = input;
        this.ring = ring;
        this.dataStart = ring.fileOffset() + ring.headerSize();
        this.dataSize = ring.dataSize();
    }

    static void verify(InputReport report, byte[] input) {
        for (RingReport ring : report.rings()) {
            new ModelEncoder(input, ring).verifyRing();
        }
    }

    private void verifyRing() {
        RingHeader h = ring.header();
        long at = ring.fileOffset();
        fileField("write_index", at + RingHeader.WRITE_INDEX_OFFSET, h.writeIndex(), Integer.BYTES);
        fileField("read_index", at + RingHeader.READ_INDEX_OFFSET, h.readIndex(), Integer.BYTES);
        fileField("interrupt_mask", at + RingHeader.INTERRUPT_MASK_OFFSET, h.interruptMask(), Integer.BYTES);
        fileField("pending_send_sz", at + RingHeader.PENDING_SEND_SIZE_OFFSET, h.pendingSendSize(), Integer.BYTES);
        fileField("feature_bits", at + RingHeader.FEATURE_BITS_OFFSET, h.featureBits(), Integer.BYTES);
        if (dataSize <= 0) {
            return;
        }
        for (Packet p : ring.packets()) {
            verifyPacket(p);
        }
    }

    private void verifyPacket(Packet p) {
        PacketDescriptor d = p.descriptor();
        long at = p.offset();
        String of = " of packet " + p.index();
        dataField("type" + of, at + PacketDescriptor.TYPE_OFFSET, d.type(), Short.BYTES);
        dataField("offset8" + of, at + PacketDescriptor.OFFSET8_OFFSET, d.offset8(), Short.BYTES);
        dataField("len8" + of, at + PacketDescriptor.LEN8_OFFSET, d.len8(), Short.BYTES);
        dataField("flags" + of, at + PacketDescriptor.FLAGS_OFFSET, d.flags(), Short.BYTES);
        dataField("transaction_id" + of, at + PacketDescriptor.TRANSACTION_ID_OFFSET, d.transactionId(), Long.BYTES);
        if (p.extension() instanceof PacketExtension.TransferPages t) {
            TransferPageHeader x = t.header();
            dataField("pageset_id" + of, at + TransferPageHeader.PAGESET_ID_OFFSET, x.pagesetId(), Short.BYTES);
            dataField("sender_owns_set" + of, at + TransferPageHeader.SENDER_OWNS_OFFSET, x.senderOwnsSet(), 1);
            dataField("reserved" + of, at + TransferPageHeader.RESERVED_OFFSET, x.reserved(), 1);
            dataField("range_count" + of, at + TransferPageHeader.RANGE_COUNT_OFFSET, x.rangeCount(), Integer.BYTES);
            long r = at + TransferPageHeader.RANGES_OFFSET;
            for (TransferPageRange range : t.ranges()) {
                dataField("xfer byte_count" + of, r + TransferPageRange.BYTE_COUNT_OFFSET, range.byteCount(),
                        Integer.BYTES);
                dataField("xfer byte_offset" + of, r + TransferPageRange.BYTE_OFFSET_OFFSET, range.byteOffset(),
                        Integer.BYTES);
                r += TransferPageRange.SIZE;
            }
        } else if (p.extension() instanceof PacketExtension.GpaDirect g) {
            GpaDirectHeader x = g.header();
            dataField("gpa reserved" + of, at + GpaDirectHeader.RESERVED_OFFSET, x.reserved(), Integer.BYTES);
            dataField("gpa range_count" + of, at + GpaDirectHeader.RANGE_COUNT_OFFSET, x.rangeCount(), Integer.BYTES);
            long r = at + GpaDirectHeader.RANGES_OFFSET;
            for (GpaRange range : g.ranges()) {
                dataField("gpa byte_count" + of, r + GpaRange.BYTE_COUNT_OFFSET, range.byteCount(), Integer.BYTES);
                dataField("gpa byte_offset" + of, r + GpaRange.BYTE_OFFSET_OFFSET, range.byteOffset(), Integer.BYTES);
                long pfn = r + GpaRange.PFN_ARRAY_OFFSET;
                for (long value : range.pfns()) {
                    dataField("gpa pfn" + of, pfn, value, GpaRange.PFN_SIZE);
                    pfn += GpaRange.PFN_SIZE;
                }
                r += range.size();
            }
        }
        long padding = p.paddedPayloadLength() - p.payloadLength();
        long paddingAt = at + d.lengthBytes() - padding;
        for (long i = 0; i < padding; i++) {
            dataField("padding byte" + of, paddingAt + i, 0, 1);
        }
        if (padding < PacketDescriptor.ALIGNMENT - 1 && p.payloadLength() > 0
                && u8(at + d.payloadOffset() + p.payloadLength() - 1) == 0) {
            throw new InvariantViolation("payload" + of + " ends in a zero byte the model did not count as padding");
        }
        dataField("trailer" + of, at + d.lengthBytes(), p.trailer(), PacketDescriptor.TRAILER_SIZE);
    }

    private int u8(long dataOffset) {
        return input[(int) (dataStart + Math.floorMod(dataOffset, dataSize))] & 0xFF;
    }

    private void dataField(String name, long dataOffset, long value, int width) {
        for (int i = 0; i < width; i++) {
            int expected = (int) (value >>> (8 * i)) & 0xFF;
            int actual = u8(dataOffset + i);
            if (expected != actual) {
                throw new InvariantViolation(name + " re-encodes to byte " + Integer.toHexString(expected)
                        + " at data offset " + Math.floorMod(dataOffset + i, dataSize) + " of ring " + ring.name()
                        + ", the input holds " + Integer.toHexString(actual));
            }
        }
    }

    private void fileField(String name, long fileOffset, long value, int width) {
        for (int i = 0; i < width; i++) {
            int expected = (int) (value >>> (8 * i)) & 0xFF;
            int actual = input[(int) (fileOffset + i)] & 0xFF;
            if (expected != actual) {
                throw new InvariantViolation(name + " of ring " + ring.name() + " re-encodes to byte "
                        + Integer.toHexString(expected) + " at file offset " + (fileOffset + i) + ", the input holds "
                        + Integer.toHexString(actual));
            }
        }
    }
}
