package ringtool.core.payload;

import java.util.List;
import ringtool.core.bytes.ByteSource;
import ringtool.core.rules.Finding;

/** One payload through one dissector, as the decoding layer does it: the result and the findings. */
public record Decoding(Decoded decoded, List<Finding> findings) {

    public static Decoding of(ProtocolDissector dissector, byte[] payload, String ring) {
        DecodeContext ctx = new DecodeContext(dissector.name(), PayloadView.of(ByteSource.of(payload)), 0, 0, ring,
                new RingState());
        Decoded d = dissector.decode(ctx);
        return new Decoding(d, ctx.findings());
    }

    /** The value at a path of field names and list indices: {@code "range_array", 1, "page_cnt"}. */
    public String field(Object... path) {
        FieldValue v = decoded.fields();
        for (Object step : path) {
            if (step instanceof Integer i) {
                v = ((FieldValue.Items) v).items().get(i);
            } else {
                v = ((Fields) v).get((String) step);
            }
        }
        return String.valueOf(v);
    }
}
