package ringtool.core.payload.storvsc;

import java.util.Map;

/** The names of a completion's statuses: the SRB status (Windows' {@code srb.h}) and the SCSI status (SAM). */
final class ScsiStatus {

    static final int SRB_SUCCESS = 0x01;
    static final int SRB_DATA_OVERRUN = 0x12;
    /** {@code SRB_STATUS_AUTOSENSE_VALID}: sense data follows. */
    static final int SRB_AUTOSENSE_VALID = 0x80;
    static final int SRB_QUEUE_FROZEN = 0x40;
    /** {@code SRB_STATUS()}: the code without the two flag bits. */
    static final int SRB_CODE_MASK = 0x3f;

    static final int CHECK_CONDITION = 0x02;

    private static final Map<Integer, String> SRB = Map.ofEntries(
            Map.entry(0x00, "PENDING"), Map.entry(0x01, "SUCCESS"), Map.entry(0x02, "ABORTED"),
            Map.entry(0x03, "ABORT_FAILED"), Map.entry(0x04, "ERROR"), Map.entry(0x05, "BUSY"),
            Map.entry(0x06, "INVALID_REQUEST"), Map.entry(0x07, "INVALID_PATH_ID"), Map.entry(0x08, "NO_DEVICE"),
            Map.entry(0x09, "TIMEOUT"), Map.entry(0x0a, "SELECTION_TIMEOUT"), Map.entry(0x0b, "COMMAND_TIMEOUT"),
            Map.entry(0x0d, "MESSAGE_REJECTED"), Map.entry(0x0e, "BUS_RESET"), Map.entry(0x0f, "PARITY_ERROR"),
            Map.entry(0x10, "REQUEST_SENSE_FAILED"), Map.entry(0x11, "NO_HBA"), Map.entry(0x12, "DATA_OVERRUN"),
            Map.entry(0x13, "UNEXPECTED_BUS_FREE"), Map.entry(0x14, "PHASE_SEQUENCE_FAILURE"),
            Map.entry(0x15, "BAD_SRB_BLOCK_LENGTH"), Map.entry(0x16, "REQUEST_FLUSHED"),
            Map.entry(0x20, "INVALID_LUN"), Map.entry(0x21, "INVALID_TARGET_ID"), Map.entry(0x22, "BAD_FUNCTION"),
            Map.entry(0x23, "ERROR_RECOVERY"), Map.entry(0x24, "NOT_POWERED"), Map.entry(0x25, "LINK_DOWN"),
            Map.entry(0x30, "INTERNAL_ERROR"));

    private static final Map<Integer, String> SCSI = Map.of(0x00, "GOOD", 0x02, "CHECK CONDITION",
            0x04, "CONDITION MET", 0x08, "BUSY", 0x18, "RESERVATION CONFLICT", 0x28, "TASK SET FULL",
            0x30, "ACA ACTIVE", 0x40, "TASK ABORTED");

    private ScsiStatus() {
    }

    /** {@code SRB_STATUS_ERROR|AUTOSENSE_VALID}: the code's name and the flags set beside it. */
    static String srb(int status) {
        int code = status & SRB_CODE_MASK;
        String name = SRB.get(code);
        StringBuilder s = new StringBuilder(name == null ? String.format("SRB_STATUS_0x%02x", code)
                : "SRB_STATUS_" + name);
        if ((status & SRB_AUTOSENSE_VALID) != 0) {
            s.append("|AUTOSENSE_VALID");
        }
        if ((status & SRB_QUEUE_FROZEN) != 0) {
            s.append("|QUEUE_FROZEN");
        }
        return s.toString();
    }

    static String scsi(int status) {
        String name = SCSI.get(status);
        return name == null ? String.format("SCSI status 0x%02x", status) : name;
    }
}
