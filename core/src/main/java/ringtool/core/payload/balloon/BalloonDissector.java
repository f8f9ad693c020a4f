package ringtool.core.payload.balloon;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.MessageTable;
import ringtool.core.payload.PayloadView;
import ringtool.core.payload.ProtocolDissector;
import ringtool.core.rules.Rule;
import ringtool.core.format.DeviceKinds;

/**
 * Dynamic Memory ({@code drivers/hv/hv_balloon.c}, class {@code HV_DM_GUID}): a {@link DmHeader} then the message
 * its type names. Layouts and rules: {@code docs/protocols/balloon.md}.
 */
public final class BalloonDissector implements ProtocolDissector {

    /** hv_balloon receives into one page ({@code HV_HYP_PAGE_SIZE}). */
    static final int RECV_BUFFER_SIZE = 4096;

    static final int DM_ERROR = 0;
    static final int DM_VERSION_REQUEST = 1;
    static final int DM_VERSION_RESPONSE = 2;
    static final int DM_CAPABILITIES_REPORT = 3;
    static final int DM_CAPABILITIES_RESPONSE = 4;
    static final int DM_STATUS_REPORT = 5;
    static final int DM_BALLOON_REQUEST = 6;
    static final int DM_BALLOON_RESPONSE = 7;
    static final int DM_UNBALLOON_REQUEST = 8;
    static final int DM_UNBALLOON_RESPONSE = 9;
    static final int DM_MEM_HOT_ADD_REQUEST = 10;
    static final int DM_MEM_HOT_ADD_RESPONSE = 11;
    static final int DM_INFO_MESSAGE = 12;

    private static final MessageDecoder<DmHeader> HEADER_ONLY = UnballoonMessages.RESPONSE;

    static final MessageTable<DmHeader> MESSAGES = MessageTable.<DmHeader>builder()
            .add(DM_ERROR, "DM_ERROR", HEADER_ONLY)
            .add(DM_VERSION_REQUEST, "DM_VERSION_REQUEST", VersionMessages.REQUEST)
            .add(DM_VERSION_RESPONSE, "DM_VERSION_RESPONSE", VersionMessages.RESPONSE)
            .add(DM_CAPABILITIES_REPORT, "DM_CAPABILITIES_REPORT", CapabilitiesMessages.REPORT)
            .add(DM_CAPABILITIES_RESPONSE, "DM_CAPABILITIES_RESPONSE", VersionMessages.RESPONSE)
            .add(DM_STATUS_REPORT, "DM_STATUS_REPORT", StatusReport.DECODER)
            .add(DM_BALLOON_REQUEST, "DM_BALLOON_REQUEST", BalloonMessages.REQUEST)
            .add(DM_BALLOON_RESPONSE, "DM_BALLOON_RESPONSE", BalloonMessages.RESPONSE)
            .add(DM_UNBALLOON_REQUEST, "DM_UNBALLOON_REQUEST", UnballoonMessages.REQUEST)
            .add(DM_UNBALLOON_RESPONSE, "DM_UNBALLOON_RESPONSE", UnballoonMessages.RESPONSE)
            .add(DM_MEM_HOT_ADD_REQUEST, "DM_MEM_HOT_ADD_REQUEST", HotAddMessages.REQUEST)
            .add(DM_MEM_HOT_ADD_RESPONSE, "DM_MEM_HOT_ADD_RESPONSE", HotAddMessages.RESPONSE)
            .add(DM_INFO_MESSAGE, "DM_INFO_MESSAGE", InfoMessage.DECODER)
            .build();

    /** The messages the host sends: balloon_onchannelcallback() handles these and no others. */
    private static final Set<Integer> FROM_HOST = Set.of(DM_VERSION_RESPONSE, DM_CAPABILITIES_RESPONSE,
            DM_BALLOON_REQUEST, DM_UNBALLOON_REQUEST, DM_MEM_HOT_ADD_REQUEST, DM_INFO_MESSAGE);
    /** DM_ERROR goes either way. */
    private static final Set<Integer> FROM_GUEST = Set.of(DM_VERSION_REQUEST, DM_CAPABILITIES_REPORT,
            DM_STATUS_REPORT, DM_BALLOON_RESPONSE, DM_UNBALLOON_RESPONSE, DM_MEM_HOT_ADD_RESPONSE);

