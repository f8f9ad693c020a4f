package ringtool.core.payload.storvsc;

import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The first three fields of {@code struct vstor_packet}; a 52-byte union follows (48 bytes in all before Windows 8,
 * whose {@code vmscsi_request} lacks its 16-byte extension).
 *
 * <pre>
 * 0           4       8        12                                64
 * | operation | flags | status | union: vm_srb, properties, ... |
 * </pre>
 */
record VstorHeader(long operation, long flags, long status) {

    static final int OPERATION = 0;
    static final int FLAGS = OPERATION + Integer.BYTES;
    static final int STATUS = FLAGS + Integer.BYTES;
    static final int SIZE = STATUS + Integer.BYTES;
    /** Where the union starts. */
    static final int UNION = SIZE;
    static final int UNION_SIZE = 0x34;
    /** {@code sizeof(struct vstor_packet)}. */
    static final int PACKET_SIZE = UNION + UNION_SIZE;
    /** {@code sizeof(struct vmscsi_win8_extension)}: what a pre-Windows 8 packet lacks ({@code vmscsi_size_delta}). */
    static final int WIN8_EXTENSION_SIZE = 16;

    /** {@code REQUEST_COMPLETION_FLAG}. */
    static final long REQUEST_COMPLETION = 1;

    /** The caller has checked {@code p.has(0, SIZE)}. */
    static VstorHeader parse(PayloadView p) {
        return new VstorHeader(p.u32(OPERATION), p.u32(FLAGS), p.u32(STATUS));
    }

    /** The header's fields, to which a message adds its union member. */
    Fields.Builder fields() {
        return Fields.builder().number("operation", operation).number("flags", flags).number("status", status);
    }
}
