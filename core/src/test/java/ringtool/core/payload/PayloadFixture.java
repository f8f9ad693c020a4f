package ringtool.core.payload;

import java.util.List;
import java.util.stream.Collectors;
import ringtool.core.bytes.ByteSource;
import ringtool.core.format.PacketType;
import ringtool.core.rules.Finding;
import ringtool.core.testing.Hex;
import ringtool.core.walk.PacketExtension;

/**
 * Packets of one ring for a dissector's tests: each payload given as hex, decoded in order with one
 * {@link RingState}, as a walk would.
 */
public final class PayloadFixture {

    private final ProtocolDissector dissector;
    private final RingState state = new RingState();
    private DecodeContext last;
    private long index;

    public PayloadFixture(ProtocolDissector dissector) {
        this.dissector = dissector;
    }

    /** Decodes an in-band packet (6). */
    public Decoded inband(long transactionId, String hex) {
        return decode(PacketType.DATA_INBAND, transactionId, hex, null);
    }

    /** Decodes a completion packet (0xb). */
    public Decoded completion(long transactionId, String hex) {
        return decode(PacketType.COMP, transactionId, hex, null);
    }

    public Decoded decode(int type, long transactionId, String hex, PacketExtension extension) {
        PayloadView view = PayloadView.of(ByteSource.of(Hex.parse(hex)));
        last = new DecodeContext(dissector.name(), view, index++, transactionId, "ring", state, type, extension);
        return dissector.decode(last);
    }

    /** The findings of the last packet decoded. */
    public List<Finding> findings() {
        return last.findings();
    }

    /** The last packet's findings as {@code rule: message} lines. */
    public String findingLines() {
        return last.findings().stream().map(f -> f.rule().id() + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }

    /** A field by its path ({@code hdr.msg_type}, {@code ranges.0.section}), as text. */
    public static String field(Decoded d, String path) {
        FieldValue v = d.fields();
        for (String part : path.split("\\.")) {
            if (v instanceof Fields f) {
                v = f.get(part);
            } else if (v instanceof FieldValue.Items items) {
                v = items.items().get(Integer.parseInt(part));
            } else {
                return null;
            }
            if (v == null) {
                return null;
            }
        }
        return v instanceof FieldValue.Items items ? items.items().toString() : v.toString();
    }
}
