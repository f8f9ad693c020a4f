package ringtool.core.payload.ic;

import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.MessageTable;
import ringtool.core.payload.PayloadView;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.rules.Rule;
import ringtool.core.format.DeviceKinds;

/**
 * Hyper-V integration services (heartbeat, shutdown, time sync, KVP, VSS, file copy): an {@link IcHeader}, then
 * the message its {@code icmsgtype} names. Layouts and rules: docs/protocols/ic.md.
 */
public final class IcDissector implements ProtocolDissector {

    static final int ICMSGTYPE_NEGOTIATE = 0;
    static final int ICMSGTYPE_HEARTBEAT = 1;
    static final int ICMSGTYPE_KVPEXCHANGE = 2;
    static final int ICMSGTYPE_SHUTDOWN = 3;
    static final int ICMSGTYPE_TIMESYNC = 4;
    static final int ICMSGTYPE_VSS = 5;
    static final int ICMSGTYPE_FCOPY = 7;

    static final MessageTable<IcHeader> MESSAGES = MessageTable.<IcHeader>builder()
            .add(ICMSGTYPE_NEGOTIATE, "ICMSGTYPE_NEGOTIATE", Negotiation.DECODER)
            .add(ICMSGTYPE_HEARTBEAT, "ICMSGTYPE_HEARTBEAT", Heartbeat.DECODER)
            .add(ICMSGTYPE_KVPEXCHANGE, "ICMSGTYPE_KVPEXCHANGE", Kvp.DECODER)
            .add(ICMSGTYPE_SHUTDOWN, "ICMSGTYPE_SHUTDOWN", Shutdown.DECODER)
            .add(ICMSGTYPE_TIMESYNC, "ICMSGTYPE_TIMESYNC", TimeSync.DECODER)
            .add(ICMSGTYPE_VSS, "ICMSGTYPE_VSS", Vss.DECODER)
            .add(ICMSGTYPE_FCOPY, "ICMSGTYPE_FCOPY", FileCopy.DECODER)
            .build();

    @Override
    public String name() {
        return "ic";
    }

    @Override
    public List<String> classIds() {
        return List.of(DeviceKinds.HV_SHUTDOWN_GUID, DeviceKinds.HV_TS_GUID, DeviceKinds.HV_HEART_BEAT_GUID,
                DeviceKinds.HV_KVP_GUID, DeviceKinds.HV_VSS_GUID, DeviceKinds.HV_FCOPY_GUID);
    }

    @Override
    public List<Rule> rules() {
        return IcRules.ALL;
    }

    /**
     * A known type, an icmsgsize within the packet, and the flags of a request (TRANSACTION | REQUEST) or of a
     * reply (TRANSACTION | RESPONSE): a payload of zeros would pass the rest as a negotiation.
     */
    @Override
    public boolean plausible(PayloadView payload) {
        if (!payload.has(0, IcHeader.SIZE)) {
            return false;
        }
        IcHeader h = IcHeader.parse(payload);
        int request = IcHeader.ICMSGHDRFLAG_TRANSACTION | IcHeader.ICMSGHDRFLAG_REQUEST;
        int reply = IcHeader.ICMSGHDRFLAG_TRANSACTION | IcHeader.ICMSGHDRFLAG_RESPONSE;
        return MESSAGES.find(h.icmsgtype()) != null && (h.icflags() == request || h.icflags() == reply)
                && IcHeader.SIZE + h.icmsgsize() <= payload.length();
    }

    @Override
    public Decoded decode(DecodeContext ctx) {
        PayloadView p = ctx.payload();
        if (!p.has(0, IcHeader.SIZE)) {
            ctx.report(IcRules.IC_HEADER_TOO_SHORT, "a payload of " + p.length() + " bytes cannot hold the "
                    + IcHeader.SIZE + " bytes of vmbuspipe_hdr and icmsg_hdr (ICMSG_HDR)", 0, p.length());
            return null;
        }
        IcHeader h = IcHeader.parse(p);
        if (IcHeader.SIZE + h.icmsgsize() > p.length()) {
            ctx.mismatch(IcRules.IC_SIZE_BEYOND_PACKET, "icmsg_hdr.icmsgsize", "at most " + (p.length()
                    - IcHeader.SIZE) + " (the payload after ICMSG_HDR)", Integer.toString(h.icmsgsize()),
                    IcHeader.ICMSGSIZE_OFFSET, Short.BYTES);
        }
        if ((h.icflags() & ~IcHeader.KNOWN_FLAGS) != 0) {
            ctx.report(IcRules.IC_FLAGS_UNKNOWN, String.format("icmsg_hdr.icflags 0x%02x has reserved bits 0x%02x"
                    + " set", h.icflags(), h.icflags() & ~IcHeader.KNOWN_FLAGS), IcHeader.ICFLAGS_OFFSET, 1);
        }
        MessageTable.Entry<IcHeader> entry = MESSAGES.find(h.icmsgtype());
        if (entry == null) {
            ctx.report(IcRules.IC_TYPE_UNKNOWN, "icmsg_hdr.icmsgtype " + h.icmsgtype() + " is no ICMSGTYPE_*: only"
                    + " the headers are decoded", IcHeader.ICMSGTYPE_OFFSET, Short.BYTES);
            return ctx.decoded(Integer.toString(h.icmsgtype()), h.info("icmsgtype " + h.icmsgtype() + " (unknown)"),
                    h.fields().build());
        }
        checkService(ctx, h, entry.name());
        return entry.decoder().decode(ctx, h, entry.name());
    }

    /** Every message of a ring but the negotiation belongs to the one service of its channel. */
    private static void checkService(DecodeContext ctx, IcHeader h, String message) {
        if (h.icmsgtype() == ICMSGTYPE_NEGOTIATE) {
            return;
        }
        IcState state = ctx.state().of(IcState.class, IcState::new);
        if (state.service < 0) {
            state.service = h.icmsgtype();
            state.serviceName = message;
        } else if (state.service != h.icmsgtype()) {
            ctx.report(IcRules.IC_TYPE_UNEXPECTED, message + " in a ring whose earlier messages are "
                    + state.serviceName + ": a channel carries one service", IcHeader.ICMSGTYPE_OFFSET, Short.BYTES);
        }
    }
}
