package ringtool.core.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ringtool.core.format.PacketType;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rule;
import ringtool.core.walk.PacketExtension;

/**
 * What a decoder sees of one packet: its payload, where it lies, the ring's {@link RingState}, and a place for the
 * findings about it. Findings made here point at the data-area and file offsets of the bytes concerned and carry
 * the packet's index, so a decoder only names payload offsets.
 */
public final class DecodeContext {

    private final String protocol;
    private final PayloadView payload;
    private final long packetIndex;
    private final long transactionId;
    private final String ring;
    private final RingState state;
    private final int packetType;
    private final PacketExtension extension;
    private final List<Finding> findings = new ArrayList<>(2);

    /**
     * @param protocol      the dissector's name, for {@link #decoded}
     * @param packetIndex   the packet's index in the walk (negative for consumed packets)
     * @param transactionId the descriptor's transaction ID
     * @param ring          the ring's name: {@code outbound} (guest to host), {@code inbound}, or {@code ring}
     */
    public DecodeContext(String protocol, PayloadView payload, long packetIndex, long transactionId, String ring,
                         RingState state) {
        this(protocol, payload, packetIndex, transactionId, ring, state, PacketType.DATA_INBAND, null);
    }

    /**
     * @param packetType the descriptor's type: one message number can be a request in an in-band packet and its
     *                   answer in a completion (0xb)
     * @param extension  the transfer-page or GPA-direct header of types 7 and 9 (what they point at), else null
     */
    public DecodeContext(String protocol, PayloadView payload, long packetIndex, long transactionId, String ring,
                         RingState state, int packetType, PacketExtension extension) {
        this.packetType = packetType;
        this.extension = extension;
        this.protocol = Objects.requireNonNull(protocol);
        this.payload = Objects.requireNonNull(payload);
        this.packetIndex = packetIndex;
        this.transactionId = transactionId;
        this.ring = Objects.requireNonNull(ring);
        this.state = Objects.requireNonNull(state);
    }

    /** One payload on its own (tests): packet 0, transaction 0, a fresh state. */
    public static DecodeContext standalone(String protocol, PayloadView payload) {
        return new DecodeContext(protocol, payload, 0, 0, "ring", new RingState());
    }

    public PayloadView payload() {
        return payload;
    }

    public long packetIndex() {
        return packetIndex;
    }

    /** The VMBus descriptor's transaction ID (what a completion echoes). */
    public long transactionId() {
        return transactionId;
    }

    /** {@code outbound} (guest to host), {@code inbound} (host to guest), or {@code ring} when unknown. */
    public String ring() {
        return ring;
    }

    /** The VMBus packet type of the descriptor ({@link PacketType}). */
    public int packetType() {
        return packetType;
    }

    /** The extended header of a type 7 or 9 packet, as far as the packet holds it; null for other types. */
    public PacketExtension extension() {
        return extension;
    }

    public RingState state() {
        return state;
    }

    /** The result for this packet, under the dissector's protocol name. */
    public Decoded decoded(String message, String info, Fields fields) {
        return new Decoded(protocol, message, info, fields);
    }

    /** A finding about {@code length} payload bytes from {@code at}. */
    public void report(Rule rule, String message, long at, long length) {
        add(Finding.of(rule, message), payload, at, length);
    }

    /** A finding about {@code length} bytes from {@code at} of {@code view} (a slice of the payload). */
    public void report(Rule rule, String message, PayloadView view, long at, long length) {
        add(Finding.of(rule, message), view, at, length);
    }

    /** A finding {@code <subject>: expected <e>, got <a>} about {@code length} payload bytes from {@code at}. */
    public void mismatch(Rule rule, String subject, String expected, String actual, long at, long length) {
        add(Finding.mismatch(rule, subject, expected, actual), payload, at, length);
    }

    public void mismatch(Rule rule, String subject, String expected, String actual, PayloadView view, long at,
                         long length) {
        add(Finding.mismatch(rule, subject, expected, actual), view, at, length);
    }

    private void add(Finding f, PayloadView view, long at, long length) {
        long from = Math.max(0, Math.min(at, view.length()));
        long n = Math.max(0, Math.min(length, view.length() - from));
        findings.add(f.at(view.dataOffset(from)).file(view.fileOffset(from), n).inPacket(packetIndex));
    }

    /** The findings made so far, in order. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
