package ringtool.core.payload;

import java.util.List;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;

/**
 * The decoding layer over one walk of a ring: packets in, {@link Decoded} and payload findings out. It keeps the
 * ring's {@link RingState}, so one decoder serves one walk, in walk order; each walk takes a new one.
 */
public final class PayloadDecoder {

    /** A packet's decoding: {@code decoded} null when nothing was decoded. */
    public record Result(Decoded decoded, List<Finding> findings) {

        public static final Result NOTHING = new Result(null, List.of());
    }

    private final ProtocolDissector dissector;
    private final RingSnapshot ring;
    private final RingState state = new RingState();

    /** @param dissector null to decode nothing */
    public PayloadDecoder(ProtocolDissector dissector, RingSnapshot ring) {
        this.dissector = dissector;
        this.ring = ring;
    }

    public boolean active() {
        return dissector != null && ring.data() != null;
    }

    public Result decode(Packet p) {
        if (!active()) {
            return Result.NOTHING;
        }
        DecodeContext ctx = new DecodeContext(dissector.name(), payload(ring, p), p.index(),
                p.descriptor().transactionId(), ring.name(), state, p.descriptor().type(), p.extension());
        Decoded decoded = dissector.decode(ctx);
        state.packetDecoded();
        List<Finding> findings = ctx.findings();
        return decoded == null && findings.isEmpty() ? Result.NOTHING : new Result(decoded, findings);
    }

    /** The payload a driver is handed ({@code hv_pkt_datalen}: padding included). */
    public static PayloadView payload(RingSnapshot ring, Packet p) {
        return PayloadView.of(ring.data(), p.offset() + p.payloadOffset(), p.paddedPayloadLength(),
                ring.dataFileOffset(0));
    }
}
