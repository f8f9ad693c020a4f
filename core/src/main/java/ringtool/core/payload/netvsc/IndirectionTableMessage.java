package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code NVSP_MSG5_TYPE_SEND_INDIRECTION_TABLE}: which channel each of 16 send queues uses. The table follows the
 * message at {@code offset} from the message's start.
 *
 * <pre>
 * nvsp_5_send_indirect_table   +4 count | +8 offset |   ... +offset: count u32 channel numbers
 * </pre>
 *
 * Hosts up to version 6 put a wrong {@code offset}; Linux then reads the table right after the 40-byte message
 * whenever the packet is long enough, and so does this decoder.
 */
final class IndirectionTableMessage {

    static final int COUNT = BODY_OFFSET;
    static final int OFFSET = COUNT + Integer.BYTES;
    static final int SIZE = OFFSET + Integer.BYTES - BODY_OFFSET;

    /** {@code VRSS_SEND_TAB_SIZE}. */
    static final long ENTRIES = 16;
    private static final long VERSION_6 = 0x60000;

    private IndirectionTableMessage() {
    }

    static Decoded decode(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long count = p.u32(COUNT);
        long offset = p.u32(OFFSET);
        Fields.Builder f = Fields.builder().object("hdr", Nvsp.header(h))
                .object("send_table", Fields.builder().number("count", count).number("offset", offset).build());
        if (count != ENTRIES) {
            ctx.mismatch(NetvscRules.NETVSC_SEND_TABLE_COUNT_INVALID, "send-table count", Long.toString(ENTRIES),
                    Long.toString(count), COUNT, Integer.BYTES);
            return ctx.decoded(message, message + " of " + count + " entries (refused)", f.build());
        }
        long bytes = count * Integer.BYTES;
        long used = tableOffset(ctx, offset, bytes);
        if (!p.has(used, bytes)) {
            ctx.mismatch(NetvscRules.NETVSC_SEND_TABLE_OFFSET_BEYOND_PACKET,
                    "send table of " + bytes + " bytes at offset " + used,
                    "its end inside the packet's " + p.length() + " bytes", "end at " + (used + bytes),
                    OFFSET, Integer.BYTES);
            return ctx.decoded(message, message + " at offset " + used + " (beyond the packet)", f.build());
        }
        List<FieldValue> table = new ArrayList<>((int) count);
        StringBuilder channels = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long channel = p.u32(used + (long) i * Integer.BYTES);
            table.add(new FieldValue.Number(channel));
            channels.append(i == 0 ? "" : " ").append(channel);
        }
        f.list("table", table);
        return ctx.decoded(message, message + " [" + channels + "]", f.build());
    }

    /** Where {@code netvsc_send_table} reads the table: the declared offset, or right after the message. */
    private static long tableOffset(DecodeContext ctx, long declared, long bytes) {
        long version = ctx.state().of(NetvscState.class, NetvscState::new).negotiated();
        boolean oldHost = version < 0 || version <= VERSION_6;
        return oldHost && ctx.payload().has(NvspHeader.MESSAGE_SIZE, bytes) ? NvspHeader.MESSAGE_SIZE : declared;
    }
}
