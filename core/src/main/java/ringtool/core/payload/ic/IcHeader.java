package ringtool.core.payload.ic;

import java.util.List;
import java.util.Map;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct vmbuspipe_hdr} and {@code struct icmsg_hdr}, the first {@link #SIZE} ({@code ICMSG_HDR}) bytes of
 * every IC message (docs/protocols/ic.md §2):
 * <pre>
 *   0  u32 flags              vmbuspipe_hdr
 *   4  u32 msgsize
 *   8  ic_version icverframe  icmsg_hdr: framework version
 *  12  u16 icmsgtype          ICMSGTYPE_*
 *  14  ic_version icvermsg    message (service) version
 *  18  u16 icmsgsize          bytes of the message after the 28 header bytes
 *  20  u32 status             HRESULT of a reply
 *  24  u8  ictransaction_id
 *  25  u8  icflags            ICMSGHDRFLAG_*
 *  26  u8  reserved[2]
 *  28  the service message
 * </pre>
 */
record IcHeader(long pipeFlags, long pipeMsgSize, IcVersion icverframe, int icmsgtype, IcVersion icvermsg,
                int icmsgsize, long status, int transactionId, int icflags, int reserved0, int reserved1) {

    static final int PIPE_FLAGS_OFFSET = 0;
    static final int PIPE_MSGSIZE_OFFSET = PIPE_FLAGS_OFFSET + Integer.BYTES;
    static final int ICVERFRAME_OFFSET = PIPE_MSGSIZE_OFFSET + Integer.BYTES;
    static final int ICMSGTYPE_OFFSET = ICVERFRAME_OFFSET + IcVersion.SIZE;
    static final int ICVERMSG_OFFSET = ICMSGTYPE_OFFSET + Short.BYTES;
    static final int ICMSGSIZE_OFFSET = ICVERMSG_OFFSET + IcVersion.SIZE;
    static final int STATUS_OFFSET = ICMSGSIZE_OFFSET + Short.BYTES;
    static final int TRANSACTION_ID_OFFSET = STATUS_OFFSET + Integer.BYTES;
    static final int ICFLAGS_OFFSET = TRANSACTION_ID_OFFSET + Byte.BYTES;
    static final int RESERVED_OFFSET = ICFLAGS_OFFSET + Byte.BYTES;
    /** {@code ICMSG_HDR}: where every service message starts. */
    static final int SIZE = RESERVED_OFFSET + 2;

    static final int ICMSGHDRFLAG_TRANSACTION = 1;
    static final int ICMSGHDRFLAG_REQUEST = 2;
    static final int ICMSGHDRFLAG_RESPONSE = 4;
    static final int KNOWN_FLAGS = ICMSGHDRFLAG_TRANSACTION | ICMSGHDRFLAG_REQUEST | ICMSGHDRFLAG_RESPONSE;

    /** The HRESULTs of include/uapi/linux/hyperv.h. */
    private static final Map<Long, String> STATUS_NAMES = Map.of(
            0x00000000L, "HV_S_OK",
            0x80004005L, "HV_E_FAIL",
            0x80070103L, "HV_S_CONT",
            0x80070032L, "HV_ERROR_NOT_SUPPORTED",
            0x800704f7L, "HV_ERROR_MACHINE_LOCKED",
            0x8007048fL, "HV_ERROR_DEVICE_NOT_CONNECTED",
            0x80070057L, "HV_INVALIDARG",
            0x80041002L, "HV_GUID_NOTFOUND",
            0x80070050L, "HV_ERROR_ALREADY_EXISTS",
            0x80070070L, "HV_ERROR_DISK_FULL");

    /** The headers at the payload's start; the caller has checked {@code payload.has(0, SIZE)}. */
    static IcHeader parse(PayloadView p) {
        return new IcHeader(p.u32(PIPE_FLAGS_OFFSET), p.u32(PIPE_MSGSIZE_OFFSET),
                IcVersion.parse(p, ICVERFRAME_OFFSET), p.u16(ICMSGTYPE_OFFSET), IcVersion.parse(p, ICVERMSG_OFFSET),
                p.u16(ICMSGSIZE_OFFSET), p.u32(STATUS_OFFSET), p.u8(TRANSACTION_ID_OFFSET), p.u8(ICFLAGS_OFFSET),
                p.u8(RESERVED_OFFSET), p.u8(RESERVED_OFFSET + 1));
    }

    boolean isResponse() {
        return (icflags & ICMSGHDRFLAG_RESPONSE) != 0;
    }

    /** The two headers as the start of a message's field tree. */
    Fields.Builder fields() {
        Fields pipe = Fields.builder().number("flags", pipeFlags).number("msgsize", pipeMsgSize).build();
        Fields ic = Fields.builder()
                .object("icverframe", icverframe.fields())
                .number("icmsgtype", icmsgtype)
                .object("icvermsg", icvermsg.fields())
                .number("icmsgsize", icmsgsize)
                .number("status", status)
                .number("ictransaction_id", transactionId)
                .number("icflags", icflags)
                .list("reserved", List.<FieldValue>of(new FieldValue.Number(reserved0),
                        new FieldValue.Number(reserved1)))
                .build();
        return Fields.builder().object("vmbuspipe_hdr", pipe).object("icmsg_hdr", ic);
    }

    /**
     * The start of the info line: the message, whether it asks or answers, and a reply's status:
     * {@code ICMSGTYPE_HEARTBEAT request}, {@code ICMSGTYPE_SHUTDOWN response HV_E_FAIL}.
     */
    String info(String message) {
        StringBuilder s = new StringBuilder(message);
        if (isResponse()) {
            s.append(" response ").append(statusName(status));
        } else if ((icflags & ICMSGHDRFLAG_REQUEST) != 0) {
            s.append(" request");
        }
        return s.toString();
    }

    /** {@code HV_E_FAIL}, or the HRESULT in hex when Linux does not name it. */
    static String statusName(long status) {
        String name = STATUS_NAMES.get(status);
        return name != null ? name : String.format("0x%08x", status);
    }

    /**
     * Whether the first {@code needed} payload bytes are there; raises {@code ic.message.beyond_packet} when not.
     *
     * @param what how the size is made up, as Linux writes it: {@code ICMSG_HDR + sizeof(struct hv_vss_msg)}
     */
    static boolean messageFits(DecodeContext ctx, String message, long needed, String what) {
        PayloadView p = ctx.payload();
        if (p.has(0, needed)) {
            return true;
        }
        ctx.mismatch(IcRules.IC_MESSAGE_BEYOND_PACKET, "payload length of " + message,
                "at least " + needed + " (" + what + ")", Long.toString(p.length()), 0, p.length());
        return false;
    }
}
