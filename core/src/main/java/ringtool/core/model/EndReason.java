package ringtool.core.model;

/** How a reader model's run ends (contract: "Reader models"). */
public enum EndReason {
    /** By the reader's own arithmetic too few bytes remain: it waits for the host. */
    CAUGHT_UP("caught_up"),
    /** The cursor came back to an offset already read: the real reader spins forever. */
    LOOP("loop"),
    /** The reader's own read of a descriptor falls outside its mapping. */
    FAULT("fault"),
    /** The reader returns an error and does not consume the packet. */
    REJECTED("rejected"),
    /** The reader reports nothing to read although bytes remain, and consumes nothing. */
    STALLED("stalled");

    private final String id;

    EndReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
