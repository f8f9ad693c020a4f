package ringtool.core.payload.storvsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ringtool.core.payload.PayloadFixture.field;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.PayloadFixture;
import ringtool.core.payload.PayloadView;
import ringtool.core.testing.Hex;

/** The storvsc decoders, request and completion, and each storvsc rule on the smallest payload that breaks it. */
class StorvscDissectorTest {

    private final PayloadFixture ring = new PayloadFixture(new StorvscDissector());

    private static final long INIT_ID = 0xFFFF_FFFF_FFFF_FFFDL;
    private static final String ZEROS = """
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
            """;

    /** EXECUTE_SRB READ(10) of LBA 2048, 8 blocks, 4096 bytes in, to 2:0:0:0, with the Windows 8 extension. */
    private static final String READ_10 = """
            03 00 00 00 01 00 00 00  00 00 00 00 34 00 00 00   |............4...|  EXECUTE_SRB, flags 1; length 52
            02 00 00 00 0a 14 01 00  00 10 00 00 28 00 00 00   |............(...|  port 2, cdb 10, sense 20, in, 4096
            08 00 00 00 08 00 00 00  00 00 00 00 00 00 00 00   |................|  lba 0x800, len 8
            00 00 ff 20 48 00 00 00  3c 00 00 00 00 00 00 00   |... H...<.......|  tag 0xff, simple, flags 0x48, 60 s
            """;
    private static final String READ_10_OK = """
            01 00 00 00 00 00 00 00  00 00 00 00 34 00 01 00   |............4...|  COMPLETE_IO; SUCCESS, GOOD
            02 00 00 00 0a 00 01 00  00 10 00 00 00 00 00 00   |................|  4096 bytes
            """ + ZEROS + ZEROS;
    /** SRB_STATUS_ERROR|AUTOSENSE_VALID, CHECK CONDITION, 18 bytes of fixed sense: MEDIUM ERROR 11/00. */
    private static final String READ_10_FAILED = """
            01 00 00 00 00 00 00 00  00 00 00 00 34 00 84 02   |............4...|  srb 0x84, scsi 0x02
            02 00 00 00 0a 12 01 00  00 00 00 00 70 00 03 00   |............p...|  sense 18: 0x70, key 3
            00 00 00 0a 00 00 00 00  11 00 00 00 00 00 00 00   |................|  asc 0x11, ascq 0
            """ + ZEROS;

