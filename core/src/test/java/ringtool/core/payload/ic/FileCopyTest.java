package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ringtool.core.payload.ic.IcFixtures.decode;
import static ringtool.core.payload.ic.IcFixtures.none;
import static ringtool.core.payload.ic.IcFixtures.only;
import static ringtool.core.payload.ic.IcFixtures.padded;

import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;
import ringtool.core.testing.Hex;

class FileCopyTest {

    static final int START_SIZE = 1116;

    @Test
    void aStartNamesThePathFileFlagsAndSize() {
        byte[] payload = padded("""
                01 00 00 00 54 04 00 00  03 00 00 00 07 00 03 00   |....T...........| pipe 1/1108; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 40 04 00 00 00 00  00 03 00 00 00 00 00 00   |..@.............| icvermsg 3.0; icmsgsize 1088; status 0x0; icflags 3; START_FILE_COPY
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..| service_id0
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................| service_id1 (zero)
                61 00 2e 00 74 00 78 00  74 00 00 00 00 00 00 00   |a...t.x.t.......| file_name "a.txt"
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00                            |........|
                """, START_SIZE, 584, """
                2f 00 74 00 6d 00 70 00                            |/.t.m.p.| at 584: path_name "/tmp"
                """);
        byte[] tail = Hex.parse("""
                03 00 00 00 39 30 00 00  00 00 00 00               |....90......| at 1104: copy_flags 3, file_size 12345
                """);
        System.arraycopy(tail, 0, payload, 1104, tail.length);
        Decoding d = decode(payload);
        none(d);
        assertEquals("ICMSGTYPE_FCOPY", d.decoded().message());
        assertEquals("ICMSGTYPE_FCOPY request: START_FILE_COPY \"/tmp\" \"a.txt\", copy_flags"
                + " OVER_WRITE|CREATE_PATH, file_size 12345", d.decoded().info());
        assertEquals("34d14be3-dee4-41c8-9ae7-6b174977c192", d.field("hv_start_fcopy", "hdr", "service_id0"));
        assertEquals("a.txt", d.field("hv_start_fcopy", "file_name"));
        assertEquals("/tmp", d.field("hv_start_fcopy", "path_name"));
    }

    @Test
    void aWriteShowsItsOffsetAndSize() {
        Decoding d = decode("""
                01 00 00 00 50 00 00 00  03 00 00 00 07 00 03 00   |....P...........| pipe 1/80; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 3c 00 00 00 00 00  00 03 00 00 01 00 00 00   |..<.............| icvermsg 3.0; icmsgsize 60; status 0x0; icflags 3; WRITE_TO_FILE
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..| service_id0
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................| service_id1 (zero)
                00 00 00 00 00 18 00 00  00 00 00 00 05 00 00 00   |................| pad 0, offset 6144, size 5
                68 65 6c 6c 6f 00 00 00                            |hello...| data "hello"
                """);
        none(d);
        assertEquals("ICMSGTYPE_FCOPY request: WRITE_TO_FILE offset 6144 size 5", d.decoded().info());
        assertEquals("5", d.field("hv_do_fcopy", "size"));
    }

    @Test
    void aWriteLargerThanAFragmentIsAnError() {
        Finding f = only(decode("""
                01 00 00 00 50 00 00 00  03 00 00 00 07 00 03 00   |....P...........| pipe 1/80; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 3c 00 00 00 00 00  00 03 00 00 01 00 00 00   |..<.............| icvermsg 3.0; icmsgsize 60; status 0x0; icflags 3; WRITE_TO_FILE
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 01 00   |................| pad 0, offset 0, size 0x10000
                68 65 6c 6c 6f 00 00 00                            |hello...| data "hello"
                """));
        assertEquals(IcRules.IC_FCOPY_SIZE_INVALID, f.rule());
        assertEquals("hv_do_fcopy.size: expected at most 6144 (DATA_FRAGMENT), got 65536", f.message());
        assertEquals(76L, f.offset());
        assertEquals(4L, f.length());
    }

