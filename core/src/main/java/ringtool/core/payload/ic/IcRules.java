package ringtool.core.payload.ic;

import java.util.List;
import ringtool.core.payload.PayloadRules;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/**
 * The rules of the integration services ({@code hv_util.c}, {@code hv_kvp.c}, {@code hv_snapshot.c}, the file-copy
 * daemon). Most length checks arrived with Linux 5.11 ("hv_utils: Add validation for untrusted Hyper-V values",
 * 2020); the rest name what the driver or its daemon does unchecked. Conditions and sources: docs/protocols/ic.md §5-6.
 */
public final class IcRules {

    public static final Rule IC_HEADER_TOO_SHORT = PayloadRules.rule("ic.header.too_short", Severity.ERROR,
            "the payload is shorter than ICMSG_HDR (28 bytes: vmbuspipe_hdr and icmsg_hdr)",
            "recvlen < ICMSG_HDR: \"Packet length too small\", dropped (every IC callback since 5.11; before, the"
                    + " header was read from what the previous packet left in the receive buffer)");
    public static final Rule IC_SIZE_BEYOND_PACKET = PayloadRules.rule("ic.size.beyond_packet", Severity.ERROR,
            "ICMSG_HDR + icmsg_hdr.icmsgsize is more than the payload",
            "none: Linux never reads icmsgsize; a reader that sizes its copy by it reads up to 65535 bytes past the"
                    + " packet");
    public static final Rule IC_MESSAGE_BEYOND_PACKET = PayloadRules.rule("ic.message.beyond_packet",
            Severity.ERROR, "the message struct of this icmsgtype (or KVP or file-copy operation) does not fit in"
                    + " the payload",
            "recvlen < ICMSG_HDR + sizeof(struct ...) for heartbeat (seq_num), shutdown, time sync, VSS and the"
                    + " file-copy header since 5.11; none for KVP, whose fields are read past the packet");
    public static final Rule IC_NEGOTIATE_COUNT_BEYOND_PACKET = PayloadRules.rule(
            "ic.negotiate.count_beyond_packet", Severity.ERROR,
            "icframe_vercnt + icmsg_vercnt versions do not fit in the payload (ICMSG_NEGOTIATE_PKT_SIZE > length)",
            "vmbus_prep_negotiate_resp(): ICMSG_NEGOTIATE_PKT_SIZE(icframe_vercnt, icmsg_vercnt) > buflen answers"
                    + " \"no version\" (5.11); before, icversion_data was searched up to 131070 entries past the"
                    + " packet");
    public static final Rule IC_NEGOTIATE_COUNT_TOO_LARGE = PayloadRules.rule("ic.negotiate.count_too_large",
            Severity.ERROR, "icframe_vercnt or icmsg_vercnt is above 100 (IC_VERSION_NEGOTIATION_MAX_VER_COUNT)",
            "vmbus_prep_negotiate_resp(): a count above IC_VERSION_NEGOTIATION_MAX_VER_COUNT answers \"no version\"");
    public static final Rule IC_NEGOTIATE_COUNT_ZERO = PayloadRules.rule("ic.negotiate.count_zero",
            Severity.WARNING, "a negotiation request offers no framework version or no message version",
            "none in Linux, which finds no match and answers with both counts 0; FreeBSD's vmbus_ic_negomsg()"
                    + " refuses it (EINVAL)");
    public static final Rule IC_TYPE_UNKNOWN = PayloadRules.rule("ic.type.unknown", Severity.NOTE,
            "icmsgtype is no ICMSGTYPE_* (0-5, 7): only the headers are decoded",
            "\"Invalid msg type\": the hv_util services answer HV_E_FAIL, KVP, VSS and file copy drop the packet");
    public static final Rule IC_TYPE_UNEXPECTED = PayloadRules.rule("ic.type.unexpected", Severity.WARNING,
            "a service message of another type than the ring's earlier ones: a channel carries one service",
            "\"Invalid msg type\" (5.11): HV_E_FAIL or dropped; before, the message was read as the channel's own"
                    + " struct");
    public static final Rule IC_FLAGS_UNKNOWN = PayloadRules.rule("ic.flags.unknown", Severity.NOTE,
            "icflags has a bit other than ICMSGHDRFLAG_TRANSACTION, _REQUEST and _RESPONSE",
            "none: the reply overwrites icflags with TRANSACTION | RESPONSE");
    public static final Rule IC_SHUTDOWN_FLAGS_INVALID = PayloadRules.rule("ic.shutdown.flags.invalid",
            Severity.WARNING, "shutdown_msg_data.flags is above 5 (bits: forced 1, restart 2, hibernate 4, one"
                    + " action at a time)",
            "shutdown_onchannelcallback(): the switch on flags answers HV_E_FAIL, \"Invalid request\"");
    public static final Rule IC_KVP_OPERATION_UNKNOWN = PayloadRules.rule("ic.kvp.operation.unknown",
            Severity.WARNING, "hv_kvp_hdr.operation is no enum hv_kvp_exchg_op (0-5)",
            "none: kvp_send_key() has no case for it and hands the daemon the header alone");
    public static final Rule IC_KVP_POOL_UNKNOWN = PayloadRules.rule("ic.kvp.pool.unknown", Severity.WARNING,
            "hv_kvp_hdr.pool is no enum hv_kvp_exchg_pool (0-4)",
            "none: the kernel forwards it to hv_kvp_daemon, whose pool table has KVP_POOL_COUNT (5) entries");
    public static final Rule IC_KVP_KEY_SIZE_INVALID = PayloadRules.rule("ic.kvp.key_size.invalid",
            Severity.ERROR, "key_size is above 512 (HV_KVP_EXCHANGE_MAX_KEY_SIZE) or odd",
            "none in the kernel: kvp_send_key() gives key_size to utf16s_to_utf8s() as a count of UTF-16 units,"
                    + " which reads past key[] to a NUL; hv_kvp_daemon's kvp_get_value() refuses above 512");
    public static final Rule IC_KVP_VALUE_SIZE_INVALID = PayloadRules.rule("ic.kvp.value_size.invalid",
            Severity.ERROR, "value_size is above 2048 (HV_KVP_EXCHANGE_MAX_VALUE_SIZE), or odd for REG_SZ",
            "none in the kernel: utf16s_to_utf8s() reads value_size UTF-16 units, past value[] and the message to a"
                    + " NUL; hv_kvp_daemon refuses above 2048");
    public static final Rule IC_KVP_VALUE_TYPE_UNKNOWN = PayloadRules.rule("ic.kvp.value_type.unknown",
            Severity.WARNING, "a KVP_OP_SET whose value_type is not REG_SZ (1), REG_U32 (4) or REG_U64 (8)",
            "none: kvp_send_key() has no case for it and the key is set to an empty value");
    public static final Rule IC_STRING_UNTERMINATED = PayloadRules.rule("ic.string.unterminated",
            Severity.WARNING, "a UTF-16 string (KVP key or value, file-copy name, shutdown message) has no NUL"
                    + " within its declared size or its field",
            "none: the kernel's utf16s_to_utf8s() stops at its output size, but hv_fcopy_uio_daemon's wcstombs()"
                    + " takes the names for 4-byte wchar_t and reads past them to a 4-byte NUL");
    public static final Rule IC_VSS_OPERATION_UNKNOWN = PayloadRules.rule("ic.vss.operation.unknown",
            Severity.NOTE, "hv_vss_hdr.operation is no enum hv_vss_op (0-7)",
            "vss_handle_request(): the default case answers success without doing anything");
    public static final Rule IC_FCOPY_OPERATION_UNKNOWN = PayloadRules.rule("ic.fcopy.operation.unknown",
            Severity.WARNING, "hv_fcopy_hdr.operation is no enum hv_fcopy_op (0-3)",
            "hv_fcopy_send_data() answers HV_E_FAIL");
    public static final Rule IC_FCOPY_SIZE_INVALID = PayloadRules.rule("ic.fcopy.size.invalid", Severity.ERROR,
            "WRITE_TO_FILE whose size is above DATA_FRAGMENT (6144) or runs past the packet",
            "none: hv_fcopy_uio_daemon's hv_copy_data() calls pwrite(fd, data, size, offset), writing whatever"
                    + " follows the packet in its 16 KiB buffer into the guest's file");

    public static final List<Rule> ALL = List.of(IC_HEADER_TOO_SHORT, IC_SIZE_BEYOND_PACKET,
            IC_MESSAGE_BEYOND_PACKET, IC_NEGOTIATE_COUNT_BEYOND_PACKET, IC_NEGOTIATE_COUNT_TOO_LARGE,
            IC_NEGOTIATE_COUNT_ZERO, IC_TYPE_UNKNOWN, IC_TYPE_UNEXPECTED, IC_FLAGS_UNKNOWN, IC_SHUTDOWN_FLAGS_INVALID,
            IC_KVP_OPERATION_UNKNOWN, IC_KVP_POOL_UNKNOWN, IC_KVP_KEY_SIZE_INVALID, IC_KVP_VALUE_SIZE_INVALID,
            IC_KVP_VALUE_TYPE_UNKNOWN, IC_STRING_UNTERMINATED, IC_VSS_OPERATION_UNKNOWN, IC_FCOPY_OPERATION_UNKNOWN,
            IC_FCOPY_SIZE_INVALID);

    private IcRules() {
    }
}
