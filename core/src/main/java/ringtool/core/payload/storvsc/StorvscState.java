package ringtool.core.payload.storvsc;

/** What a storvsc ring's set-up fixed for later packets: whether the negotiated protocol predates Windows 8. */
final class StorvscState {

    /** {@code VMSTOR_PROTO_VERSION_WIN8} (5.1): the first version whose {@code vmscsi_request} has the extension. */
    static final int WIN8 = 0x0501;

    private boolean preWin8;

    /** A {@code QUERY_PROTOCOL_VERSION} with {@code version} was accepted. */
    void negotiated(int version) {
        preWin8 = version < WIN8;
    }

    /** The payload a packet must at least have ({@code sizeof(struct vstor_packet) - vmscsi_size_delta}). */
    int packetSize() {
        return VstorHeader.PACKET_SIZE - (preWin8 ? VstorHeader.WIN8_EXTENSION_SIZE : 0);
    }
}
