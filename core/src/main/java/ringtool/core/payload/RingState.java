package ringtool.core.payload;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What decoders remember across the packets of one ring, in walk order: requests by transaction ID (so that a
 * completion names what it completes) and one state object per protocol (a negotiated version, the sections of
 * a receive buffer). A fresh one is made for every walk over the ring.
 *
 * <p>Bounded by the walk, never by a payload field: the table of requests holds at most one entry per packet
 * decoded ({@link #packetDecoded}); beyond that the oldest request is forgotten.
 */
public final class RingState {

    private final LinkedHashMap<Long, Object> requests = new LinkedHashMap<>();
    private final Map<Class<?>, Object> protocolState = new HashMap<>(2);
    private long packets = 1;

    /** Called by the decoding layer once per packet: the table may grow by one more request. */
    void packetDecoded() {
        packets++;
    }

    /** Remembers {@code request} (a protocol's own record) under the transaction ID its completion will carry. */
    public void request(long transactionId, Object request) {
        requests.remove(transactionId);
        requests.put(transactionId, request);
        Iterator<Long> oldest = requests.keySet().iterator();
        while (requests.size() > packets && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The request remembered under {@code transactionId} if it is a {@code type}, removed from the table; or null. */
    public <T> T complete(long transactionId, Class<T> type) {
        Object r = requests.get(transactionId);
        if (type.isInstance(r)) {
            requests.remove(transactionId);
            return type.cast(r);
        }
        return null;
    }

    /** The request remembered under {@code transactionId} if it is a {@code type}, left in the table; or null. */
    public <T> T peek(long transactionId, Class<T> type) {
        Object r = requests.get(transactionId);
        return type.isInstance(r) ? type.cast(r) : null;
    }

    /** The protocol's state object of class {@code type}, made by {@code create} on first use. */
    public <T> T of(Class<T> type, Supplier<T> create) {
        return type.cast(protocolState.computeIfAbsent(type, k -> create.get()));
    }
}
