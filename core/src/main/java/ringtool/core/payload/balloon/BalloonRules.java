package ringtool.core.payload.balloon;

import java.util.List;
import ringtool.core.payload.PayloadRules;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/**
 * The rules of the Dynamic Memory protocol ({@code drivers/hv/hv_balloon.c}). hv_balloon received the least of the
 * 2020-2022 hardening: it copies each packet into a zeroed 4096-byte {@code recv_buffer} and trusts every field
 * after that, so most rules name what the unhardened driver does instead of a check.
 */
public final class BalloonRules {

    public static final Rule BALLOON_HEADER_TRUNCATED = PayloadRules.rule("balloon.header.truncated",
            Severity.ERROR, "the payload is shorter than the 8-byte struct dm_header",
            "none: balloon_onchannelcallback() takes any recvlen > 0 and reads dm_header from the zeroed recv_buffer");
    public static final Rule BALLOON_SIZE_BEYOND_PACKET = PayloadRules.rule("balloon.size.beyond_packet",
            Severity.ERROR, "dm_header.size is larger than the packet's payload",
            "none: hdr.size is never compared with recvlen; the fields past the packet read as the zeros of"
                    + " recv_buffer");
    public static final Rule BALLOON_SIZE_TOO_SMALL = PayloadRules.rule("balloon.size.too_small", Severity.ERROR,
            "dm_header.size is smaller than the fixed part of the message its type names",
            "none: the handler reads the whole struct whatever hdr.size says");
    public static final Rule BALLOON_RANGE_COUNT_BEYOND_SIZE = PayloadRules.rule("balloon.range_count.beyond_size",
            Severity.ERROR, "range_count page ranges do not fit in the message (dm_header.size and the payload)",
            "none: balloon_down() frees range_count ranges of range_array, read past the message and past the"
                    + " 4096-byte recv_buffer");
    public static final Rule BALLOON_PACKET_BEYOND_RECV_BUFFER = PayloadRules.rule(
            "balloon.packet.beyond_recv_buffer", Severity.WARNING,
            "the payload is longer than hv_balloon's 4096-byte (HV_HYP_PAGE_SIZE) recv_buffer",
            "vmbus_recvpacket() refuses a payload longer than its buffer (-ENOBUFS); hv_balloon ignores the error"
                    + " and handles nothing");
    public static final Rule BALLOON_TYPE_UNKNOWN = PayloadRules.rule("balloon.type.unknown", Severity.NOTE,
            "dm_header.type is no DM_* message type: only the header is decoded",
            "balloon_onchannelcallback(): pr_warn_ratelimited(\"Unhandled message\") and the packet is dropped");
    public static final Rule BALLOON_TYPE_WRONG_DIRECTION = PayloadRules.rule("balloon.type.wrong_direction",
            Severity.WARNING, "a guest-to-host message in the inbound ring, or a host-to-guest one in the outbound ring",
            "balloon_onchannelcallback() handles only the host's messages (responses, balloon, unballoon, hot add,"
                    + " info); any other type is \"Unhandled message\"");
    public static final Rule BALLOON_HOT_ADD_SIZE_INVALID = PayloadRules.rule("balloon.hot_add.size_invalid",
            Severity.ERROR, "DM_MEM_HOT_ADD_REQUEST whose size is neither 16 (a page range) nor 24 (a page range"
                    + " and its region)",
            "none: any hdr.size other than sizeof(struct dm_hot_add) makes hv_balloon read a region range after the"
                    + " page range");
    public static final Rule BALLOON_INFO_SIZE_BEYOND_MESSAGE = PayloadRules.rule("balloon.info.size_beyond_message",
            Severity.ERROR, "DM_INFO_MESSAGE whose info_size (or the dm_info_header's data_size) runs past the"
                    + " message",
            "none: process_info() reads the dm_info_header and its data without looking at info_size");
    public static final Rule BALLOON_INFO_DATA_SIZE_INVALID = PayloadRules.rule("balloon.info.data_size_invalid",
            Severity.WARNING, "INFO_TYPE_MAX_PAGE_CNT whose data_size is not 8",
            "process_info() takes max_page_count only when data_size == sizeof(__u64), and ignores it otherwise");
    public static final Rule BALLOON_INFO_TYPE_UNKNOWN = PayloadRules.rule("balloon.info.type_unknown",
            Severity.NOTE, "DM_INFO_MESSAGE with an information type other than INFO_TYPE_MAX_PAGE_CNT (0)",
            "process_info(): pr_warn(\"Received Unknown type\")");

    public static final List<Rule> ALL = List.of(BALLOON_HEADER_TRUNCATED, BALLOON_SIZE_BEYOND_PACKET,
            BALLOON_SIZE_TOO_SMALL, BALLOON_RANGE_COUNT_BEYOND_SIZE, BALLOON_PACKET_BEYOND_RECV_BUFFER,
            BALLOON_TYPE_UNKNOWN, BALLOON_TYPE_WRONG_DIRECTION, BALLOON_HOT_ADD_SIZE_INVALID,
            BALLOON_INFO_SIZE_BEYOND_MESSAGE, BALLOON_INFO_DATA_SIZE_INVALID, BALLOON_INFO_TYPE_UNKNOWN);

    private BalloonRules() {
    }
}
