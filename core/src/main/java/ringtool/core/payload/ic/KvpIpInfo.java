package ringtool.core.payload.ic;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;

/**
 * {@code struct hv_kvp_ipaddr_value}, the body of GET_IP_INFO and SET_IP_INFO; every string is UTF-16LE in a
 * fixed field, several addresses separated by {@code ;}:
 * <pre>
 *   32  u16 adapter_id[128]
 *  288  u8  addr_family        ADDR_FAMILY_NONE 0, _IPV4 1, _IPV6 2
 *  289  u8  dhcp_enabled
 *  290  u16 ip_addr[1024]
 * 2338  u16 sub_net[1024]
 * 4386  u16 gate_way[512]
 * 5410  u16 dns_addr[1024]
 * 7458
 * </pre>
 */
final class KvpIpInfo {

    static final int ADAPTER_ID_OFFSET = Kvp.BODY_OFFSET;
    static final int ADAPTER_ID_SIZE = 2 * 128;
    static final int ADDR_FAMILY_OFFSET = ADAPTER_ID_OFFSET + ADAPTER_ID_SIZE;
    static final int DHCP_ENABLED_OFFSET = ADDR_FAMILY_OFFSET + Byte.BYTES;
    static final int IP_ADDR_OFFSET = DHCP_ENABLED_OFFSET + Byte.BYTES;
    static final int IP_ADDR_SIZE = 2 * 1024;
    static final int SUB_NET_OFFSET = IP_ADDR_OFFSET + IP_ADDR_SIZE;
    static final int GATE_WAY_OFFSET = SUB_NET_OFFSET + IP_ADDR_SIZE;
    static final int GATE_WAY_SIZE = 2 * 512;
    static final int DNS_ADDR_OFFSET = GATE_WAY_OFFSET + GATE_WAY_SIZE;
    static final int END = DNS_ADDR_OFFSET + IP_ADDR_SIZE;

    private KvpIpInfo() {
    }

    static Fields decode(DecodeContext ctx, StringBuilder info) {
        FieldReader r = new FieldReader(ctx.payload());
        String adapter = text(ctx, r, "adapter_id", ADAPTER_ID_OFFSET, ADAPTER_ID_SIZE);
        r.u8("addr_family", ADDR_FAMILY_OFFSET);
        r.u8("dhcp_enabled", DHCP_ENABLED_OFFSET);
        String ip = text(ctx, r, "ip_addr", IP_ADDR_OFFSET, IP_ADDR_SIZE);
        text(ctx, r, "sub_net", SUB_NET_OFFSET, IP_ADDR_SIZE);
        text(ctx, r, "gate_way", GATE_WAY_OFFSET, GATE_WAY_SIZE);
        text(ctx, r, "dns_addr", DNS_ADDR_OFFSET, IP_ADDR_SIZE);
        if (adapter != null) {
            info.append(" adapter ").append(IcText.quote(adapter));
        }
        if (ip != null && !ip.isEmpty()) {
            info.append(" ip_addr ").append(IcText.quote(ip));
        }
        return r.build();
    }

    private static String text(DecodeContext ctx, FieldReader r, String name, long at, long size) {
        String s = IcText.utf16(ctx, "kvp_ip_val." + name, at, size, size, true);
        if (s != null) {
            r.add(name, new FieldValue.Text(s));
        }
        return s;
    }
}
