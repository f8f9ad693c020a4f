package ringtool.core.payload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ringtool.core.format.PacketType;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;
import ringtool.core.payload.netvsc.NetvscDissector;
import ringtool.core.payload.storvsc.StorvscDissector;
import ringtool.core.rules.Finding;
import ringtool.core.walk.PacketExtension;

/**
 * The netvsc and storvsc decoders on payloads of every length from 0 to 160 bytes, with known message types and
 * random fields (a fixed seed): no read outside the payload (which throws), and every finding inside it.
 */
class NetStorRobustnessTest {

    private static final long[] NVSP_TYPES = {1, 2, 100, 101, 102, 103, 104, 105, 106, 107, 108, 116, 120, 121,
            122, 125, 128, 129, 133, 134, 135, 136, 999};
    private static final int[] PACKET_TYPES = {PacketType.DATA_INBAND, PacketType.DATA_USING_XFER_PAGES,
            PacketType.COMP};

    @Test
    void randomPayloadsOfKnownTypesStayInsideThePacket() {
        run(new NetvscDissector(), NVSP_TYPES, 1);
        run(new StorvscDissector(), new long[] {0, 1, 2, 3, 6, 9, 10, 12, 13, 14}, 2);
    }

    private static void run(ProtocolDissector dissector, long[] types, long seed) {
        Random random = new Random(seed);
        PayloadFixture ring = new PayloadFixture(dissector);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(161)];
            random.nextBytes(bytes);
            if (bytes.length >= 4) {
                long type = types[random.nextInt(types.length)];
                bytes[0] = (byte) type;
                bytes[1] = (byte) (type >>> 8);
                bytes[2] = 0;
                bytes[3] = 0;
            }
            if (bytes.length >= 8 && random.nextBoolean()) {
                bytes[4] = (byte) random.nextInt(2);
                bytes[5] = bytes[6] = bytes[7] = 0;
            }
            int type = PACKET_TYPES[random.nextInt(PACKET_TYPES.length)];
            PacketExtension ext = type == PacketType.DATA_USING_XFER_PAGES ? ranges(random) : null;
            ring.decode(type, random.nextInt(4), hex(bytes), ext);
            for (Finding f : ring.findings()) {
                assertTrue(f.offset() >= 0 && f.offset() + f.length() <= Math.max(bytes.length, 0),
                        f.rule().id() + " at " + f.offset() + "+" + f.length() + " in " + bytes.length + " bytes");
            }
        }
    }

    private static PacketExtension ranges(Random random) {
        int n = random.nextInt(4);
        TransferPageRange[] r = new TransferPageRange[n];
        for (int i = 0; i < n; i++) {
            r[i] = new TransferPageRange(random.nextInt() & 0xFFFF_FFFFL, random.nextInt() & 0xFFFF_FFFFL);
        }
        return new PacketExtension.TransferPages(new TransferPageHeader(random.nextBoolean() ? 0xcafe : 1, 0, 0, n),
                List.of(r));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            s.append(String.format("%02x ", b));
        }
        return s.toString();
    }
}
