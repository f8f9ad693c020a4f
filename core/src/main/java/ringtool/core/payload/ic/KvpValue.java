package ringtool.core.payload.ic;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct hv_kvp_exchg_msg_value}, the key and value of GET, SET and ENUMERATE, at any offset:
 * <pre>
 *   +0  u32 value_type     REG_SZ 1, REG_U32 4, REG_U64 8
 *   +4  u32 key_size       bytes, the NUL included
 *   +8  u32 value_size     bytes, the NUL included
 *  +12  u8  key[512]       UTF-16LE
 * +524  u8  value[2048]    UTF-16LE, or u32 value_u32, or u64 value_u64
 * +2572
 * </pre>
 */
final class KvpValue {

    static final int VALUE_TYPE_OFFSET = 0;
    static final int KEY_SIZE_OFFSET = VALUE_TYPE_OFFSET + Integer.BYTES;
    static final int VALUE_SIZE_OFFSET = KEY_SIZE_OFFSET + Integer.BYTES;
    static final int KEY_OFFSET = VALUE_SIZE_OFFSET + Integer.BYTES;
    /** {@code HV_KVP_EXCHANGE_MAX_KEY_SIZE}. */
    static final int MAX_KEY_SIZE = 512;
    static final int VALUE_OFFSET = KEY_OFFSET + MAX_KEY_SIZE;
    /** {@code HV_KVP_EXCHANGE_MAX_VALUE_SIZE}. */
    static final int MAX_VALUE_SIZE = 2048;
    static final int SIZE = VALUE_OFFSET + MAX_VALUE_SIZE;

    static final int REG_SZ = 1;
    static final int REG_U32 = 4;
    static final int REG_U64 = 8;

    private KvpValue() {
    }

    /**
     * The struct at payload offset {@code base}, appending {@code "key" = "value"} to {@code info} where there is a
     * key.
     *
     * @param path  where the struct sits in {@code hv_kvp_msg.body}, for messages ({@code kvp_set.data})
     * @param isSet whether an unknown value_type is a finding (only SET interprets it)
     */
    static Fields decode(DecodeContext ctx, String path, long base, boolean isSet, StringBuilder info) {
        PayloadView p = ctx.payload();
        FieldReader r = new FieldReader(p);
        long type = r.u32("value_type", base + VALUE_TYPE_OFFSET);
        long keySize = r.u32("key_size", base + KEY_SIZE_OFFSET);
        long valueSize = r.u32("value_size", base + VALUE_SIZE_OFFSET);
        if (!p.has(base, KEY_OFFSET)) {
            return r.build();
        }
        String key = key(ctx, path, base + KEY_SIZE_OFFSET, keySize, base + KEY_OFFSET);
        if (key != null) {
            r.add("key", new FieldValue.Text(key));
        }
        String value = value(ctx, r, path, base, type, valueSize, isSet);
        if (key != null && !key.isEmpty()) {
            info.append(' ').append(IcText.quote(key));
            if (value != null) {
                info.append(" = ").append(value);
            }
        }
        return r.build();
    }

    /**
     * The key of {@code key_size} bytes (its size field at {@code sizeAt}, the 512-byte field at {@code keyAt}),
     * after checking the size; null when the payload ends before the key.
     */
    static String key(DecodeContext ctx, String path, long sizeAt, long keySize, long keyAt) {
        boolean valid = keySize <= MAX_KEY_SIZE && keySize % 2 == 0;
        if (!valid) {
            ctx.mismatch(IcRules.IC_KVP_KEY_SIZE_INVALID, path + ".key_size",
                    "an even number up to " + MAX_KEY_SIZE + " (HV_KVP_EXCHANGE_MAX_KEY_SIZE)", Long.toString(keySize),
                    sizeAt, Integer.BYTES);
        }
        return IcText.utf16(ctx, path + ".key", keyAt, keySize, MAX_KEY_SIZE, valid);
    }

    /** The value as the info line shows it ({@code "text"} or a number), or null when there is none to show. */
    private static String value(DecodeContext ctx, FieldReader r, String path, long base, long type, long valueSize,
                                boolean isSet) {
        boolean sizeValid = valueSize <= MAX_VALUE_SIZE && (type != REG_SZ || valueSize % 2 == 0);
        if (!sizeValid) {
            ctx.mismatch(IcRules.IC_KVP_VALUE_SIZE_INVALID, path + ".value_size",
                    (type == REG_SZ ? "an even number" : "a number") + " up to " + MAX_VALUE_SIZE
                            + " (HV_KVP_EXCHANGE_MAX_VALUE_SIZE)", Long.toString(valueSize),
                    base + VALUE_SIZE_OFFSET, Integer.BYTES);
        }
        long at = base + VALUE_OFFSET;
        if (type == REG_SZ) {
            String text = IcText.utf16(ctx, path + ".value", at, valueSize, MAX_VALUE_SIZE, sizeValid);
            if (text == null) {
                return null;
            }
            r.add("value", new FieldValue.Text(text));
            return IcText.quote(text);
        }
        if (type == REG_U32 && ctx.payload().has(at, Integer.BYTES)) {
            return Long.toString(r.u32("value_u32", at));
        }
        if (type == REG_U64 && ctx.payload().has(at, Long.BYTES)) {
            return Long.toUnsignedString(r.u64("value_u64", at));
        }
        if (isSet && type != REG_U32 && type != REG_U64) {
            ctx.mismatch(IcRules.IC_KVP_VALUE_TYPE_UNKNOWN, path + ".value_type", "REG_SZ (1), REG_U32 (4) or"
                    + " REG_U64 (8)", Long.toString(type), base + VALUE_TYPE_OFFSET, Integer.BYTES);
        }
        return null;
    }
}