    @Override
    public String name() {
        return "balloon";
    }

    @Override
    public List<String> classIds() {
        return List.of(DeviceKinds.HV_DM_GUID);
    }

    @Override
    public List<Rule> rules() {
        return BalloonRules.ALL;
    }

    /** A known type, and a size that covers the header and lies within the packet. */
    @Override
    public boolean plausible(PayloadView payload) {
        if (!payload.has(0, DmHeader.SIZE)) {
            return false;
        }
        DmHeader h = DmHeader.parse(payload);
        return MESSAGES.find(h.type()) != null && h.size() >= DmHeader.SIZE && h.size() <= payload.length();
    }

    @Override
    public Decoded decode(DecodeContext ctx) {
        PayloadView p = ctx.payload();
        if (p.length() > RECV_BUFFER_SIZE) {
            ctx.mismatch(BalloonRules.BALLOON_PACKET_BEYOND_RECV_BUFFER, "payload length",
                    "at most " + RECV_BUFFER_SIZE, Long.toString(p.length()), 0, p.length());
        }
        if (!p.has(0, DmHeader.SIZE)) {
            ctx.report(BalloonRules.BALLOON_HEADER_TRUNCATED, "a payload of " + p.length()
                    + " bytes cannot hold the 8-byte dm_header", 0, p.length());
            return null;
        }
        DmHeader h = DmHeader.parse(p);
        if (h.size() > p.length()) {
            ctx.mismatch(BalloonRules.BALLOON_SIZE_BEYOND_PACKET, "dm_header.size",
                    "at most " + p.length() + " (the payload)", Integer.toString(h.size()),
                    DmHeader.SIZE_OFFSET, Short.BYTES);
        }
        MessageTable.Entry<DmHeader> entry = MESSAGES.find(h.type());
        if (entry == null) {
            ctx.report(BalloonRules.BALLOON_TYPE_UNKNOWN, "dm_header.type " + h.type()
                    + " is no DM_* message: only the header is decoded", DmHeader.TYPE_OFFSET, Short.BYTES);
            return ctx.decoded(Integer.toString(h.type()), "type " + h.type() + " trans " + h.transId()
                    + " (unknown), size " + h.size(), Fields.builder().object("hdr", h.fields()).build());
        }
        checkDirection(ctx, h, entry.name());
        return entry.decoder().decode(ctx, h, entry.name());
    }

    @Override
    public List<Long> messageTypes() {
        return MESSAGES.types();
    }

    /** A dm_header (type, size = 8 + body, trans_id) then the body. */
    @Override
    public byte[] message(long type, long transactionId, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(DmHeader.SIZE + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(DmHeader.TYPE_OFFSET, (short) type);
        b.putShort(DmHeader.SIZE_OFFSET, (short) (DmHeader.SIZE + body.length));
        b.putInt(DmHeader.TRANS_ID_OFFSET, (int) transactionId);
        b.put(DmHeader.SIZE, body);
        return b.array();
    }

    private static void checkDirection(DecodeContext ctx, DmHeader h, String message) {
        boolean wrong = ("inbound".equals(ctx.ring()) && FROM_GUEST.contains(h.type()))
                || ("outbound".equals(ctx.ring()) && FROM_HOST.contains(h.type()));
        if (wrong) {
            String from = FROM_GUEST.contains(h.type()) ? "the guest" : "the host";
            ctx.report(BalloonRules.BALLOON_TYPE_WRONG_DIRECTION, message + " is sent by " + from + ", but lies in the "
                    + ctx.ring() + " ring", DmHeader.TYPE_OFFSET, Short.BYTES);
        }
    }
}
