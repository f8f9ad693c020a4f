package ringtool.core.payload.ic;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct heartbeat_msg_data} after the headers (docs/protocols/ic.md §4.1):
 * <pre>
 *  28  u64 seq_num
 *  36  u32 reserved[8]
 *  68
 * </pre>
 */
final class Heartbeat {

    static final int SEQ_NUM_OFFSET = IcHeader.SIZE;
    static final int RESERVED_OFFSET = SEQ_NUM_OFFSET + Long.BYTES;
    static final int RESERVED_COUNT = 8;

    private Heartbeat() {
    }

    /** Linux requires the sequence number only: the host may leave the reserved words out. */
    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        boolean fits = IcHeader.messageFits(ctx, message, RESERVED_OFFSET, "ICMSG_HDR + sizeof(u64): seq_num");
        FieldReader r = new FieldReader(p);
        long seq = r.u64("seq_num", SEQ_NUM_OFFSET);
        FieldValue.Items reserved = IcText.numbers(p, RESERVED_OFFSET, RESERVED_COUNT, Integer.BYTES);
        if (reserved != null) {
            r.add("reserved", reserved);
        }
        String info = h.info(message) + (fits ? ": seq_num " + Long.toUnsignedString(seq) : "");
        return ctx.decoded(message, info, h.fields().object("heartbeat_msg_data", r.build()).build());
    };
}
