package ringtool.core.payload.ic;

import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct shutdown_msg_data} after the headers (docs/protocols/ic.md §4.2):
 * <pre>
 *  28  u32 reason_code          SHTDN_REASON_*
 *  32  u32 timeout_seconds
 *  36  u32 flags                bit 0 forced, bit 1 restart, bit 2 hibernate
 *  40  u8  display_message[2048]
 *  2088
 * </pre>
 */
final class Shutdown {

    static final int REASON_CODE_OFFSET = IcHeader.SIZE;
    static final int TIMEOUT_OFFSET = REASON_CODE_OFFSET + Integer.BYTES;
    static final int FLAGS_OFFSET = TIMEOUT_OFFSET + Integer.BYTES;
    static final int DISPLAY_MESSAGE_OFFSET = FLAGS_OFFSET + Integer.BYTES;
    static final int DISPLAY_MESSAGE_SIZE = 2048;
    static final int END = DISPLAY_MESSAGE_OFFSET + DISPLAY_MESSAGE_SIZE;

    static final int FORCED = 1;
    /** The highest flags Linux acts on: hibernate, forced. */
    static final int MAX_FLAGS = 5;

    private Shutdown() {
    }

    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        IcHeader.messageFits(ctx, message, END, "ICMSG_HDR + sizeof(struct shutdown_msg_data)");
        FieldReader r = new FieldReader(p);
        long reason = r.u32("reason_code", REASON_CODE_OFFSET);
        long timeout = r.u32("timeout_seconds", TIMEOUT_OFFSET);
        long flags = r.u32("flags", FLAGS_OFFSET);
        StringBuilder info = new StringBuilder(h.info(message));
        if (p.has(FLAGS_OFFSET, Integer.BYTES)) {
            if (flags > MAX_FLAGS) {
                ctx.mismatch(IcRules.IC_SHUTDOWN_FLAGS_INVALID, "shutdown_msg_data.flags",
                        "0 to " + MAX_FLAGS + " (shut down, restart or hibernate, plus 1 when forced)",
                        Long.toString(flags), FLAGS_OFFSET, Integer.BYTES);
            }
            info.append(": ").append(action(flags)).append(", reason ").append(String.format("0x%08x", reason))
                    .append(", timeout ").append(timeout).append(" s");
        }
        String text = IcText.utf16(ctx, "shutdown_msg_data.display_message", DISPLAY_MESSAGE_OFFSET,
                DISPLAY_MESSAGE_SIZE, DISPLAY_MESSAGE_SIZE, true);
        if (text != null) {
            r.add("display_message", new FieldValue.Text(text));
            if (!text.isEmpty()) {
                info.append(", ").append(IcText.quote(text));
            }
        }
        return ctx.decoded(message, info.toString(), h.fields().object("shutdown_msg_data", r.build()).build());
    };

    /** {@code restart (forced)}; flags Linux fails are shown as they are. */
    static String action(long flags) {
        if (flags > MAX_FLAGS) {
            return "flags " + flags;
        }
        String what = switch ((int) flags & ~FORCED) {
            case 0 -> "shut down";
            case 2 -> "restart";
            default -> "hibernate";
        };
        return (flags & FORCED) != 0 ? what + " (forced)" : what;
    }
}
