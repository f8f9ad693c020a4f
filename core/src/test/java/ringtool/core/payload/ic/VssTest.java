package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;

class VssTest {

    @Test
    void aFreezeRequestNamesItsOperation() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 05 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 5 (VSS)
                00 00 0c 00 00 00 00 00  00 03 00 00 05 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 3; VSS_OP_FREEZE, reserved
                00 00 00 00 00 00 00 00                            |........| reserved; flags 0
                """);
        none(d);
        assertEquals("ICMSGTYPE_VSS", d.decoded().message());
        assertEquals("ICMSGTYPE_VSS request: VSS_OP_FREEZE", d.decoded().info());
        assertEquals("5", d.field("hv_vss_msg", "vss_hdr", "operation"));
        assertEquals("0", d.field("hv_vss_msg", "vss_cf", "flags"));
    }

    @Test
    void aHotBackupAnswerCarriesItsFeatureFlags() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 05 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 5 (VSS)
                00 00 0c 00 00 00 00 00  00 05 00 00 02 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 5; VSS_OP_HOT_BACKUP, reserved
                00 00 00 00 05 00 00 00                            |........| reserved; vss_cf.flags 5
                """);
        none(d);
        assertEquals("ICMSGTYPE_VSS response HV_S_OK: VSS_OP_HOT_BACKUP, flags 5", d.decoded().info());
        assertEquals("5", d.field("hv_vss_msg", "vss_cf", "flags"));
    }

    @Test
    void getDmInfoFlagsAreDmInfo() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 05 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 5 (VSS)
                00 00 0c 00 00 00 00 00  00 05 00 00 03 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 5; VSS_OP_GET_DM_INFO, reserved
                00 00 00 00 00 00 00 00                            |........| reserved; dm_info.flags 0
                """);
        none(d);
        assertEquals("0", d.field("hv_vss_msg", "dm_info", "flags"));
    }

    @Test
    void anOperationOutsideTheEnumIsANote() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 05 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 5 (VSS)
                00 00 0c 00 00 00 00 00  00 03 00 00 80 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 3; operation 128 (VSS_OP_REGISTER), reserved
                00 00 00 00 00 00 00 00                            |........| reserved; flags 0
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_VSS_OPERATION_UNKNOWN, f.rule());
        assertEquals("hv_vss_hdr.operation: expected 0 to 7 (VSS_OP_CREATE to VSS_OP_AUTO_RECOVER), got 128",
                f.message());
        assertEquals(28L, f.offset());
        assertEquals("ICMSGTYPE_VSS request: operation 128", d.decoded().info());
    }

    @Test
    void aVssMessageWithoutItsFlagsDoesNotFit() {
        Finding f = only(decode("""
                01 00 00 00 1c 00 00 00  03 00 00 00 05 00 03 00   |................| pipe 1/28; icverframe 3.0; icmsgtype 5 (VSS)
                00 00 08 00 00 00 00 00  00 03 00 00 05 00 00 00   |................| icvermsg 3.0; icmsgsize 8; status 0x0; icflags 3; VSS_OP_FREEZE, reserved
                00 00 00 00                                        |....| reserved; no flags
                """));
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_VSS: expected at least 40 (ICMSG_HDR + sizeof(struct hv_vss_msg)),"
                + " got 36", f.message());
    }
}
