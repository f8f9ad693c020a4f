package ringtool.core.payload.ic;

/** What the IC dissector remembers across a ring's packets: the service its first service message named. */
final class IcState {

    /** The icmsgtype of the ring's first message other than a negotiation, or -1 before one. */
    int service = -1;
    String serviceName;
}
