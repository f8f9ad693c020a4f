package ringtool.core.payload.ic;

import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct hv_kvp_msg} after the headers (docs/protocols/ic.md §4.4): {@code hv_kvp_hdr}, then the body the
 * operation names.
 * <pre>
 *  28  u8  operation        enum hv_kvp_exchg_op
 *  29  u8  pool             enum hv_kvp_exchg_pool
 *  30  u16 pad
 *  32  body: kvp_get, kvp_set     struct hv_kvp_exchg_msg_value
 *            kvp_delete           u32 key_size, u8 key[512]
 *            kvp_enum_data        u32 index, struct hv_kvp_exchg_msg_value
 *            kvp_ip_val           struct hv_kvp_ipaddr_value
 * </pre>
 */
final class Kvp {

    static final int OPERATION_OFFSET = IcHeader.SIZE;
    static final int POOL_OFFSET = OPERATION_OFFSET + Byte.BYTES;
    static final int PAD_OFFSET = POOL_OFFSET + Byte.BYTES;
    static final int BODY_OFFSET = PAD_OFFSET + Short.BYTES;

    /** {@code kvp_delete}: a key alone. */
    static final int DELETE_KEY_SIZE_OFFSET = BODY_OFFSET;
    static final int DELETE_KEY_OFFSET = DELETE_KEY_SIZE_OFFSET + Integer.BYTES;
    static final int DELETE_END = DELETE_KEY_OFFSET + KvpValue.MAX_KEY_SIZE;

    /** {@code kvp_enum_data}: an index, then the value struct. */
    static final int ENUM_INDEX_OFFSET = BODY_OFFSET;
    static final int ENUM_DATA_OFFSET = ENUM_INDEX_OFFSET + Integer.BYTES;

    static final int KVP_OP_GET = 0;
    static final int KVP_OP_SET = 1;
    static final int KVP_OP_DELETE = 2;
    static final int KVP_OP_ENUMERATE = 3;
    static final int KVP_OP_GET_IP_INFO = 4;
    static final int KVP_OP_SET_IP_INFO = 5;

    static final List<String> OPERATIONS = List.of("KVP_OP_GET", "KVP_OP_SET", "KVP_OP_DELETE", "KVP_OP_ENUMERATE",
            "KVP_OP_GET_IP_INFO", "KVP_OP_SET_IP_INFO");
    static final List<String> POOLS = List.of("KVP_POOL_EXTERNAL", "KVP_POOL_GUEST", "KVP_POOL_AUTO",
            "KVP_POOL_AUTO_EXTERNAL", "KVP_POOL_AUTO_INTERNAL");

    private Kvp() {
    }

