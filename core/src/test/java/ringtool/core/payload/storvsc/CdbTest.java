package ringtool.core.payload.storvsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ringtool.core.bytes.ByteSource;
import ringtool.core.payload.PayloadView;
import ringtool.core.testing.Hex;

/** Each CDB layout: where its LBA and lengths lie, read big-endian, and only within cdb_length. */
class CdbTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
            "08 1f ff ff 00 00; READ(6) lba 2097151 len 256",
            "0a 00 01 00 10 00; WRITE(6) lba 256 len 16",
            "2a 00 00 00 10 00 00 00 80 00; WRITE(10) lba 4096 len 128",
            "35 00 00 00 00 00 00 00 00 00; SYNCHRONIZE CACHE(10) lba 0 len 0",
            "a8 00 00 01 00 00 00 00 01 00 00 00; READ(12) lba 65536 len 256",
            "88 00 00 00 00 01 00 00 00 00 00 00 00 08 00 00; READ(16) lba 4294967296 len 8",
            "9e 10 00 00 00 00 00 00 00 00 00 00 00 20 00 00; READ CAPACITY(16) alloc 32",
            "12 01 80 00 ff 00; INQUIRY page 0x80 alloc 255",
            "1a 00 3f 00 c0 00; MODE SENSE(6) page 0x3f alloc 192",
            "42 00 00 00 00 00 00 00 18 00; UNMAP alloc 24",
            "00 00 00 00 00 00; TEST UNIT READY",
            "28 00 00 00 08 00; READ(10)",
            "c0 00 00 00 00 00; opcode 0xc0",
    })
    void commandsAreNamedAndTheirFieldsDecoded(String hex, String text) {
        byte[] cdb = Hex.parse(hex);
        assertEquals(text, Cdb.parse(PayloadView.of(ByteSource.of(cdb)), 0, cdb.length).text());
    }
}
