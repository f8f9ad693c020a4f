package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * SR-IOV (version 4): the host names the virtual function to team with ({@code SEND_VF_ASSOCIATION}), the guest
 * moves its data path to it and back ({@code SWITCH_DATA_PATH}).
 *
 * <pre>
 * nvsp_4_send_vf_association   +4 allocated | +8 serial |
 * nvsp_4_sw_datapath           +4 active_datapath |
 * </pre>
 */
final class VfMessages {

    static final int ALLOCATED = BODY_OFFSET;
    static final int SERIAL = ALLOCATED + Integer.BYTES;
    static final int ASSOCIATION_SIZE = SERIAL + Integer.BYTES - BODY_OFFSET;

    static final int ACTIVE_DATAPATH = BODY_OFFSET;
    static final int DATAPATH_SIZE = Integer.BYTES;

    private static final String[] DATAPATHS = {"NVSP_DATAPATH_SYNTHETIC", "NVSP_DATAPATH_VF"};

    private VfMessages() {
    }

    static Decoded association(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long allocated = p.u32(ALLOCATED);
        long serial = p.u32(SERIAL);
        Fields body = Fields.builder().number("allocated", allocated).number("serial", serial).build();
        return ctx.decoded(message, message + " VF slot " + serial + (allocated != 0 ? " added" : " removed"),
                Nvsp.message(h, "vf_assoc", body));
    }

    static Decoded switchDatapath(DecodeContext ctx, NvspHeader h, String message) {
        long path = ctx.payload().u32(ACTIVE_DATAPATH);
        String name = path < DATAPATHS.length ? DATAPATHS[(int) path] : Long.toString(path);
        return ctx.decoded(message, message + " to " + name,
                Nvsp.message(h, "active_dp", Fields.builder().number("active_datapath", path).build()));
    }
}
