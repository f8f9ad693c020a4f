package ringtool.core.payload.storvsc;

import static ringtool.core.payload.storvsc.VstorHeader.UNION;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * SCSI requests: {@code EXECUTE_SRB} carries a {@code vmscsi_request} with the CDB, its {@code COMPLETE_IO} the same
 * struct with the statuses, the transferred length and the sense data in place of the CDB.
 */
final class SrbMessages {

    private static final String[] DIRECTIONS = {" out", " in", ""};

    private SrbMessages() {
    }

    static Decoded execute(DecodeContext ctx, VstorHeader h, String message) {
        PayloadView p = ctx.payload();
        String op = Operations.shortName(h.operation());
        if (!p.has(UNION, VmscsiRequest.BASE_SIZE)) {
            return ctx.decoded(message, op + " (no vm_srb: " + p.length() + " bytes)", h.fields().build());
        }
        VmscsiRequest srb = VmscsiRequest.parse(p, UNION);
        int n = srb.cdbLength();
        if (n > VmscsiRequest.MAX_CDB_LENGTH) {
            ctx.mismatch(StorvscRules.STORVSC_CDB_LENGTH_OUT_OF_RANGE, "cdb_length",
                    "<= " + VmscsiRequest.MAX_CDB_LENGTH, Integer.toString(n), UNION + VmscsiRequest.CDB_LENGTH, 1);
            n = VmscsiRequest.MAX_CDB_LENGTH;
        }
        Cdb cdb = n > 0 ? Cdb.parse(p, UNION + VmscsiRequest.CDB, n) : null;
        String command = cdb == null ? "no CDB" : cdb.text();
        StringBuilder info = new StringBuilder(op).append(' ').append(command).append(", lun ").append(srb.address());
        if (srb.dataTransferLength() > 0) {
            info.append(", ").append(srb.dataTransferLength()).append(" bytes")
                    .append(srb.dataIn() < DIRECTIONS.length ? DIRECTIONS[srb.dataIn()] : "");
        }
        ctx.state().request(ctx.transactionId(),
                new VstorRequest(h.operation(), command, srb.dataTransferLength(), -1));
        Fields vmSrb = srb.fields("cdb", VmscsiRequest.bytes(p, UNION + VmscsiRequest.CDB, n), "command",
                cdb == null ? null : cdb.fields());
        return ctx.decoded(message, info.toString(), h.fields().object("vm_srb", vmSrb).build());
    }

    /** The {@code COMPLETE_IO} of an SRB; {@code request} is null when it is not in view. */
    static Decoded complete(DecodeContext ctx, VstorHeader h, String message, VstorRequest request) {
        PayloadView p = ctx.payload();
        String answers = request == null ? "SRB" : request.summary();
        if (!p.has(UNION, VmscsiRequest.BASE_SIZE)) {
            return ctx.decoded(message, "COMPLETE_IO " + answers + " (no vm_srb: " + p.length() + " bytes)",
                    h.fields().build());
        }
        VmscsiRequest srb = VmscsiRequest.parse(p, UNION);
        int n = srb.senseInfoLength();
        if (n > VmscsiRequest.SENSE_BUFFER_SIZE) {
            ctx.mismatch(StorvscRules.STORVSC_SENSE_LENGTH_BEYOND_BUFFER, "sense_info_length",
                    "<= " + VmscsiRequest.SENSE_BUFFER_SIZE + " (STORVSC_SENSE_BUFFER_SIZE)", Integer.toString(n),
                    UNION + VmscsiRequest.SENSE_INFO_LENGTH, 1);
            n = VmscsiRequest.SENSE_BUFFER_SIZE;
        }
        checkTransferred(ctx, srb, request);
        StringBuilder info = new StringBuilder("COMPLETE_IO ").append(answers).append(" -> ")
                .append(ScsiStatus.srb(srb.srbStatus())).append(", ").append(ScsiStatus.scsi(srb.scsiStatus()));
        SenseData sense = null;
        if (srb.scsiStatus() == ScsiStatus.CHECK_CONDITION
                && (srb.srbStatus() & ScsiStatus.SRB_AUTOSENSE_VALID) != 0) {
            sense = SenseData.parse(p, UNION + VmscsiRequest.SENSE_DATA, n);
            info.append(", ").append(sense.describe());
        }
        if (srb.dataTransferLength() > 0) {
            info.append(", ").append(srb.dataTransferLength()).append(" bytes");
        }
        Fields vmSrb = srb.fields("sense_data", VmscsiRequest.bytes(p, UNION + VmscsiRequest.SENSE_DATA, n), "sense",
                sense == null ? null : sense.fields());
        return ctx.decoded(message, info.toString(), h.fields().object("vm_srb", vmSrb).build());
    }

    /**
     * {@code storvsc_command_completion} clamps the transferred length to the request's; it keeps the host's value
     * only on success and on a data overrun (it zeroes it on other errors), so only those are judged.
     */
    private static void checkTransferred(DecodeContext ctx, VmscsiRequest srb, VstorRequest request) {
        int code = srb.srbStatus() & ScsiStatus.SRB_CODE_MASK;
        boolean kept = code == ScsiStatus.SRB_SUCCESS || code == ScsiStatus.SRB_DATA_OVERRUN;
        if (request != null && kept && srb.dataTransferLength() > request.dataTransferLength()) {
            ctx.mismatch(StorvscRules.STORVSC_DATA_TRANSFER_LENGTH_BEYOND_REQUEST, "data_transfer_length",
                    "<= " + request.dataTransferLength() + " (the request's)",
                    Long.toString(srb.dataTransferLength()), UNION + VmscsiRequest.DATA_TRANSFER_LENGTH,
                    Integer.BYTES);
        }
    }
}
