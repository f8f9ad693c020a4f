package ringtool.core.payload;

import java.util.List;
import ringtool.core.rules.Rule;

/** One protocol's payload decoder, registered in {@link Protocols}. Implementations are stateless and shared. */
public interface ProtocolDissector {

    /** {@code balloon}, {@code ic}, {@code netvsc}, {@code storvsc}: the {@code --protocol} value. */
    String name();

    /** The device class GUIDs (bare, lower case; constants of {@code DeviceKinds}) whose channels speak it. */
    List<String> classIds();

    /** The protocol's rules ({@code <name>.*}), listed by {@code ringtool checks}. */
    List<Rule> rules();

    /**
     * The content test of {@code --protocol auto}: whether this payload is a message of this protocol (a known
     * type, a size consistent with the packet). Must hold for every packet of a ring for auto to pick it.
     */
    boolean plausible(PayloadView payload);

    /** Decodes one payload; malformed payloads are findings in {@code ctx}. Null when nothing could be decoded. */
    Decoded decode(DecodeContext ctx);

    /** The message types the protocol defines ({@link MessageTable#types()}): the payload fuzz target's choices. */
    default List<Long> messageTypes() {
        return List.of();
    }

    /**
     * A message of {@code type} around {@code body} (the bytes after the protocol's headers), its headers written
     * as the protocol's sender writes them (type, lengths and sizes consistent with the body): what the payload
     * fuzz target lays into a ring before it damages some bytes. The default is the body alone.
     */
    default byte[] message(long type, long transactionId, byte[] body) {
        return body.clone();
    }
}
