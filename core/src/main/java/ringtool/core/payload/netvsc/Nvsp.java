package ringtool.core.payload.netvsc;

import ringtool.core.format.PacketType;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Fields;

/** What every NVSP message family shares: status and version names, the header field, the completion's request. */
final class Nvsp {

    static final long STAT_SUCCESS = 1;
    private static final String[] STATUS = {"NONE", "SUCCESS", "FAIL", "PROTOCOL_TOO_NEW", "PROTOCOL_TOO_OLD",
            "INVALID_RNDIS_PKT", "BUSY", "PROTOCOL_UNSUPPORTED"};

    /** {@code NETVSC_MTU_MIN} (ETH_MIN_MTU): the smallest section Linux accepts for either buffer. */
    static final long MTU_MIN = 68;
    /** {@code NETVSC_RECEIVE_BUFFER_SIZE}: the largest receive buffer Linux allocates (31 MiB). */
    static final long RECEIVE_BUFFER_MAX = 31L * 1024 * 1024;

    private Nvsp() {
    }

    /** {@code NVSP_STAT_*} without the prefix, or the number in hex. */
    static String status(long status) {
        return status < STATUS.length ? STATUS[(int) status] : "0x" + Long.toHexString(status);
    }

    /** {@code NVSP_PROTOCOL_VERSION_*} as the driver's names number them: 0x2 is 1, 0x60001 is 6.1. */
    static String version(long v) {
        if (v == 0x2) {
            return "1 (0x2)";
        }
        if (v == 0x30002) {
            return "2 (0x30002)";
        }
        long major = v >>> 16;
        long minor = v & 0xFFFF;
        return (minor == 0 ? Long.toString(major) : major + "." + minor) + " (0x" + Long.toHexString(v) + ")";
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** {@code hdr} and then the union member {@code member} (named as in {@code union nvsp_all_messages}). */
    static Fields message(NvspHeader header, String member, Fields body) {
        return Fields.builder().object("hdr", header(header)).object(member, body).build();
    }

    static Fields header(NvspHeader header) {
        return Fields.builder().number("msg_type", header.msgType()).build();
    }

    /**
     * The request this completion answers (same transaction id, earlier in the ring), or null when the packet is
     * not a completion or its request is not in view. Left in the table: the dissector removes it.
     */
    static NvspRequest request(DecodeContext ctx) {
        return ctx.packetType() == PacketType.COMP
                ? ctx.state().peek(ctx.transactionId(), NvspRequest.class) : null;
    }
}