    /** Linux checks nothing past the header here: each body's size is this decoder's own test. */
    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        IcHeader.messageFits(ctx, message, BODY_OFFSET, "ICMSG_HDR + sizeof(struct hv_kvp_hdr)");
        FieldReader hdr = new FieldReader(p);
        long op = hdr.u8("operation", OPERATION_OFFSET);
        long pool = hdr.u8("pool", POOL_OFFSET);
        hdr.u16("pad", PAD_OFFSET);
        Fields.Builder msg = Fields.builder().object("kvp_hdr", hdr.build());
        StringBuilder info = new StringBuilder(h.info(message));
        // The body is looked at only under a whole kvp_hdr: a payload cut before it has one finding, not two.
        if (p.has(0, BODY_OFFSET)) {
            if (op >= OPERATIONS.size()) {
                ctx.mismatch(IcRules.IC_KVP_OPERATION_UNKNOWN, "hv_kvp_hdr.operation",
                        "0 to 5 (KVP_OP_GET to KVP_OP_SET_IP_INFO)", Long.toString(op), OPERATION_OFFSET, 1);
            }
            if (pool >= POOLS.size()) {
                ctx.mismatch(IcRules.IC_KVP_POOL_UNKNOWN, "hv_kvp_hdr.pool",
                        "0 to 4 (KVP_POOL_EXTERNAL to KVP_POOL_AUTO_INTERNAL)", Long.toString(pool), POOL_OFFSET, 1);
            }
            info.append(": ").append(name(OPERATIONS, op, "operation")).append(' ')
                    .append(name(POOLS, pool, "pool"));
            Fields body = body(ctx, (int) op, info);
            if (body != null) {
                msg.object("body", body);
            }
        }
        return ctx.decoded(message, info.toString(), h.fields().object("hv_kvp_msg", msg.build()).build());
    };

    private static Fields body(DecodeContext ctx, int op, StringBuilder info) {
        return switch (op) {
            case KVP_OP_GET -> exchange(ctx, "kvp_get", "struct hv_kvp_msg_get", info, false);
            case KVP_OP_SET -> exchange(ctx, "kvp_set", "struct hv_kvp_msg_set", info, true);
            case KVP_OP_DELETE -> delete(ctx, info);
            case KVP_OP_ENUMERATE -> enumerate(ctx, info);
            case KVP_OP_GET_IP_INFO, KVP_OP_SET_IP_INFO -> {
                IcHeader.messageFits(ctx, OPERATIONS.get(op), KvpIpInfo.END, "ICMSG_HDR + sizeof(struct hv_kvp_hdr)"
                        + " + sizeof(struct hv_kvp_ipaddr_value)");
                yield Fields.builder().object("kvp_ip_val", KvpIpInfo.decode(ctx, info)).build();
            }
            default -> null;
        };
    }

    /** GET and SET: the union member {@code member} holding one {@code hv_kvp_exchg_msg_value} as {@code data}. */
    private static Fields exchange(DecodeContext ctx, String member, String struct, StringBuilder info,
                                   boolean isSet) {
        IcHeader.messageFits(ctx, isSet ? "KVP_OP_SET" : "KVP_OP_GET", BODY_OFFSET + KvpValue.SIZE,
                "ICMSG_HDR + sizeof(struct hv_kvp_hdr) + sizeof(" + struct + ")");
        Fields data = KvpValue.decode(ctx, member + ".data", BODY_OFFSET, isSet, info);
        return Fields.builder().object(member, Fields.builder().object("data", data).build()).build();
    }

    private static Fields delete(DecodeContext ctx, StringBuilder info) {
        IcHeader.messageFits(ctx, "KVP_OP_DELETE", DELETE_END,
                "ICMSG_HDR + sizeof(struct hv_kvp_hdr) + sizeof(struct hv_kvp_msg_delete)");
        FieldReader r = new FieldReader(ctx.payload());
        long keySize = r.u32("key_size", DELETE_KEY_SIZE_OFFSET);
        if (ctx.payload().has(DELETE_KEY_SIZE_OFFSET, Integer.BYTES)) {
            String key = KvpValue.key(ctx, "kvp_delete", DELETE_KEY_SIZE_OFFSET, keySize, DELETE_KEY_OFFSET);
            if (key != null) {
                r.add("key", new FieldValue.Text(key));
                info.append(' ').append(IcText.quote(key));
            }
        }
        return Fields.builder().object("kvp_delete", r.build()).build();
    }

    private static Fields enumerate(DecodeContext ctx, StringBuilder info) {
        IcHeader.messageFits(ctx, "KVP_OP_ENUMERATE", ENUM_DATA_OFFSET + KvpValue.SIZE,
                "ICMSG_HDR + sizeof(struct hv_kvp_hdr) + sizeof(struct hv_kvp_msg_enumerate)");
        FieldReader r = new FieldReader(ctx.payload());
        long index = r.u32("index", ENUM_INDEX_OFFSET);
        if (ctx.payload().has(ENUM_INDEX_OFFSET, Integer.BYTES)) {
            info.append(" index ").append(index);
        }
        r.add("data", KvpValue.decode(ctx, "kvp_enum_data.data", ENUM_DATA_OFFSET, false, info));
        return Fields.builder().object("kvp_enum_data", r.build()).build();
    }

    /** The name of an enum value, or {@code <what> N} for a value outside the enum. */
    static String name(List<String> names, long value, String what) {
        return value < names.size() ? names.get((int) value) : what + " " + value;
    }
}
