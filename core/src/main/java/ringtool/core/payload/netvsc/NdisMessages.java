package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * What the guest tells the host about its NDIS side after the version is agreed: {@code SEND_NDIS_VER} (version 1)
 * and {@code SEND_NDIS_CONFIG} (version 2 on).
 *
 * <pre>
 * nvsp_1_message_send_ndis_version   +4 ndis_major_ver | +8 ndis_minor_ver |
 * nvsp_2_send_ndis_config            +4 mtu | +8 reserved | +12 capability u64 (bit fields) |
 * </pre>
 */
final class NdisMessages {

    static final int NDIS_MAJOR_VER = BODY_OFFSET;
    static final int NDIS_MINOR_VER = NDIS_MAJOR_VER + Integer.BYTES;
    static final int VERSION_SIZE = NDIS_MINOR_VER + Integer.BYTES - BODY_OFFSET;

    static final int MTU = BODY_OFFSET;
    static final int RESERVED = MTU + Integer.BYTES;
    static final int CAPABILITY = RESERVED + Integer.BYTES;
    static final int CONFIG_SIZE = CAPABILITY + Long.BYTES - BODY_OFFSET;

    /** {@code struct nvsp_2_vsc_capability}'s bit fields, from bit 0. */
    private static final List<String> CAPABILITIES = List.of("vmq", "chimney", "sriov", "ieee8021q",
            "correlation_id", "teaming", "vsubnetid", "rsc");

    private NdisMessages() {
    }

    static Decoded version(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long major = p.u32(NDIS_MAJOR_VER);
        long minor = p.u32(NDIS_MINOR_VER);
        Fields body = Fields.builder().number("ndis_major_ver", major).number("ndis_minor_ver", minor).build();
        return ctx.decoded(message, message + " NDIS " + major + "." + minor, Nvsp.message(h, "send_ndis_ver", body));
    }

    static Decoded config(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long mtu = p.u32(MTU);
        long data = p.u64(CAPABILITY);
        Fields.Builder capability = Fields.builder().number("data", data);
        StringBuilder set = new StringBuilder();
        for (int bit = 0; bit < CAPABILITIES.size(); bit++) {
            long on = (data >>> bit) & 1;
            capability.number(CAPABILITIES.get(bit), on);
            if (on == 1) {
                set.append(set.isEmpty() ? "" : "|").append(CAPABILITIES.get(bit));
            }
        }
        Fields body = Fields.builder()
                .number("mtu", mtu)
                .number("reserved", p.u32(RESERVED))
                .object("capability", capability.build())
                .build();
        return ctx.decoded(message, message + " mtu " + mtu + ", capability " + (set.isEmpty() ? "none" : set),
                Nvsp.message(h, "send_ndis_config", body));
    }
}
