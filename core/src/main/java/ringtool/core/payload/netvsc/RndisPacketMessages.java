package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.format.TransferPageRange;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;
import ringtool.core.walk.PacketExtension;

/**
 * An RNDIS message handed over ({@code NVSP_MSG1_TYPE_SEND_RNDIS_PKT}) and its completion. The RNDIS bytes lie in
 * the receive buffer (host to guest, type 7: each transfer-page range is one message), in a send-buffer section
 * (guest to host, in-band) or in guest pages (type 9); a writer that puts them after the NVSP message gets them
 * decoded.
 *
 * <pre>
 * nvsp_1_message_send_rndis_packet            +4 channel_type | +8 send_buf_section_index | +12 send_buf_section_size |
 * nvsp_1_message_send_rndis_packet_complete   +4 status |
 * </pre>
 */
final class RndisPacketMessages {

    static final int CHANNEL_TYPE = BODY_OFFSET;
    static final int SEND_BUF_SECTION_INDEX = CHANNEL_TYPE + Integer.BYTES;
    static final int SEND_BUF_SECTION_SIZE = SEND_BUF_SECTION_INDEX + Integer.BYTES;
    static final int PACKET_SIZE = SEND_BUF_SECTION_SIZE + Integer.BYTES - BODY_OFFSET;

    static final int STATUS = BODY_OFFSET;
    static final int COMPLETE_SIZE = Integer.BYTES;

    /** {@code NETVSC_INVALID_INDEX}: the message is not in the send buffer. */
    static final long NO_SECTION = 0xFFFF_FFFFL;
    private static final String[] CHANNELS = {"data", "control"};

    private RndisPacketMessages() {
    }

    static Decoded packet(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long channel = p.u32(CHANNEL_TYPE);
        long index = p.u32(SEND_BUF_SECTION_INDEX);
        long size = p.u32(SEND_BUF_SECTION_SIZE);
        Fields body = Fields.builder()
                .number("channel_type", channel)
                .number("send_buf_section_index", index)
                .number("send_buf_section_size", size)
                .build();
        StringBuilder info = new StringBuilder(message).append(' ')
                .append(channel < CHANNELS.length ? CHANNELS[(int) channel] : "channel " + channel).append(": ");
        Fields.Builder f = Fields.builder().object("hdr", Nvsp.header(h)).object("send_rndis_pkt", body);
        if (ctx.extension() instanceof PacketExtension.TransferPages xfer) {
            f.list("ranges", ReceiveRanges.tie(ctx, xfer, info));
        } else if (ctx.extension() instanceof PacketExtension.GpaDirect gpa) {
            int n = gpa.ranges().size();
            info.append("RNDIS in guest pages (").append(n).append(n == 1 ? " GPA range)" : " GPA ranges)");
        } else if (index != NO_SECTION) {
            info.append("RNDIS in send buffer section ").append(index).append(", ").append(size).append(" bytes");
        } else {
            info.append("no send buffer section");
        }
        if (p.remaining(NvspHeader.MESSAGE_SIZE) >= RndisMessage.HEADER_SIZE) {
            info.append("; ");
            f.object("rndis", RndisMessage.decode(ctx, NvspHeader.MESSAGE_SIZE, info));
        }
        return ctx.decoded(message, info.toString(), f.build());
    }

    static Decoded complete(DecodeContext ctx, NvspHeader h, String message) {
        long status = ctx.payload().u32(STATUS);
        return ctx.decoded(message, message + " " + Nvsp.status(status),
                Nvsp.message(h, "send_rndis_pkt_complete", Fields.builder().number("status", status).build()));
    }

    /** The transfer-page ranges of a receive packet, each tied to the receive-buffer section it falls in. */
    static final class ReceiveRanges {

        private ReceiveRanges() {
        }

        static List<Fields> tie(DecodeContext ctx, PacketExtension.TransferPages xfer, StringBuilder info) {
            int pageset = xfer.header().pagesetId();
            if (pageset != ReceiveBufferMessages.RECEIVE_BUFFER_ID) {
                ctx.mismatch(NetvscRules.NETVSC_XFER_PAGESET_ID_INVALID, "xfer_pageset_id",
                        Nvsp.hex(ReceiveBufferMessages.RECEIVE_BUFFER_ID), Nvsp.hex(pageset), 0, 0);
            }
            ReceiveSection section = ctx.state().of(NetvscState.class, NetvscState::new).section();
            List<TransferPageRange> ranges = xfer.ranges();
            List<Fields> out = new ArrayList<>(ranges.size());
            long total = 0;
            long first = -1;
            long last = -1;
            boolean allTied = !ranges.isEmpty();
            for (int i = 0; i < ranges.size(); i++) {
                TransferPageRange r = ranges.get(i);
                total += r.byteCount();
                Fields.Builder f = Fields.builder().number("byte_count", r.byteCount())
                        .number("byte_offset", r.byteOffset());
                long index = sectionOf(ctx, i, r, section);
                if (index >= 0) {
                    f.number("section", index);
                    first = first < 0 ? index : first;
                    last = index;
                } else {
                    allTied = false;
                }
                out.add(f.build());
            }
            info.append(ranges.size()).append(ranges.size() == 1 ? " range, " : " ranges, ").append(total)
                    .append(" bytes");
            if (ranges.size() == 1) {
                info.append(" at ").append(Nvsp.hex(ranges.get(0).byteOffset()));
            }
            if (!allTied) {
                info.append(" (RNDIS in the receive buffer)");
            } else if (ranges.size() == 1) {
                info.append(" (receive section ").append(first).append(')');
            } else {
                info.append(" (receive sections ").append(first).append(" to ").append(last).append(')');
            }
            return out;
        }

        /**
         * The section range {@code i} lies in, checked as {@code netvsc_receive} checks it; -1 when no section table
         * is in view or the range is outside it.
         */
        private static long sectionOf(DecodeContext ctx, int i, TransferPageRange r, ReceiveSection section) {
            long end = r.byteOffset() + r.byteCount();
            String subject = "range " + i + " (byte_offset " + Nvsp.hex(r.byteOffset()) + ", byte_count "
                    + r.byteCount() + ")";
            if (section == null) {
                if (end > Nvsp.RECEIVE_BUFFER_MAX) {
                    ctx.mismatch(NetvscRules.NETVSC_SECTION_OUT_OF_RANGE, subject,
                            "end <= " + Nvsp.hex(Nvsp.RECEIVE_BUFFER_MAX) + " (the largest receive buffer)",
                            Nvsp.hex(end), 0, 0);
                }
                return -1;
            }
            if (r.byteOffset() < section.offset() || Long.compareUnsigned(end, section.end()) > 0) {
                ctx.mismatch(NetvscRules.NETVSC_SECTION_OUT_OF_RANGE, subject,
                        "inside the receive section " + Nvsp.hex(section.offset()) + ".." + Nvsp.hex(section.end()),
                        "end " + Nvsp.hex(end), 0, 0);
                return -1;
            }
            if (r.byteCount() > section.subAllocSize()) {
                ctx.mismatch(NetvscRules.NETVSC_RANGE_LARGER_THAN_SECTION, subject,
                        "byte_count <= " + section.subAllocSize() + " (sub_alloc_size)",
                        Long.toString(r.byteCount()), 0, 0);
            }
            return (r.byteOffset() - section.offset()) / section.subAllocSize();
        }
    }
}
