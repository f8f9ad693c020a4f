package ringtool.core.payload.netvsc;

/**
 * What a netvsc ring's earlier messages fixed for the later ones: the negotiated version, and the receive buffer's
 * section, to which every transfer-page range must belong.
 */
final class NetvscState {

    private long negotiated = -1;
    private ReceiveSection section;

    void negotiated(long version) {
        negotiated = version;
    }

    /** The version {@code NVSP_MSG_TYPE_INIT_COMPLETE} accepted, or -1 when none is in view. */
    long negotiated() {
        return negotiated;
    }

    void section(ReceiveSection s) {
        section = s;
    }

    /** The receive buffer's (valid) section, or null when no {@code SEND_RECV_BUF_COMPLETE} is in view. */
    ReceiveSection section() {
        return section;
    }
}
