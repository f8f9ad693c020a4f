package ringtool.core.payload.ic;

import java.util.List;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct hv_vss_msg} after the headers (docs/protocols/ic.md §4.5):
 * <pre>
 *  28  u8  operation      enum hv_vss_op              vss_hdr
 *  29  u8  reserved[7]
 *  36  u32 flags          vss_cf (HOT_BACKUP) or dm_info (GET_DM_INFO)
 *  40
 * </pre>
 */
final class Vss {

    static final int OPERATION_OFFSET = IcHeader.SIZE;
    static final int RESERVED_OFFSET = OPERATION_OFFSET + Byte.BYTES;
    static final int RESERVED_COUNT = 7;
    static final int FLAGS_OFFSET = RESERVED_OFFSET + RESERVED_COUNT;
    static final int END = FLAGS_OFFSET + Integer.BYTES;

    static final int VSS_OP_GET_DM_INFO = 3;

    static final List<String> OPERATIONS = List.of("VSS_OP_CREATE", "VSS_OP_DELETE", "VSS_OP_HOT_BACKUP",
            "VSS_OP_GET_DM_INFO", "VSS_OP_BU_COMPLETE", "VSS_OP_FREEZE", "VSS_OP_THAW", "VSS_OP_AUTO_RECOVER");

    private Vss() {
    }

    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        IcHeader.messageFits(ctx, message, END, "ICMSG_HDR + sizeof(struct hv_vss_msg)");
        FieldReader hdr = new FieldReader(p);
        long op = hdr.u8("operation", OPERATION_OFFSET);
        FieldValue.Items reserved = IcText.numbers(p, RESERVED_OFFSET, RESERVED_COUNT, Byte.BYTES);
        if (reserved != null) {
            hdr.add("reserved", reserved);
        }
        Fields.Builder msg = Fields.builder().object("vss_hdr", hdr.build());
        StringBuilder info = new StringBuilder(h.info(message));
        if (p.has(OPERATION_OFFSET, Byte.BYTES)) {
            if (op >= OPERATIONS.size()) {
                ctx.mismatch(IcRules.IC_VSS_OPERATION_UNKNOWN, "hv_vss_hdr.operation",
                        "0 to 7 (VSS_OP_CREATE to VSS_OP_AUTO_RECOVER)", Long.toString(op), OPERATION_OFFSET, 1);
            }
            info.append(": ").append(Kvp.name(OPERATIONS, op, "operation"));
        }
        if (p.has(FLAGS_OFFSET, Integer.BYTES)) {
            long flags = p.u32(FLAGS_OFFSET);
            msg.object(op == VSS_OP_GET_DM_INFO ? "dm_info" : "vss_cf", Fields.builder().number("flags", flags)
                    .build());
            if (flags != 0) {
                info.append(", flags ").append(flags);
            }
        }
        return ctx.decoded(message, info.toString(), h.fields().object("hv_vss_msg", msg.build()).build());
    };
}
