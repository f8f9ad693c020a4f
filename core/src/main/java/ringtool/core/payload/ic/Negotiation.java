package ringtool.core.payload.ic;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct icmsg_negotiate} after the headers (docs/protocols/ic.md §3):
 * <pre>
 *  28  u16 icframe_vercnt
 *  30  u16 icmsg_vercnt
 *  32  u32 reserved
 *  36  ic_version icversion_data[icframe_vercnt + icmsg_vercnt]   framework versions, then message versions
 * </pre>
 */
final class Negotiation {

    static final int ICFRAME_VERCNT_OFFSET = IcHeader.SIZE;
    static final int ICMSG_VERCNT_OFFSET = ICFRAME_VERCNT_OFFSET + Short.BYTES;
    static final int RESERVED_OFFSET = ICMSG_VERCNT_OFFSET + Short.BYTES;
    static final int VERSIONS_OFFSET = RESERVED_OFFSET + Integer.BYTES;
    /** {@code IC_VERSION_NEGOTIATION_MAX_VER_COUNT}: Linux refuses longer lists. */
    static final int MAX_VER_COUNT = 100;

    private Negotiation() {
    }

    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        boolean fixed = IcHeader.messageFits(ctx, message, VERSIONS_OFFSET, "ICMSG_NEGOTIATE_PKT_SIZE(0, 0): ICMSG_HDR +"
                + " sizeof(struct icmsg_negotiate)");
        FieldReader r = new FieldReader(p);
        long frameCount = r.u16("icframe_vercnt", ICFRAME_VERCNT_OFFSET);
        long msgCount = r.u16("icmsg_vercnt", ICMSG_VERCNT_OFFSET);
        r.u32("reserved", RESERVED_OFFSET);
        StringBuilder info = new StringBuilder(h.info(message));
        if (fixed) {
            countChecks(ctx, h, frameCount, msgCount);
            long room = p.remaining(VERSIONS_OFFSET) / IcVersion.SIZE;
            long claimed = frameCount + msgCount;
            if (claimed > room) {
                ctx.mismatch(IcRules.IC_NEGOTIATE_COUNT_BEYOND_PACKET, "icframe_vercnt + icmsg_vercnt",
                        "at most " + room + " (the versions in the " + p.remaining(VERSIONS_OFFSET)
                                + " bytes after offset " + VERSIONS_OFFSET + ")",
                        Long.toString(claimed), ICFRAME_VERCNT_OFFSET, 2L * Short.BYTES);
            }
            long n = Math.min(claimed, room);
            List<FieldValue> versions = new ArrayList<>((int) n);
            StringBuilder frame = new StringBuilder();
            StringBuilder msg = new StringBuilder();
            for (long i = 0; i < n; i++) {
                IcVersion v = IcVersion.parse(p, VERSIONS_OFFSET + i * IcVersion.SIZE);
                versions.add(v.fields());
                (i < frameCount ? frame : msg).append(' ').append(v);
            }
            r.add("icversion_data", new FieldValue.Items(versions));
            info.append(": framework").append(frame.length() == 0 ? " none" : frame)
                    .append(", message").append(msg.length() == 0 ? " none" : msg);
        }
        return ctx.decoded(message, info.toString(), h.fields().object("icmsg_negotiate", r.build()).build());
    };

    private static void countChecks(DecodeContext ctx, IcHeader h, long frameCount,
                                    long msgCount) {
        if (frameCount > MAX_VER_COUNT) {
            ctx.mismatch(IcRules.IC_NEGOTIATE_COUNT_TOO_LARGE, "icmsg_negotiate.icframe_vercnt",
                    "at most " + MAX_VER_COUNT + " (IC_VERSION_NEGOTIATION_MAX_VER_COUNT)", Long.toString(frameCount),
                    ICFRAME_VERCNT_OFFSET, Short.BYTES);
        }
        if (msgCount > MAX_VER_COUNT) {
            ctx.mismatch(IcRules.IC_NEGOTIATE_COUNT_TOO_LARGE, "icmsg_negotiate.icmsg_vercnt",
                    "at most " + MAX_VER_COUNT + " (IC_VERSION_NEGOTIATION_MAX_VER_COUNT)", Long.toString(msgCount),
                    ICMSG_VERCNT_OFFSET, Short.BYTES);
        }
        // A reply with both counts 0 is how a guest says that nothing matched; only an offer must name versions.
        if (!h.isResponse() && (frameCount == 0 || msgCount == 0)) {
            ctx.report(IcRules.IC_NEGOTIATE_COUNT_ZERO, "icmsg_negotiate offers " + frameCount + " framework and "
                    + msgCount + " message versions: a negotiation needs one of each at least",
                    ICFRAME_VERCNT_OFFSET, 2L * Short.BYTES);
        }
    }
}
