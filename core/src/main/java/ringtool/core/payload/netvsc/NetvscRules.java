package ringtool.core.payload.netvsc;

import static ringtool.core.payload.PayloadRules.rule;

import java.util.List;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/** The {@code netvsc.*} rules: the checks {@code hv_netvsc} makes of what the host sends (docs/protocols/netvsc.md). */
public final class NetvscRules {

    private NetvscRules() {
    }

    public static final Rule NETVSC_MESSAGE_TRUNCATED = rule("netvsc.message.truncated", Severity.ERROR,
            "the payload is shorter than the NVSP header plus the message's struct",
            "netvsc_send_completion, netvsc_receive, netvsc_send_vf, netvsc_send_table: \"length too small\";"
                    + " unhardened drivers copied sizeof(struct nvsp_message) from the ring, past the packet");
    public static final Rule NETVSC_MESSAGE_UNKNOWN = rule("netvsc.message.unknown", Severity.NOTE,
            "msg_type is not an NVSP message type",
            "netvsc_send_completion: \"Unknown send completion type\"; netvsc_receive: \"Unknown nvsp packet type\"");
    public static final Rule NETVSC_XFER_NOT_RNDIS = rule("netvsc.xfer.not_rndis", Severity.ERROR,
            "a transfer-page packet (7) whose message is not NVSP_MSG1_TYPE_SEND_RNDIS_PKT",
            "netvsc_receive: \"Unknown nvsp packet type received\"");
    public static final Rule NETVSC_XFER_PAGESET_ID_INVALID = rule("netvsc.xfer.pageset_id.invalid", Severity.ERROR,
            "a transfer-page packet's xfer_pageset_id is not the receive buffer's id 0xcafe",
            "netvsc_receive: \"Invalid xfer page set id\"; unhardened drivers read the ranges from the receive"
                    + " buffer regardless");
    public static final Rule NETVSC_SECTION_OUT_OF_RANGE = rule("netvsc.section.out_of_range", Severity.ERROR,
            "a transfer-page range ends beyond the receive buffer's section (or beyond 31 MiB, the largest receive"
                    + " buffer Linux allocates, when no section table is in view)",
            "netvsc_receive: \"Packet offset:%u + len:%u too big\"; unhardened drivers read guest memory past the"
                    + " receive buffer");
    public static final Rule NETVSC_RANGE_LARGER_THAN_SECTION = rule("netvsc.range.larger_than_section", Severity.ERROR,
            "a transfer-page range's byte_count is larger than the receive section size (sub_alloc_size)",
            "netvsc_receive: \"Packet too big: buflen=%u recv_section_size=%u\"; unhardened drivers overflow the"
                    + " per-channel copy buffer of recv_section_size bytes");
    public static final Rule NETVSC_RECV_BUF_SECTIONS_INVALID = rule("netvsc.recv_buf.sections.invalid", Severity.ERROR,
            "NVSP_MSG1_TYPE_SEND_RECV_BUF_COMPLETE with num_sections other than 1 or sections[0].offset other than 0",
            "netvsc_init_buf: one section at offset 0 or -EINVAL");
    public static final Rule NETVSC_RECV_BUF_SECTION_SIZE_INVALID = rule("netvsc.recv_buf.section_size.invalid",
            Severity.ERROR,
            "a receive section's sub_alloc_size is below 68 (NETVSC_MTU_MIN), or sub_alloc_size * num_sub_allocs"
                    + " is above 31 MiB",
            "netvsc_init_buf: \"invalid recv_section_size\" (64-bit product); unhardened drivers let the 32-bit"
                    + " product wrap");
    public static final Rule NETVSC_SEND_BUF_SECTION_SIZE_INVALID = rule("netvsc.send_buf.section_size.invalid",
            Severity.ERROR,
            "NVSP_MSG1_TYPE_SEND_SEND_BUF_COMPLETE with section_size below 68 (NETVSC_MTU_MIN)",
            "netvsc_init_buf: \"invalid send_section_size\"; unhardened drivers divide the buffer size by it (0:"
                    + " division by zero)");
    public static final Rule NETVSC_SUBCHANNEL_COUNT_BEYOND_REQUEST = rule("netvsc.subchannel.count_beyond_request",
            Severity.ERROR,
            "a subchannel completion grants more num_subchannels than its request asked for (more than 63 when the"
                    + " request is not in view)",
            "rndis_set_subchannel: \"invalid number of allocated sub channel\"; unhardened drivers run num_chn past"
                    + " the 64-entry channel table");
    public static final Rule NETVSC_SEND_TABLE_COUNT_INVALID = rule("netvsc.send_table.count.invalid", Severity.ERROR,
            "NVSP_MSG5_TYPE_SEND_INDIRECTION_TABLE with count other than 16 (VRSS_SEND_TAB_SIZE)",
            "netvsc_send_table: \"Received wrong send-table size\"");
    public static final Rule NETVSC_SEND_TABLE_OFFSET_BEYOND_PACKET = rule("netvsc.send_table.offset.beyond_packet",
            Severity.ERROR,
            "the send indirection table (offset, count * 4 bytes) does not end inside the packet",
            "netvsc_send_table: \"Received send-table offset too big\"; unhardened drivers read it from outside the"
                    + " packet");
    public static final Rule NETVSC_RNDIS_MSG_LEN_INVALID = rule("netvsc.rndis.msg_len.invalid", Severity.ERROR,
            "an RNDIS message in the packet whose msg_len is below 8 or beyond the bytes present",
            "rndis_filter_receive: \"Invalid rndis_msg (buflen: %u, msg_len: %u)\"");
    public static final Rule NETVSC_RNDIS_DATA_BEYOND_MESSAGE = rule("netvsc.rndis.data.beyond_message", Severity.ERROR,
            "an RNDIS_MSG_PACKET whose data_offset is not inside the message or whose data_len runs past its end",
            "rndis_filter_receive_data: \"invalid rndis packet offset\", \"rndis message buffer overflow detected\"");

    public static final List<Rule> ALL = List.of(NETVSC_MESSAGE_TRUNCATED, NETVSC_MESSAGE_UNKNOWN,
            NETVSC_XFER_NOT_RNDIS, NETVSC_XFER_PAGESET_ID_INVALID, NETVSC_SECTION_OUT_OF_RANGE,
            NETVSC_RANGE_LARGER_THAN_SECTION, NETVSC_RECV_BUF_SECTIONS_INVALID, NETVSC_RECV_BUF_SECTION_SIZE_INVALID,
            NETVSC_SEND_BUF_SECTION_SIZE_INVALID, NETVSC_SUBCHANNEL_COUNT_BEYOND_REQUEST,
            NETVSC_SEND_TABLE_COUNT_INVALID, NETVSC_SEND_TABLE_OFFSET_BEYOND_PACKET, NETVSC_RNDIS_MSG_LEN_INVALID,
            NETVSC_RNDIS_DATA_BEYOND_MESSAGE);
}
