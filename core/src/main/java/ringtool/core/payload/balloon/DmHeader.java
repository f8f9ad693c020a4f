package ringtool.core.payload.balloon;

import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct dm_header}, the first 8 bytes of every Dynamic Memory message:
 * <pre>
 *   0  u16 type       DM_* message type
 *   2  u16 size       bytes of the message, header included
 *   4  u32 trans_id   made up by the guest
 * </pre>
 */
public record DmHeader(int type, int size, long transId) {

    public static final int TYPE_OFFSET = 0;
    public static final int SIZE_OFFSET = TYPE_OFFSET + Short.BYTES;
    public static final int TRANS_ID_OFFSET = SIZE_OFFSET + Short.BYTES;
    public static final int SIZE = TRANS_ID_OFFSET + Integer.BYTES;

    /** The header at the payload's start; the caller has checked {@code payload.has(0, SIZE)}. */
    public static DmHeader parse(PayloadView payload) {
        return new DmHeader(payload.u16(TYPE_OFFSET), payload.u16(SIZE_OFFSET), payload.u32(TRANS_ID_OFFSET));
    }

    public Fields fields() {
        return Fields.builder().number("type", type).number("size", size).number("trans_id", transId).build();
    }
}
