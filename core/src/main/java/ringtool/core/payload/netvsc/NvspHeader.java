package ringtool.core.payload.netvsc;

import ringtool.core.payload.PayloadView;

/**
 * {@code struct nvsp_message_header}, the start of every NVSP message; one member of {@code union
 * nvsp_all_messages} follows it.
 *
 * <pre>
 * 0          4                                   40
 * | msg_type | union nvsp_all_messages (36 bytes) |
 * </pre>
 */
public record NvspHeader(long msgType) {

    public static final int MSG_TYPE_OFFSET = 0;
    public static final int SIZE = MSG_TYPE_OFFSET + Integer.BYTES;
    /** The union's size: its largest member is {@code struct nvsp_6_pd_api_comp}. */
    public static final int UNION_SIZE = 36;
    /** {@code sizeof(struct nvsp_message)}: what Linux sends for every message, whatever the member. */
    public static final int MESSAGE_SIZE = SIZE + UNION_SIZE;
    /** Where the union member's fields start. */
    public static final int BODY_OFFSET = SIZE;

    /** The caller has checked {@code payload.has(0, SIZE)}. */
    public static NvspHeader parse(PayloadView payload) {
        return new NvspHeader(payload.u32(MSG_TYPE_OFFSET));
    }
}
