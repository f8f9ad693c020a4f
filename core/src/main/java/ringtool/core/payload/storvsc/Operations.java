package ringtool.core.payload.storvsc;

/** {@code enum vstor_packet_operation} by value, and the transaction ids Linux reserves for its set-up requests. */
final class Operations {

    static final long COMPLETE_IO = 1;
    static final long EXECUTE_SRB = 3;
    static final long RESET_BUS = 6;
    static final long QUERY_PROTOCOL_VERSION = 9;
    static final long QUERY_PROPERTIES = 10;
    static final long FCHBA_DATA = 12;
    static final long CREATE_SUB_CHANNELS = 13;

    /** {@code VMBUS_RQST_INIT}: every set-up request. */
    static final long RQST_INIT = -3;
    /** {@code VMBUS_RQST_RESET}: a bus reset. */
    static final long RQST_RESET = -4;

    private static final String[] NAMES = {null, "COMPLETE_IO", "REMOVE_DEVICE", "EXECUTE_SRB", "RESET_LUN",
            "RESET_ADAPTER", "RESET_BUS", "BEGIN_INITIALIZATION", "END_INITIALIZATION", "QUERY_PROTOCOL_VERSION",
            "QUERY_PROPERTIES", "ENUMERATE_BUS", "FCHBA_DATA", "CREATE_SUB_CHANNELS"};

    private Operations() {
    }

    /** The name without its {@code VSTOR_OPERATION_} prefix (what the info column shows), or null. */
    static String shortName(long operation) {
        return operation > 0 && operation < NAMES.length ? NAMES[(int) operation] : null;
    }

    static String name(long operation) {
        return "VSTOR_OPERATION_" + shortName(operation);
    }
}
