package ringtool.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.rules.Finding;
import ringtool.core.synth.RingWriter;

class LiveCopyTest {

    /** Ring memory whose writer appends a packet while the copy is taken: before and after see different indices. */
    private static final class MovingRing implements LiveMemory {
        private final byte[] bytes;
        private final long inboundAt;
        private int copies;

        MovingRing(byte[] bytes, long inboundAt) {
            this.bytes = bytes.clone();
            this.inboundAt = inboundAt;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public long u32(long at) {
            return Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt((int) at));
        }

        @Override
        public void copyAll(byte[] dst) {
            System.arraycopy(bytes, 0, dst, 0, dst.length);
            copies++;
            if (inboundAt >= 0) {
                // The host wrote a 40-byte packet into the inbound ring right after the copy.
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) inboundAt, (int) u32(inboundAt) + 40);
            }
        }
    }

    private static byte[] pair() {
        return RingWriter.pair(new RingWriter(8192).inband(1, new byte[8]), new RingWriter(8192).inband(2, new byte[16]));
    }

    @Test
    void anIndexThatMovesDuringTheCopyIsATornRead() throws InputException {
        MovingRing memory = new MovingRing(pair(), 12288);
        InputReport r = Inspector.defaults().inspectLive("ring", LiveCopy.take(memory));
        assertEquals(1, memory.copies);
        assertEquals("uio-pair", r.layout());
        List<Finding> f = r.findings();
        assertEquals(1, f.size());
        assertEquals("dump.torn_read", f.get(0).rule().id());
        assertEquals("inbound write_index while the ring was copied: expected the same value before, in and after the"
                + " copy, got 0x28 before, 0x28 in the copy, 0x50 after", f.get(0).message());
        assertEquals(12288L, f.get(0).fileOffset());
        assertEquals(1, r.rings().get(1).packetList().size());
    }

    @Test
    void stillIndicesGiveNoFinding() throws InputException {
        InputReport r = Inspector.defaults().inspectLive("ring", LiveCopy.take(new MovingRing(pair(), -1)));
        assertEquals(List.of(), r.findings());
        assertEquals(2, r.rings().size());
    }

    @Test
    void aMappingLargerThanAnyRingIsRefusedBeforeAnyAllocation() {
        LiveMemory huge = new LiveMemory() {
            @Override
            public long size() {
                return 1L << 40;
            }

            @Override
            public long u32(long at) {
                return 0;
            }

            @Override
            public void copyAll(byte[] dst) throws IOException {
                throw new IOException("never called");
            }
        };
        InputException e = assertThrows(InputException.class, () -> LiveCopy.take(huge));
        assertEquals("a live ring mapping of 1099511627776 bytes is larger than any ring (1073741824 bytes at most)",
                e.getMessage());
    }

    @Test
    void regularFilesAreDumpsNotLiveRings() {
        assertEquals(false, InputFiles.isLive(java.nio.file.Path.of("pom.xml")));
    }

    @Test
    void aMappedFileIsCopiedOnceAndFramedFromTheCopy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws IOException, InputException {
        java.nio.file.Path file = tmp.resolve("ring");
        java.nio.file.Files.write(file, pair());
        LiveCopy copy = LiveCopy.take(MappedLiveMemory.map(file, java.nio.file.Files.size(file)));
        InputReport r = Inspector.defaults().inspectLive("ring", copy);
        assertEquals("uio-pair", r.layout());
        assertEquals(List.of(), r.findings());
        assertEquals(1, r.rings().get(0).packetList().size());
    }
}
