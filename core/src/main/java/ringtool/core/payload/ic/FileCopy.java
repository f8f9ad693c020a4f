package ringtool.core.payload.ic;

import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * The file-copy messages after the headers (docs/protocols/ic.md §4.6): {@code struct hv_fcopy_hdr}, then what
 * its operation adds.
 * <pre>
 * hv_fcopy_hdr                 hv_start_fcopy (START_FILE_COPY)      hv_do_fcopy (WRITE_TO_FILE, version 1)
 *  28  u32 operation            64  u16 file_name[260]                64  u32 pad
 *  32  guid service_id0        584  u16 path_name[260]                68  u64 offset
 *  48  guid service_id1       1104  u32 copy_flags                    76  u32 size
 *  64                         1108  u64 file_size                     80  u8  data[6144]
 *                             1116                                  6224
 * </pre>
 */
final class FileCopy {

    static final int OPERATION_OFFSET = IcHeader.SIZE;
    static final int SERVICE_ID0_OFFSET = OPERATION_OFFSET + Integer.BYTES;
    static final int GUID_SIZE = 16;
    static final int SERVICE_ID1_OFFSET = SERVICE_ID0_OFFSET + GUID_SIZE;
    static final int HDR_END = SERVICE_ID1_OFFSET + GUID_SIZE;

    /** {@code W_MAX_PATH} UTF-16 units. */
    static final int NAME_SIZE = 2 * 260;
    static final int FILE_NAME_OFFSET = HDR_END;
    static final int PATH_NAME_OFFSET = FILE_NAME_OFFSET + NAME_SIZE;
    static final int COPY_FLAGS_OFFSET = PATH_NAME_OFFSET + NAME_SIZE;
    static final int FILE_SIZE_OFFSET = COPY_FLAGS_OFFSET + Integer.BYTES;
    static final int START_END = FILE_SIZE_OFFSET + Long.BYTES;

    static final int PAD_OFFSET = HDR_END;
    static final int OFFSET_OFFSET = PAD_OFFSET + Integer.BYTES;
    static final int SIZE_OFFSET = OFFSET_OFFSET + Long.BYTES;
    static final int DATA_OFFSET = SIZE_OFFSET + Integer.BYTES;
    static final int DATA_FRAGMENT = 6 * 1024;

    static final int START_FILE_COPY = 0;
    static final int WRITE_TO_FILE = 1;
    static final List<String> OPERATIONS = List.of("START_FILE_COPY", "WRITE_TO_FILE", "COMPLETE_FCOPY",
            "CANCEL_FCOPY");

    static final int OVER_WRITE = 1;
    static final int CREATE_PATH = 2;

    private FileCopy() {
    }

    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        IcHeader.messageFits(ctx, message, HDR_END, "ICMSG_HDR + sizeof(struct hv_fcopy_hdr)");
        FieldReader hdr = new FieldReader(p);
        long op = hdr.u32("operation", OPERATION_OFFSET);
        for (int i = 0; i < 2; i++) {
            long at = SERVICE_ID0_OFFSET + (long) i * GUID_SIZE;
            if (p.has(at, GUID_SIZE)) {
                hdr.add("service_id" + i, new FieldValue.Text(IcText.guid(p, at)));
            }
        }
        StringBuilder info = new StringBuilder(h.info(message));
        String struct = "hv_fcopy_hdr";
        Fields body = hdr.build();
        if (p.has(0, HDR_END)) {
            if (op >= OPERATIONS.size()) {
                ctx.mismatch(IcRules.IC_FCOPY_OPERATION_UNKNOWN, "hv_fcopy_hdr.operation",
                        "0 to 3 (START_FILE_COPY to CANCEL_FCOPY)", Long.toString(op), OPERATION_OFFSET,
                        Integer.BYTES);
            }
            info.append(": ").append(Kvp.name(OPERATIONS, op, "operation"));
            if (op == START_FILE_COPY) {
                struct = "hv_start_fcopy";
                body = start(ctx, body, info);
            } else if (op == WRITE_TO_FILE) {
                struct = "hv_do_fcopy";
                body = write(ctx, body, info);
            }
        }
        return ctx.decoded(message, info.toString(), h.fields().object(struct, body).build());
    };

    private static Fields start(DecodeContext ctx, Fields hdr, StringBuilder info) {
        IcHeader.messageFits(ctx, "START_FILE_COPY", START_END, "ICMSG_HDR + sizeof(struct hv_start_fcopy)");
        FieldReader r = new FieldReader(ctx.payload()).add("hdr", hdr);
        String file = IcText.utf16(ctx, "hv_start_fcopy.file_name", FILE_NAME_OFFSET, NAME_SIZE, NAME_SIZE, true);
        String path = IcText.utf16(ctx, "hv_start_fcopy.path_name", PATH_NAME_OFFSET, NAME_SIZE, NAME_SIZE, true);
        if (file != null) {
            r.add("file_name", new FieldValue.Text(file));
        }
        if (path != null) {
            r.add("path_name", new FieldValue.Text(path));
            info.append(' ').append(IcText.quote(path)).append(' ').append(IcText.quote(file));
        }
        long flags = r.u32("copy_flags", COPY_FLAGS_OFFSET);
        long size = r.u64("file_size", FILE_SIZE_OFFSET);
        if (ctx.payload().has(COPY_FLAGS_OFFSET, START_END - COPY_FLAGS_OFFSET)) {
            info.append(", copy_flags ").append(copyFlags(flags)).append(", file_size ")
                    .append(Long.toUnsignedString(size));
        }
        return r.build();
    }

    private static Fields write(DecodeContext ctx, Fields hdr, StringBuilder info) {
        PayloadView p = ctx.payload();
        IcHeader.messageFits(ctx, "WRITE_TO_FILE", DATA_OFFSET, "ICMSG_HDR + offsetof(struct hv_do_fcopy, data)");
        FieldReader r = new FieldReader(p).add("hdr", hdr);
        r.u32("pad", PAD_OFFSET);
        long offset = r.u64("offset", OFFSET_OFFSET);
        long size = r.u32("size", SIZE_OFFSET);
        if (p.has(SIZE_OFFSET, Integer.BYTES)) {
            long room = p.remaining(DATA_OFFSET);
            if (size > DATA_FRAGMENT) {
                ctx.mismatch(IcRules.IC_FCOPY_SIZE_INVALID, "hv_do_fcopy.size",
                        "at most " + DATA_FRAGMENT + " (DATA_FRAGMENT)", Long.toString(size), SIZE_OFFSET,
                        Integer.BYTES);
            } else if (size > room) {
                ctx.mismatch(IcRules.IC_FCOPY_SIZE_INVALID, "hv_do_fcopy.size",
                        "at most " + room + " (the data in the payload)", Long.toString(size), SIZE_OFFSET,
                        Integer.BYTES);
            }
            info.append(" offset ").append(Long.toUnsignedString(offset)).append(" size ").append(size);
        }
        return r.build();
    }

    /** {@code OVER_WRITE|CREATE_PATH}, {@code 0}, and other bits in hex. */
    static String copyFlags(long flags) {
        StringBuilder s = new StringBuilder();
        if ((flags & OVER_WRITE) != 0) {
            s.append("OVER_WRITE");
        }
        if ((flags & CREATE_PATH) != 0) {
            s.append(s.length() == 0 ? "" : "|").append("CREATE_PATH");
        }
        long other = flags & ~(long) (OVER_WRITE | CREATE_PATH);
        if (other != 0) {
            s.append(s.length() == 0 ? "" : "|").append(String.format("0x%x", other));
        }
        return s.length() == 0 ? "0" : s.toString();
    }
}