    @Test
    void aWriteLargerThanItsDataIsAnError() {
        Finding f = only(decode("""
                01 00 00 00 50 00 00 00  03 00 00 00 07 00 03 00   |....P...........| pipe 1/80; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 3c 00 00 00 00 00  00 03 00 00 01 00 00 00   |..<.............| icvermsg 3.0; icmsgsize 60; status 0x0; icflags 3; WRITE_TO_FILE
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                00 00 00 00 00 00 00 00  00 00 00 00 64 00 00 00   |............d...| pad 0, offset 0, size 100
                68 65 6c 6c 6f 00 00 00                            |hello...| 8 bytes of data
                """));
        assertEquals(IcRules.IC_FCOPY_SIZE_INVALID, f.rule());
        assertEquals("hv_do_fcopy.size: expected at most 8 (the data in the payload), got 100", f.message());
    }

    @Test
    void anOperationOutsideTheEnumIsAWarning() {
        Decoding d = decode("""
                01 00 00 00 38 00 00 00  03 00 00 00 07 00 03 00   |....8...........| pipe 1/56; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 24 00 00 00 00 00  00 03 00 00 04 00 00 00   |..$.............| icvermsg 3.0; icmsgsize 36; status 0x0; icflags 3; operation 4
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_FCOPY_OPERATION_UNKNOWN, f.rule());
        assertEquals("hv_fcopy_hdr.operation: expected 0 to 3 (START_FILE_COPY to CANCEL_FCOPY), got 4", f.message());
        assertEquals(28L, f.offset());
        assertEquals("ICMSGTYPE_FCOPY request: operation 4", d.decoded().info());
    }

    @Test
    void aCompleteIsTheHeaderAlone() {
        Decoding d = decode("""
                01 00 00 00 38 00 00 00  03 00 00 00 07 00 03 00   |....8...........| pipe 1/56; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 24 00 00 00 00 00  00 05 00 00 02 00 00 00   |..$.............| icvermsg 3.0; icmsgsize 36; status 0x0; icflags 5; COMPLETE_FCOPY
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                """);
        none(d);
        assertEquals("ICMSGTYPE_FCOPY response HV_S_OK: COMPLETE_FCOPY", d.decoded().info());
        assertEquals("2", d.field("hv_fcopy_hdr", "operation"));
    }

    @Test
    void aFileCopyHeaderCutShortIsOneFinding() {
        Decoding d = decode("""
                01 00 00 00 20 00 00 00  03 00 00 00 07 00 03 00   |.... ...........| pipe 1/32; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 0c 00 00 00 00 00  00 03 00 00 00 00 00 00   |................| icvermsg 3.0; icmsgsize 12; status 0x0; icflags 3; START_FILE_COPY
                e3 4b d1 34 e4 de c8 41                            |.K.4...A| half of service_id0
                """);
        Finding f = only(d);
        assertEquals(IcRules.IC_MESSAGE_BEYOND_PACKET, f.rule());
        assertEquals("payload length of ICMSGTYPE_FCOPY: expected at least 64 (ICMSG_HDR + sizeof(struct"
                + " hv_fcopy_hdr)), got 40", f.message());
        assertEquals("ICMSGTYPE_FCOPY request", d.decoded().info());
    }

    @Test
    void aFileNameFillingItsFieldIsUnterminated() {
        Decoding d = decode(padded("""
                01 00 00 00 54 04 00 00  03 00 00 00 07 00 03 00   |....T...........| pipe 1/1108; icverframe 3.0; icmsgtype 7 (FCOPY)
                00 00 40 04 00 00 00 00  00 03 00 00 00 00 00 00   |..@.............| icvermsg 3.0; icmsgsize 1088; status 0x0; icflags 3; START_FILE_COPY
                e3 4b d1 34 e4 de c8 41  9a e7 6b 17 49 77 c1 92   |.K.4...A..k.Iw..|
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.| file_name: 260 "x", no NUL
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00  78 00 78 00 78 00 78 00   |x.x.x.x.x.x.x.x.|
                78 00 78 00 78 00 78 00                            |x.x.x.x.|
                """, START_SIZE));
        Finding f = only(d);
        assertEquals(IcRules.IC_STRING_UNTERMINATED, f.rule());
        assertEquals("hv_start_fcopy.file_name: no NUL within its 520 bytes", f.message());
        assertEquals(64L, f.offset());
        assertEquals(520L, f.length());
        assertEquals(260, d.field("hv_start_fcopy", "file_name").length());
    }
}
