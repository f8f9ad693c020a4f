package ringtool.core.format;

import java.util.Locale;
import java.util.Map;

/**
 * Device classes by GUID, as include/linux/hyperv.h defines them (HV_*_GUID): what a channel's offer names, for
 * {@code ringtool sysfs} and for the payload dissectors' class GUIDs.
 */
public final class DeviceKinds {

    // The class GUIDs of include/linux/hyperv.h, named as there; the one table of them in ringtool.
    public static final String HV_NIC_GUID = "f8615163-df3e-46c5-913f-f2d2f965ed0e";
    public static final String HV_IDE_GUID = "32412632-86cb-44a2-9b5c-50d1417354f5";
    public static final String HV_SCSI_GUID = "ba6163d9-04a1-4d29-b605-72e2ffb1dc7f";
    public static final String HV_SHUTDOWN_GUID = "0e0b6031-5213-4934-818b-38d90ced39db";
    public static final String HV_TS_GUID = "9527e630-d0ae-497b-adce-e80ab0175caf";
    public static final String HV_HEART_BEAT_GUID = "57164f39-9115-4e78-ab55-382f3bd5422d";
    public static final String HV_KVP_GUID = "a9a0f4e7-5a45-4d96-b827-8a841e8c03e6";
    public static final String HV_DM_GUID = "525074dc-8985-46e2-8057-a307dc18a502";
    public static final String HV_MOUSE_GUID = "cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a";
    public static final String HV_KBD_GUID = "f912ad6d-2b17-48ea-bd65-f927a61c7684";
    public static final String HV_VSS_GUID = "35fa2e29-ea23-4236-96ae-3a6ebacba440";
    public static final String HV_SYNTHVID_GUID = "da0a7802-e377-4aac-8e77-0558eb1073f8";
    public static final String HV_SYNTHFC_GUID = "2f9bcc4a-0069-4af3-b76b-6fd0be528cda";
    public static final String HV_FCOPY_GUID = "34d14be3-dee4-41c8-9ae7-6b174977c192";
    public static final String HV_ND_GUID = "8c2eaf3d-32a7-4b09-ab99-bd1f1c86b501";
    public static final String HV_PCIE_GUID = "44c4f61d-4444-4400-9d52-802e27ede19f";
    public static final String HV_AVMA1_GUID = "f8e65716-3cb3-4a06-9a60-1889c5cccab5";
    public static final String HV_AVMA2_GUID = "3375baf4-9e15-4b30-b765-67acb10d607b";
    public static final String HV_RDV_GUID = "276aacf4-ac15-426c-98dd-7521ad3f01fe";
    public static final String HV_IMC_GUID = "c376c1c3-d276-48d2-90a9-c04748072c60";

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(HV_NIC_GUID, "network"),
            Map.entry(HV_IDE_GUID, "IDE"),
            Map.entry(HV_SCSI_GUID, "SCSI"),
            Map.entry(HV_SHUTDOWN_GUID, "shutdown"),
            Map.entry(HV_TS_GUID, "time sync"),
            Map.entry(HV_HEART_BEAT_GUID, "heartbeat"),
            Map.entry(HV_KVP_GUID, "KVP"),
            Map.entry(HV_DM_GUID, "balloon"),
            Map.entry(HV_MOUSE_GUID, "mouse"),
            Map.entry(HV_KBD_GUID, "keyboard"),
            Map.entry(HV_VSS_GUID, "VSS"),
            Map.entry(HV_SYNTHVID_GUID, "framebuffer"),
            Map.entry(HV_SYNTHFC_GUID, "fibre channel"),
            Map.entry(HV_FCOPY_GUID, "fcopy"),
            Map.entry(HV_ND_GUID, "network direct"),
            Map.entry(HV_PCIE_GUID, "PCI pass-through"),
            Map.entry(HV_AVMA1_GUID, "AVMA 1"),
            Map.entry(HV_AVMA2_GUID, "AVMA 2"),
            Map.entry(HV_RDV_GUID, "remote desktop"),
            Map.entry(HV_IMC_GUID, "IMC"));

    private DeviceKinds() {
    }

    /** The kind for a class GUID (braces and case as sysfs prints them, or bare), or the bare GUID when unknown. */
    public static String of(String classId) {
        String bare = bare(classId);
        return KINDS.getOrDefault(bare, bare);
    }

    /** {@code {525074DC-...}} to {@code 525074dc-...}. */
    public static String bare(String guid) {
        String g = guid.trim().toLowerCase(Locale.ROOT);
        if (g.startsWith("{") && g.endsWith("}")) {
            g = g.substring(1, g.length() - 1);
        }
        return g;
    }
}
