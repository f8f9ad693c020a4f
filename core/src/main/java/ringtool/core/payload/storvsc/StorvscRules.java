package ringtool.core.payload.storvsc;

import static ringtool.core.payload.PayloadRules.rule;

import java.util.List;
import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/**
 * The {@code storvsc.*} rules: the checks {@code hv_storvsc} makes of what the host sends
 * (docs/protocols/storvsc.md).
 */
public final class StorvscRules {

    private StorvscRules() {
    }

    public static final Rule STORVSC_PACKET_TOO_SHORT = rule("storvsc.packet.too_short", Severity.ERROR,
            "the payload is shorter than a vstor_packet (64 bytes, 48 for a pre-Windows 8 protocol; 4 for"
                    + " transaction id 0)",
            "storvsc_on_channel_callback: \"Invalid pkt: id=%llu, len=%u, minlen=%u\"; unhardened drivers copied"
                    + " sizeof(struct vstor_packet) from the ring, past the packet");
    public static final Rule STORVSC_UNSOLICITED_INVALID_OPERATION = rule("storvsc.unsolicited.invalid_operation",
            Severity.ERROR,
            "a packet with transaction id 0 whose operation is COMPLETE_IO or FCHBA_DATA",
            "storvsc_on_channel_callback: \"Invalid packet with ID of 0\"; unhardened drivers completed a request"
                    + " at address 0");
    public static final Rule STORVSC_SENSE_LENGTH_BEYOND_BUFFER = rule("storvsc.sense.length_beyond_buffer",
            Severity.ERROR,
            "a completion's sense_info_length is above 20, the size of its sense_data field",
            "storvsc_on_io_completion: min_t(u8, STORVSC_SENSE_BUFFER_SIZE, sense_info_length); unhardened drivers"
                    + " copied up to 255 bytes from the 20-byte field into the 96-byte sense buffer");
    public static final Rule STORVSC_DATA_TRANSFER_LENGTH_BEYOND_REQUEST = rule(
            "storvsc.data_transfer_length.beyond_request", Severity.ERROR,
            "a successful completion's data_transfer_length is larger than its request's",
            "storvsc_command_completion: \"Validate data_transfer_length (from Hyper-V)\", clamped to the request's;"
                    + " unhardened drivers computed a residual that underflows");
    public static final Rule STORVSC_CDB_LENGTH_OUT_OF_RANGE = rule("storvsc.cdb_length.out_of_range", Severity.ERROR,
            "cdb_length is above 16 (STORVSC_MAX_CMD_LEN), the size of the cdb field",
            null);
    public static final Rule STORVSC_OPERATION_UNKNOWN = rule("storvsc.operation.unknown", Severity.NOTE,
            "operation is not a VSTOR_OPERATION_* value (1 to 13)",
            "storvsc_on_receive ignores it");

    public static final List<Rule> ALL = List.of(STORVSC_PACKET_TOO_SHORT, STORVSC_UNSOLICITED_INVALID_OPERATION,
            STORVSC_SENSE_LENGTH_BEYOND_BUFFER, STORVSC_DATA_TRANSFER_LENGTH_BEYOND_REQUEST,
            STORVSC_CDB_LENGTH_OUT_OF_RANGE, STORVSC_OPERATION_UNKNOWN);
}
