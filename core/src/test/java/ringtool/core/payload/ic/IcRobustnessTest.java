package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ringtool.core.payload.Decoding;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.rules.Finding;

/**
 * Hostile payloads of every message type, operation and boundary length: the decoder never reads past the payload
 * (PayloadView would throw), always decodes the headers once they are there, and points its findings inside the
 * payload.
 */
class IcRobustnessTest {

    /** Each struct's end and the boundaries inside it where a cut changes what can be decoded. */
    private static final int[] LENGTHS = {0, 8, 27, 28, 29, 30, 31, 32, 33, 35, 36, 37, 39, 40, 44, 48, 50, 52, 53,
        56, 64, 68, 76, 79, 80, 81, 88, 290, 548, 556, 560, 584, 1104, 1108, 1115, 1116, 2088, 2338, 2604, 2608,
        4386, 5410, 6224, 7457, 7458, 8000};
    private static final int[] TYPES = {0, 1, 2, 3, 4, 5, 6, 7, 0xffff};

    @Test
    void everyTypeOperationAndCutDecodesWithinThePayload() {
        Random random = new Random(15);
        for (int type : TYPES) {
            for (int op = 0; op < 9; op++) {
                for (int length : LENGTHS) {
                    for (int fill = 0; fill < 3; fill++) {
                        check(message(random, type, op, length, fill), type);
                    }
                }
            }
        }
    }

    /** Random bytes after the headers, or all 0xff (every count and size at its maximum), or zeros. */
    private static byte[] message(Random random, int type, int op, int length, int fill) {
        byte[] b = new byte[length];
        if (fill == 0) {
            random.nextBytes(b);
        } else if (fill == 1) {
            Arrays.fill(b, (byte) 0xff);
        }
        ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (length >= IcHeader.SIZE) {
            w.putShort(IcHeader.ICMSGTYPE_OFFSET, (short) type);
            w.putShort(IcHeader.ICVERMSG_OFFSET, (short) (3 + op % 2));
            w.put(IcHeader.ICFLAGS_OFFSET, (byte) (op % 2 == 0 ? 3 : 5));
        }
        if (length > IcHeader.SIZE) {
            w.put(IcHeader.SIZE, (byte) op);
        }
        return b;
    }

    private static void check(byte[] payload, int type) {
        Decoding d = IcFixtures.decode(payload);
        if (payload.length >= IcHeader.SIZE) {
            assertNotNull(d.decoded(), () -> "type " + type + ", " + payload.length + " bytes");
        }
        for (Finding f : d.findings()) {
            assertTrue(f.fileOffset() >= 0 && f.fileOffset() + f.length() <= payload.length, f::toString);
        }
    }

    @Test
    void negotiationCountsNeverSizeTheDecoding() {
        for (int count : new int[] {0x7fff, 0xffff}) {
            byte[] b = new byte[40];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(Negotiation.ICFRAME_VERCNT_OFFSET,
                    (short) count).putShort(Negotiation.ICMSG_VERCNT_OFFSET, (short) count);
            Decoding d = IcFixtures.decode(b);
            FieldValue.Items versions = (FieldValue.Items) ((Fields) d.decoded().fields().get("icmsg_negotiate"))
                    .get("icversion_data");
            assertEquals(1, versions.items().size());
            assertEquals(List.of(IcRules.IC_NEGOTIATE_COUNT_TOO_LARGE, IcRules.IC_NEGOTIATE_COUNT_TOO_LARGE,
                    IcRules.IC_NEGOTIATE_COUNT_BEYOND_PACKET), d.findings().stream().map(Finding::rule).toList());
        }
    }
}
