package ringtool.core.sysfs;

import java.util.Locale;
import java.util.Map;

/** Device kinds by class GUID, as include/linux/hyperv.h defines them (HV_*_GUID). */
public final class DeviceKinds {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("f8615163-df3e-46c5-913f-f2d2f965ed0e", "network"),          // HV_NIC_GUID
            Map.entry("32412632-86cb-44a2-9b5c-50d1417354f5", "IDE"),              // HV_IDE_GUID
            Map.entry("ba6163d9-04a1-4d29-b605-72e2ffb1dc7f", "SCSI"),             // HV_SCSI_GUID
            Map.entry("0e0b6031-5213-4934-818b-38d90ced39db", "shutdown"),         // HV_SHUTDOWN_GUID
            Map.entry("9527e630-d0ae-497b-adce-e80ab0175caf", "time sync"),        // HV_TS_GUID
            Map.entry("57164f39-9115-4e78-ab55-382f3bd5422d", "heartbeat"),        // HV_HEART_BEAT_GUID
            Map.entry("a9a0f4e7-5a45-4d96-b827-8a841e8c03e6", "KVP"),              // HV_KVP_GUID
            Map.entry("525074dc-8985-46e2-8057-a307dc18a502", "balloon"),          // HV_DM_GUID
            Map.entry("cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a", "mouse"),            // HV_MOUSE_GUID
            Map.entry("f912ad6d-2b17-48ea-bd65-f927a61c7684", "keyboard"),         // HV_KBD_GUID
            Map.entry("35fa2e29-ea23-4236-96ae-3a6ebacba440", "VSS"),              // HV_VSS_GUID
            Map.entry("da0a7802-e377-4aac-8e77-0558eb1073f8", "framebuffer"),      // HV_SYNTHVID_GUID
            Map.entry("2f9bcc4a-0069-4af3-b76b-6fd0be528cda", "fibre channel"),    // HV_SYNTHFC_GUID
            Map.entry("34d14be3-dee4-41c8-9ae7-6b174977c192", "fcopy"),            // HV_FCOPY_GUID
            Map.entry("8c2eaf3d-32a7-4b09-ab99-bd1f1c86b501", "network direct"),   // HV_ND_GUID
            Map.entry("44c4f61d-4444-4400-9d52-802e27ede19f", "PCI pass-through"), // HV_PCIE_GUID
            Map.entry("f8e65716-3cb3-4a06-9a60-1889c5cccab5", "AVMA 1"),           // HV_AVMA1_GUID
            Map.entry("3375baf4-9e15-4b30-b765-67acb10d607b", "AVMA 2"),           // HV_AVMA2_GUID
            Map.entry("276aacf4-ac15-426c-98dd-7521ad3f01fe", "remote desktop"),   // HV_RDV_GUID
            Map.entry("c376c1c3-d276-48d2-90a9-c04748072c60", "IMC"));             // HV_IMC_GUID

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
