package ringtool.core.payload.storvsc;

import java.util.Map;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The key, ASC and ASCQ of SCSI sense data (SPC), from as many bytes as the completion holds.
 *
 * <pre>
 * fixed (response code 0x70, 0x71):      +0 code | +2 key (low nibble) | ... | +12 asc | +13 ascq
 * descriptor (response code 0x72, 0x73): +0 code | +1 key (low nibble) | +2 asc | +3 ascq
 * </pre>
 *
 * @param key  the sense key, or -1 when the bytes do not reach it
 * @param asc  the additional sense code, or -1
 * @param ascq its qualifier, or -1
 */
record SenseData(int responseCode, int key, int asc, int ascq) {

    static final int RESPONSE_CODE = 0;
    static final int FIXED_KEY = 2;
    static final int FIXED_ASC = 12;
    static final int FIXED_ASCQ = 13;
    static final int DESCRIPTOR_KEY = 1;
    static final int DESCRIPTOR_ASC = 2;
    static final int DESCRIPTOR_ASCQ = 3;

    private static final String[] KEYS = {"NO SENSE", "RECOVERED ERROR", "NOT READY", "MEDIUM ERROR",
            "HARDWARE ERROR", "ILLEGAL REQUEST", "UNIT ATTENTION", "DATA PROTECT", "BLANK CHECK", "VENDOR SPECIFIC",
            "COPY ABORTED", "ABORTED COMMAND", "0x0c", "VOLUME OVERFLOW", "MISCOMPARE", "0x0f"};

    /** The common additional sense codes, as {@code asc << 8 | ascq}. */
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(0x0000, "NO ADDITIONAL SENSE INFORMATION"),
            Map.entry(0x0400, "LOGICAL UNIT NOT READY, CAUSE NOT REPORTABLE"),
            Map.entry(0x0401, "LOGICAL UNIT IS IN PROCESS OF BECOMING READY"),
            Map.entry(0x0c00, "WRITE ERROR"),
            Map.entry(0x1100, "UNRECOVERED READ ERROR"),
            Map.entry(0x2000, "INVALID COMMAND OPERATION CODE"),
            Map.entry(0x2100, "LOGICAL BLOCK ADDRESS OUT OF RANGE"),
            Map.entry(0x2400, "INVALID FIELD IN CDB"),
            Map.entry(0x2500, "LOGICAL UNIT NOT SUPPORTED"),
            Map.entry(0x2600, "INVALID FIELD IN PARAMETER LIST"),
            Map.entry(0x2700, "WRITE PROTECTED"),
            Map.entry(0x2800, "NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED"),
            Map.entry(0x2900, "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED"),
            Map.entry(0x2a09, "CAPACITY DATA HAS CHANGED"),
            Map.entry(0x3a00, "MEDIUM NOT PRESENT"),
            Map.entry(0x3f0e, "REPORTED LUNS DATA HAS CHANGED"));

    /** Decodes the {@code length} bytes at {@code at}, which the caller has checked are in the payload. */
    static SenseData parse(PayloadView p, long at, int length) {
        if (length < 1) {
            return new SenseData(-1, -1, -1, -1);
        }
        int code = p.u8(at + RESPONSE_CODE) & 0x7f;
        boolean descriptor = code == 0x72 || code == 0x73;
        int key = descriptor ? DESCRIPTOR_KEY : FIXED_KEY;
        int asc = descriptor ? DESCRIPTOR_ASC : FIXED_ASC;
        int ascq = descriptor ? DESCRIPTOR_ASCQ : FIXED_ASCQ;
        return new SenseData(code,
                key < length ? p.u8(at + key) & 0x0f : -1,
                asc < length ? p.u8(at + asc) : -1,
                ascq < length ? p.u8(at + ascq) : -1);
    }

    String keyName() {
        return key < 0 ? "no sense key" : KEYS[key];
    }

    /** {@code MEDIUM ERROR 11/00 UNRECOVERED READ ERROR}. */
    String describe() {
        StringBuilder s = new StringBuilder(keyName());
        if (asc >= 0 && ascq >= 0) {
            s.append(String.format(" %02x/%02x", asc, ascq));
            String name = CODES.get(asc << 8 | ascq);
            if (name != null) {
                s.append(' ').append(name);
            }
        }
        return s.toString();
    }

    Fields fields() {
        Fields.Builder f = Fields.builder().number("response_code", responseCode);
        if (key >= 0) {
            f.number("sense_key", key).text("sense_key_name", keyName());
        }
        if (asc >= 0) {
            f.number("asc", asc);
        }
        if (ascq >= 0) {
            f.number("ascq", ascq);
        }
        return f.build();
    }
}
