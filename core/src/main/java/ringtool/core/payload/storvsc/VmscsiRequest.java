package ringtool.core.payload.storvsc;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct vmscsi_request} ({@code vm_srb}), offsets from its start (payload offset 12).
 *
 * <pre>
 * +0 length u16 | +2 srb_status | +3 scsi_status | +4 port_number | +5 path_id | +6 target_id | +7 lun |
 * +8 cdb_length | +9 sense_info_length | +10 data_in | +11 reserved | +12 data_transfer_length u32 |
 * +16 cdb[16] (request) / sense_data[20] (completion)
 * +36 vmscsi_win8_extension: reserve u16 | +38 queue_tag | +39 queue_action | +40 srb_flags u32 |
 *     +44 time_out_value u32 | +48 queue_sort_ey u32 |
 * +52
 * </pre>
 *
 * @param extension the Windows 8 extension, or null when the packet ends before it (pre-Windows 8 layout)
 */
record VmscsiRequest(int length, int srbStatus, int scsiStatus, int portNumber, int pathId, int targetId, int lun,
                     int cdbLength, int senseInfoLength, int dataIn, int reserved, long dataTransferLength,
                     Win8Extension extension) {

    static final int LENGTH = 0;
    static final int SRB_STATUS = LENGTH + Short.BYTES;
    static final int SCSI_STATUS = SRB_STATUS + 1;
    static final int PORT_NUMBER = SCSI_STATUS + 1;
    static final int PATH_ID = PORT_NUMBER + 1;
    static final int TARGET_ID = PATH_ID + 1;
    static final int LUN = TARGET_ID + 1;
    static final int CDB_LENGTH = LUN + 1;
    static final int SENSE_INFO_LENGTH = CDB_LENGTH + 1;
    static final int DATA_IN = SENSE_INFO_LENGTH + 1;
    static final int RESERVED = DATA_IN + 1;
    static final int DATA_TRANSFER_LENGTH = RESERVED + 1;
    /** The union of {@code cdb}, {@code sense_data} and {@code reserved_array}. */
    static final int CDB = DATA_TRANSFER_LENGTH + Integer.BYTES;
    static final int SENSE_DATA = CDB;
    /** {@code STORVSC_MAX_CMD_LEN}. */
    static final int MAX_CDB_LENGTH = 16;
    /** {@code STORVSC_SENSE_BUFFER_SIZE}: the union's size. */
    static final int SENSE_BUFFER_SIZE = 0x14;
    static final int WIN8_EXTENSION = SENSE_DATA + SENSE_BUFFER_SIZE;
    /** The struct before Windows 8 (36 bytes). */
    static final int BASE_SIZE = WIN8_EXTENSION;
    static final int SIZE = WIN8_EXTENSION + Win8Extension.SIZE;

    static final String[] DATA_IN_NAMES = {"WRITE_TYPE", "READ_TYPE", "UNKNOWN_TYPE"};

    /**
     * {@code struct vmscsi_win8_extension}.
     */
    record Win8Extension(int reserve, int queueTag, int queueAction, long srbFlags, long timeOutValue,
                         long queueSortEy) {

        static final int RESERVE = 0;
        static final int QUEUE_TAG = RESERVE + Short.BYTES;
        static final int QUEUE_ACTION = QUEUE_TAG + 1;
        static final int SRB_FLAGS = QUEUE_ACTION + 1;
        static final int TIME_OUT_VALUE = SRB_FLAGS + Integer.BYTES;
        static final int QUEUE_SORT_EY = TIME_OUT_VALUE + Integer.BYTES;
        static final int SIZE = QUEUE_SORT_EY + Integer.BYTES;

        static Win8Extension parse(PayloadView p, long at) {
            return new Win8Extension(p.u16(at + RESERVE), p.u8(at + QUEUE_TAG), p.u8(at + QUEUE_ACTION),
                    p.u32(at + SRB_FLAGS), p.u32(at + TIME_OUT_VALUE), p.u32(at + QUEUE_SORT_EY));
        }

        Fields fields() {
            return Fields.builder()
                    .number("reserve", reserve)
                    .number("queue_tag", queueTag)
                    .number("queue_action", queueAction)
                    .number("srb_flags", srbFlags)
                    .number("time_out_value", timeOutValue)
                    .number("queue_sort_ey", queueSortEy)
                    .build();
        }
    }

    /** The caller has checked {@code p.has(at, BASE_SIZE)}; the extension is read when its bytes are there too. */
    static VmscsiRequest parse(PayloadView p, long at) {
        Win8Extension ext = p.has(at + WIN8_EXTENSION, Win8Extension.SIZE)
                ? Win8Extension.parse(p, at + WIN8_EXTENSION) : null;
        return new VmscsiRequest(p.u16(at + LENGTH), p.u8(at + SRB_STATUS), p.u8(at + SCSI_STATUS),
                p.u8(at + PORT_NUMBER), p.u8(at + PATH_ID), p.u8(at + TARGET_ID), p.u8(at + LUN),
                p.u8(at + CDB_LENGTH), p.u8(at + SENSE_INFO_LENGTH), p.u8(at + DATA_IN), p.u8(at + RESERVED),
                p.u32(at + DATA_TRANSFER_LENGTH), ext);
    }

    /** {@code port:path:target:lun}, as Linux's SCSI addresses read. */
    String address() {
        return portNumber + ":" + pathId + ":" + targetId + ":" + lun;
    }

    /**
     * The struct's fields with {@code unionName} ({@code cdb} or {@code sense_data}) holding {@code unionBytes}, and
     * {@code decoded} (the CDB's command or the sense key) beside it.
     */
    Fields fields(String unionName, List<FieldValue> unionBytes, String decodedName, Fields decoded) {
        Fields.Builder f = Fields.builder()
                .number("length", length)
                .number("srb_status", srbStatus)
                .text("srb_status_name", ScsiStatus.srb(srbStatus))
                .number("scsi_status", scsiStatus)
                .text("scsi_status_name", ScsiStatus.scsi(scsiStatus))
                .number("port_number", portNumber)
                .number("path_id", pathId)
                .number("target_id", targetId)
                .number("lun", lun)
                .number("cdb_length", cdbLength)
                .number("sense_info_length", senseInfoLength)
                .number("data_in", dataIn)
                .number("reserved", reserved)
                .number("data_transfer_length", dataTransferLength)
                .list(unionName, unionBytes);
        if (decoded != null) {
            f.object(decodedName, decoded);
        }
        if (extension != null) {
            f.object("win8_extension", extension.fields());
        }
        return f.build();
    }

    /** The {@code n} bytes at {@code at} as a C array. */
    static List<FieldValue> bytes(PayloadView p, long at, int n) {
        List<FieldValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new FieldValue.Number(p.u8(at + i)));
        }
        return out;
    }
}