    @Test
    void aReadRequestNamesItsCommandLbaAndLength() {
        Decoded d = ring.inband(5, READ_10);
        assertEquals("storvsc", d.protocol());
        assertEquals("VSTOR_OPERATION_EXECUTE_SRB", d.message());
        assertEquals("EXECUTE_SRB READ(10) lba 2048 len 8, lun 2:0:0:0, 4096 bytes in", d.info());
        assertEquals("READ(10)", field(d, "vm_srb.command.command"));
        assertEquals("2048", field(d, "vm_srb.command.lba"));
        assertEquals("[40, 0, 0, 0, 8, 0, 0, 0, 8, 0]", field(d, "vm_srb.cdb"));
        assertEquals("72", field(d, "vm_srb.win8_extension.srb_flags"));
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void theCompletionNamesTheRequestsCommand() {
        ring.inband(5, READ_10);
        Decoded d = ring.completion(5, READ_10_OK);
        assertEquals("VSTOR_OPERATION_COMPLETE_IO", d.message());
        assertEquals("COMPLETE_IO READ(10) lba 2048 len 8 -> SRB_STATUS_SUCCESS, GOOD, 4096 bytes", d.info());
        assertEquals("SRB_STATUS_SUCCESS", field(d, "vm_srb.srb_status_name"));
        Decoded alone = new PayloadFixture(new StorvscDissector()).completion(5, READ_10_OK);
        assertEquals("COMPLETE_IO SRB -> SRB_STATUS_SUCCESS, GOOD, 4096 bytes", alone.info());
    }

    @Test
    void aFailedRequestShowsItsSenseKeyAndCodes() {
        ring.inband(6, READ_10);
        Decoded d = ring.completion(6, READ_10_FAILED);
        assertEquals("COMPLETE_IO READ(10) lba 2048 len 8 -> SRB_STATUS_ERROR|AUTOSENSE_VALID, CHECK CONDITION,"
                + " MEDIUM ERROR 11/00 UNRECOVERED READ ERROR", d.info());
        assertEquals("3", field(d, "vm_srb.sense.sense_key"));
        assertEquals("MEDIUM ERROR", field(d, "vm_srb.sense.sense_key_name"));
        assertEquals("17", field(d, "vm_srb.sense.asc"));
        assertEquals("[112, 0, 3, 0, 0, 0, 0, 10, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0]", field(d, "vm_srb.sense_data"));
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void inquiryAndReportLunsDecodeTheirLengths() {
        Decoded d = ring.inband(7, """
                03 00 00 00 01 00 00 00  00 00 00 00 34 00 00 00   |............4...|
                02 00 00 00 06 14 01 00  24 00 00 00 12 00 00 00   |........$.......|  cdb 6, 36 bytes in
                24 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |$...............|  INQUIRY alloc 36
                """ + ZEROS);
        assertEquals("EXECUTE_SRB INQUIRY alloc 36, lun 2:0:0:0, 36 bytes in", d.info());
        Decoded luns = ring.inband(8, """
                03 00 00 00 01 00 00 00  00 00 00 00 34 00 00 00   |............4...|
                02 00 00 00 0c 14 01 00  00 40 00 00 a0 00 00 00   |.........@......|  cdb 12, 16384 in
                00 00 00 00 40 00 00 00  00 00 00 00 00 00 00 00   |....@...........|  REPORT LUNS alloc 16384
                """ + ZEROS);
        assertEquals("EXECUTE_SRB REPORT LUNS alloc 16384, lun 2:0:0:0, 16384 bytes in", luns.info());
    }

    @Test
    void theSetUpSequenceDecodesVersionAndProperties() {
        assertEquals("BEGIN_INITIALIZATION, completion requested",
                ring.inband(INIT_ID, "07 00 00 00 01 00 00 00  00 00 00 00 00 00 00 00   |................|\n"
                        + ZEROS + ZEROS + ZEROS).info());
        assertEquals("COMPLETE_IO BEGIN_INITIALIZATION -> status 0x0",
                ring.completion(INIT_ID, "01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
                        + ZEROS + ZEROS + ZEROS).info());
        Decoded version = ring.inband(INIT_ID, """
                09 00 00 00 01 00 00 00  00 00 00 00 02 06 00 00   |................|  6.2, revision 0
                """ + ZEROS + ZEROS + ZEROS);
        assertEquals("QUERY_PROTOCOL_VERSION 6.2", version.info());
        assertEquals("1538", field(version, "version.major_minor"));
        assertEquals("COMPLETE_IO QUERY_PROTOCOL_VERSION 6.2 -> status 0x0 (accepted)",
                ring.completion(INIT_ID, "01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
                        + ZEROS + ZEROS + ZEROS).info());
        ring.inband(INIT_ID, "0a 00 00 00 01 00 00 00  00 00 00 00 00 00 00 00   |................|\n"
                + ZEROS + ZEROS + ZEROS);
        Decoded props = ring.completion(INIT_ID, """
                01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                04 00 00 00 01 00 00 00  00 00 20 00 00 00 00 00   |.......... .....|  4 channels, multi, 2 MiB
                """ + ZEROS + ZEROS);
        assertEquals("COMPLETE_IO QUERY_PROPERTIES -> status 0x0, max_channel_cnt 4, multi-channel,"
                + " max_transfer_bytes 2097152", props.info());
        assertEquals("4", field(props, "storage_channel_properties.max_channel_cnt"));
        assertEquals("CREATE_SUB_CHANNELS 3", ring.inband(INIT_ID, """
                0d 00 00 00 01 00 00 00  00 00 00 00 03 00 00 00   |................|
                """ + ZEROS + ZEROS + ZEROS).info());
        assertEquals(List.of(), ring.findings());
    }

    @Test
    void aPacketShorterThanAVstorPacketIsTooShort() {
        Decoded d = ring.completion(9, READ_10_OK.substring(0, READ_10_OK.indexOf(ZEROS)));
        assertEquals("storvsc.packet.too_short: length of the vstor_packet: expected >= 64, got 32",
                ring.findingLines());
        assertEquals("COMPLETE_IO SRB (no vm_srb: 32 bytes)", d.info());
        assertNull(ring.completion(9, "01 00 00 00 00 00 00 00   |........|"));
        assertEquals("storvsc.packet.too_short: length of the vstor_packet: expected >= 64, got 8",
                ring.findingLines());
    }

    @Test
    void afterAPreWindows8VersionA48BytePacketIsWhole() {
        ring.inband(INIT_ID, "09 00 00 00 01 00 00 00  00 00 00 00 02 04 00 00   |................|\n"
                + ZEROS + ZEROS);
        ring.completion(INIT_ID, "01 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
                + ZEROS + ZEROS);
        assertEquals("storvsc.packet.too_short: length of the vstor_packet: expected >= 64, got 48",
                ring.findingLines(), "the version is not accepted before its completion");
        Decoded d = ring.completion(10, READ_10_OK.substring(0, READ_10_OK.length() - ZEROS.length()));
        assertEquals("", ring.findingLines());
        assertNull(field(d, "vm_srb.win8_extension"));
    }

    @Test
    void anUnsolicitedCompletionIsInvalid() {
        ring.completion(0, READ_10_OK);
        assertEquals("storvsc.unsolicited.invalid_operation: operation of a packet with transaction id 0: expected"
                + " not COMPLETE_IO or FCHBA_DATA, got COMPLETE_IO", ring.findingLines());
        assertEquals("ENUMERATE_BUS", ring.inband(0, "0b 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |....|")
                .info());
        assertEquals("", ring.findingLines(), "an unsolicited bus rescan may be short");
    }

    @Test
    void aSenseLengthBeyondItsFieldIsClampedAndReported() {
        Decoded d = ring.completion(11, READ_10_FAILED.replace("0a 12 01 00", "0a ff 01 00"));
        assertEquals("storvsc.sense.length_beyond_buffer: sense_info_length: expected <= 20"
                + " (STORVSC_SENSE_BUFFER_SIZE), got 255", ring.findingLines());
        assertEquals(21L, ring.findings().get(0).offset());
        assertEquals("MEDIUM ERROR", field(d, "vm_srb.sense.sense_key_name"));
    }

    @Test
    void moreTransferredThanRequestedIsReported() {
        ring.inband(12, READ_10);
        ring.completion(12, READ_10_OK.replace("00 10 00 00 00 00 00 00", "00 20 00 00 00 00 00 00"));
        assertEquals("storvsc.data_transfer_length.beyond_request: data_transfer_length: expected <= 4096 (the"
                + " request's), got 8192", ring.findingLines());
    }

    @Test
    void aCdbLengthBeyondItsFieldIsOutOfRange() {
        Decoded d = ring.inband(13, READ_10.replace("02 00 00 00 0a 14", "02 00 00 00 11 14"));
        assertEquals("storvsc.cdb_length.out_of_range: cdb_length: expected <= 16, got 17", ring.findingLines());
        assertEquals("EXECUTE_SRB READ(10) lba 2048 len 8, lun 2:0:0:0, 4096 bytes in", d.info());
    }

    @Test
    void anUnknownOperationDecodesItsHeaderAndRaisesANote() {
        Decoded d = ring.inband(14, "20 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|\n"
                + ZEROS + ZEROS + ZEROS);
        assertEquals("32", d.message());
        assertEquals("VSTOR operation 32 (unknown)", d.info());
        assertEquals("storvsc.operation.unknown: operation 32 is not a VSTOR_OPERATION_* value",
                ring.findingLines());
    }

    @Test
    void autoAcceptsWholePacketsOfKnownOperations() {
        StorvscDissector s = new StorvscDissector();
        assertTrue(s.plausible(PayloadView.of(ByteSource.of(Hex.parse(READ_10)))));
        assertFalse(s.plausible(PayloadView.of(ByteSource.of(new byte[64]))), "operation 0");
        assertFalse(s.plausible(PayloadView.of(ByteSource.of(Hex.parse("03 00 00 00 01 00 00 00")))));
        assertFalse(s.plausible(PayloadView.of(ByteSource.of(Hex.parse(READ_10.replace("03 00 00 00 01 00 00 00",
                "01 00 00 00 24 00 00 00"))))), "flags 0x24: an IC pipe header (flags 1, msgsize 36)");
    }

    @Test
    void fibreChannelNamesAreDecodedFromTheWwnPacket() {
        Decoded d = ring.inband(0x20, """
                0c 00 00 00 00 00 00 00  00 00 00 00 01 00 00 00   |................|  FCHBA_DATA, primary
                20 00 00 15 5d 00 00 01  20 00 00 15 5d 00 00 02   | ...]... ...]...|  port, node wwn
                """ + ZEROS + ZEROS);
        assertEquals("FCHBA_DATA port 20:00:00:15:5d:00:00:01, node 20:00:00:15:5d:00:00:02 (primary)", d.info());
        assertEquals("20:00:00:15:5d:00:00:02", field(d, "wwn_packet.primary_node_wwn"));
        assertEquals("", ring.findingLines());
        ring.inband(0, "0c 00 00 00 00 00 00 00  00 00 00 00 01 00 00 00   |................|\n" + ZEROS + ZEROS
                + ZEROS);
        assertEquals("storvsc.unsolicited.invalid_operation: operation of a packet with transaction id 0: expected"
                + " not COMPLETE_IO or FCHBA_DATA, got FCHBA_DATA", ring.findingLines(), "Linux refuses it since 2021");
    }

    @Test
    void descriptorFormatSenseIsReadFromItsOwnOffsets() {
        Decoded d = ring.completion(15, READ_10_FAILED
                .replace("70 00 03 00", "72 05 24 00")
                .replace("0a 12 01 00", "0a 08 01 00"));
        assertEquals("COMPLETE_IO SRB -> SRB_STATUS_ERROR|AUTOSENSE_VALID, CHECK CONDITION, ILLEGAL REQUEST 24/00"
                + " INVALID FIELD IN CDB", d.info());
        assertEquals("114", field(d, "vm_srb.sense.response_code"));
    }
}
