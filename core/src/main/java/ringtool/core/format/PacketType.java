package ringtool.core.format;

/** {@code enum vmbus_packet_type}, with the {@code VM_PKT_} prefix dropped from the names. */
public final class PacketType {

    public static final int INVALID = 0x0;
    public static final int DATA_INBAND = 0x6;
    public static final int DATA_USING_XFER_PAGES = 0x7;
    public static final int DATA_USING_GPA_DIRECT = 0x9;
    public static final int COMP = 0xb;
    public static final int MAX_KNOWN = 0xd;

    private static final String[] NAMES = {
        "INVALID", "SYNCH", "ADD_XFER_PAGESET", "RM_XFER_PAGESET", "ESTABLISH_GPADL", "TEARDOWN_GPADL",
        "DATA_INBAND", "DATA_USING_XFER_PAGES", "DATA_USING_GPADL", "DATA_USING_GPA_DIRECT", "CANCEL_REQUEST",
        "COMP", "DATA_USING_ADDITIONAL_PKT", "ADDITIONAL_DATA",
    };

    private PacketType() {
    }

    /** The name of a type; {@code UNKNOWN} beyond the enum. */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "UNKNOWN";
    }

    /** Type 0 is named but means "invalid": no writer sends it. */
    public static boolean isKnown(int type) {
        return type > INVALID && type <= MAX_KNOWN;
    }

    /** Types that carry an 8-byte extended header after the descriptor and so need {@code offset8 >= 3}. */
    public static boolean hasExtendedHeader(int type) {
        return type == DATA_USING_XFER_PAGES || type == DATA_USING_GPA_DIRECT;
    }
}
