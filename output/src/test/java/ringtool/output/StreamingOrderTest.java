package ringtool.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.bytes.ByteSource;
import ringtool.core.synth.RingWriter;

/**
 * The writers stream: the first packet record reaches the output while the walk has read only the first packets
 * of the ring, and every record reaches it (flushed) before the walk reads on. A writer that built a tree or a list
 * first would show the whole ring read before its first line.
 */
class StreamingOrderTest {

    private static final int PACKETS = 2000;
    private static final int FOOTPRINT = 32;

    /** Remembers the highest offset any read has touched. */
    static final class Watched implements ByteSource {
        final ByteSource in;
        long highest;

        Watched(ByteSource in) {
            this.in = in;
        }

        private void saw(long at, long length) {
            highest = Math.max(highest, at + length);
        }

        @Override
        public long size() {
            return in.size();
        }

        @Override
        public int u8(long at) {
            saw(at, 1);
            return in.u8(at);
        }

        @Override
        public int u16(long at) {
            saw(at, 2);
            return in.u16(at);
        }

        @Override
        public long u32(long at) {
            saw(at, 4);
            return in.u32(at);
        }

        @Override
        public long u64(long at) {
            saw(at, 8);
            return in.u64(at);
        }

        @Override
        public void copy(long at, byte[] dst, int dstOffset, int length) {
            saw(at, length);
            in.copy(at, dst, dstOffset, length);
        }
    }

    /** Records, for each packet line as it arrives, how far the walk had read. */
    static final class Recording extends Writer {
        final Watched source;
        final StringBuilder line = new StringBuilder();
        long packetLines;
        long readAtFirstPacket = -1;
        long readAtLastPacket = -1;
        long flushes;

        Recording(Watched source) {
            this.source = source;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    if (line.indexOf("\"record\":\"packet\"") >= 0) {
                        packetLines++;
                        if (readAtFirstPacket < 0) {
                            readAtFirstPacket = source.highest;
                        }
                        readAtLastPacket = source.highest;
                    }
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }
    }

    private static Watched ringOfPackets() {
        RingWriter b = new RingWriter(4096 * 16).startAt(0);
        for (int i = 0; i < PACKETS; i++) {
            b.inband(i, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        return new Watched(ByteSource.of(b.build()));
    }

    @Test
    void lineBufferedJsonlWritesTheFirstPacketBeforeTheWalkReadsTheRest() throws Exception {
        Watched source = ringOfPackets();
        InputReport report = Inspector.defaults().inspect("ring.bin", source);
        long headerEnd = 4096;
        Recording out = new Recording(source);
        source.highest = 0;
        new JsonlWriter(new PrintWriter(out), true).input(report, 0);
        assertEquals(PACKETS, out.packetLines);
        // When packet 0's line arrives, the walk has read packet 0 and at most a look at packet 1.
        assertTrue(out.readAtFirstPacket <= headerEnd + 2 * FOOTPRINT, "read " + out.readAtFirstPacket);
        assertTrue(out.readAtLastPacket >= headerEnd + (PACKETS - 1) * FOOTPRINT, "read " + out.readAtLastPacket);
        assertTrue(out.flushes >= PACKETS, "flushes " + out.flushes);
    }

    /** grep's rule: no flush per record to a pipe or file, one at the end of the input; still streamed. */
    @Test
    void blockBufferedJsonlFlushesOncePerInputAndStillStreams() throws Exception {
        Watched source = ringOfPackets();
        InputReport report = Inspector.defaults().inspect("ring.bin", source);
        Recording out = new Recording(source);
        source.highest = 0;
        new JsonlWriter(new PrintWriter(out)).input(report, 0);
        assertEquals(PACKETS, out.packetLines);
        assertEquals(1, out.flushes);
        // The first lines leave in the generator's first block, long before the walk reaches the end of the ring.
        assertTrue(out.readAtFirstPacket < 4096 + PACKETS * FOOTPRINT / 4, "read " + out.readAtFirstPacket);
    }

    @Test
    void theExitCodeIsAskedForOnlyAfterEveryPacketIsOut() throws Exception {
        RingWriter b = new RingWriter(4096 * 16).startAt(0);
        for (int i = 0; i < PACKETS; i++) {
            b.inband(i, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        Watched source = new Watched(ByteSource.of(b.build()));
        InputReport report = Inspector.defaults().inspect("ring.bin", source);
        Recording out = new Recording(source);
        long[] packetsOutWhenAsked = {-1};
        // Line-buffered, so that what the writer has been handed is what the output has seen.
        new JsonlWriter(new PrintWriter(out), true).input(report, () -> {
            packetsOutWhenAsked[0] = out.packetLines;
            return report.exitCode(ringtool.core.rules.Severity.ERROR);
        });
        assertEquals(PACKETS, packetsOutWhenAsked[0]);
    }
}
