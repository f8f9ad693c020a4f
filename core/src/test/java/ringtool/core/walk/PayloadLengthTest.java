package ringtool.core.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.inspect.Inspector;
import ringtool.core.bytes.ByteSource;
import ringtool.core.synth.RingWriter;

/** The payload length without padding: up to 7 trailing zero bytes count as padding, never more. */
class PayloadLengthTest {

    private static List<Packet> packets(RingWriter b) {
        return Inspector.defaults().inspect("t", ByteSource.of(b.build())).rings().get(0).packetList();
    }

    @Test
    void trailingZerosUpToSevenAreTakenAsPadding() {
        RingWriter b = new RingWriter(8192).startAt(0)
                .inband(1, (byte) 1, (byte) 2, (byte) 3, (byte) 0, (byte) 0)
                .inband(2, new byte[8])
                .inband(3, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7})
                .inband(4, new byte[] {5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        List<Packet> p = packets(b);
        assertEquals(List.of(3L, 1L, 16L, 9L), p.stream().map(Packet::payloadLength).toList());
        assertEquals(List.of(8L, 8L, 16L, 16L), p.stream().map(Packet::paddedPayloadLength).toList());
    }

    @Test
    void aPacketWithoutPayloadHasLengthZero() {
        List<Packet> p = packets(new RingWriter(8192).startAt(0).inband(1));
        assertEquals(0L, p.get(0).payloadLength());
    }

    @Test
    void theLastBytesAreReadAcrossTheWrap() {
        RingWriter b = new RingWriter(8192).startAt(8192 - 16).inband(1, (byte) 4, (byte) 0, (byte) 6, (byte) 0);
        List<Packet> p = packets(b);
        assertEquals(true, p.get(0).wraps());
        assertEquals(3L, p.get(0).payloadLength());
    }
}
