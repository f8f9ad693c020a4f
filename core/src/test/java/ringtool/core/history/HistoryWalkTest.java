package ringtool.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;
import ringtool.core.walk.Packet;

class HistoryWalkTest {

    private static InputReport inspect(byte[] bytes, Layout layout) {
        return new Inspector(new FramingOptions(layout, 4096, null), null, List.of(), true)
                .inspect("test", ByteSource.of(bytes));
    }

    private static History history(RingWriter ring) {
        return inspect(ring.build(), Layout.SINGLE).rings().get(0).consumed();
    }

    /** What the test wrote: where, with which transaction id, payload length and payload. */
    private record Written(long offset, long transactionId, byte[] payload) {
        long footprint() {
            return (16 + payload.length + 7) / 8 * 8 + 8;
        }
    }

    /**
     * A busy ring: packets of varying sizes written over more than three laps of a 4 KiB data area, the last few
     * still live. The walk back recovers exactly the consumed packets whose bytes the later laps left intact:
     * the newest ones, back to where their footprints and the live bytes fill the data area.
     */
    @Test
    void recoversExactlyTheConsumedPacketsOfABusyRingThatWrappedSeveralTimes() {
        int size = 4096;
        RingWriter ring = new RingWriter(size);
        List<Written> written = new ArrayList<>();
        for (int i = 0; written.stream().mapToLong(Written::footprint).sum() < 3L * size + 1000; i++) {
            byte[] payload = new byte[1 + (i * 37) % 200];
            for (int j = 0; j < payload.length; j++) {
                payload[j] = (byte) (i + j + 1);
            }
            written.add(new Written(ring.cursor(), 1000 + i, payload));
            ring.inband(1000 + i, payload);
        }
        int live = 3;
        Written firstLive = written.get(written.size() - live);
        ring.readIndex(firstLive.offset());
        long liveBytes = written.subList(written.size() - live, written.size()).stream()
                .mapToLong(Written::footprint).sum();
        List<Written> expected = new ArrayList<>();
        long used = liveBytes;
        for (int i = written.size() - live - 1; i >= 0 && used + written.get(i).footprint() <= size; i--) {
            used += written.get(i).footprint();
            expected.add(0, written.get(i));
        }
        assertTrue(expected.size() > 20, "the test ring should hold many consumed packets");
        assertTrue(expected.stream().anyMatch(w -> w.offset() + w.footprint() > size), "one should straddle the end");

        RingReport report = inspect(ring.build(), Layout.SINGLE).rings().get(0);
        History h = report.consumed();
        assertEquals(expected.size(), h.packets().size());
        for (int k = 0; k < expected.size(); k++) {
            Written w = expected.get(k);
            Packet p = h.packets().get(k);
            assertEquals(k - expected.size(), p.index());
            assertEquals(w.offset(), p.offset());
            assertEquals(w.transactionId(), p.descriptor().transactionId());
            assertEquals(w.payload().length, p.payloadLength());
            byte[] bytes = new byte[w.payload().length];
            report.snapshot().data().copy(p.offset() + 16, bytes, 0, bytes.length);
            assertArrayEquals(w.payload(), bytes);
            assertEquals(w.offset() + w.footprint() > size, p.wraps());
        }
        Written older = written.get(written.size() - live - expected.size() - 1);
        assertEquals(new ConsumedStop(expected.get(0).offset(), "trailer at 0x"
                + Long.toHexString(Math.floorMod(expected.get(0).offset() - 8, size)) + " points to 0x"
                + Long.toHexString(older.offset()) + ": a packet of " + older.footprint()
                + " bytes there would overlap live data or a newer consumed packet"), h.stop());
        // The live packets stay in the forward walk, never among the consumed ones.
        assertEquals(live, report.packetList().size());
    }

    @Test
    void aRingThatNeverWrappedStopsAtTheStartWithNothingOlder() {
        History h = history(new RingWriter(4096).inband(1, new byte[8]).inband(2, new byte[24])
                .inband(3, new byte[8]).readIndex(112));
        assertEquals(List.of(0L, 32L, 80L), h.packets().stream().map(Packet::offset).toList());
        assertEquals(List.of(-3L, -2L, -1L), h.packets().stream().map(Packet::index).toList());
        assertEquals(new ConsumedStop(0, "trailer at 0xff8 is zero and no packet ending there starts at 0: nothing"
                + " older was written there (the ring has not wrapped since)"), h.stop());
    }

    @Test
    void stopsAtATrailerWhosePacketDoesNotEndAtIt() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[8]).inband(2, new byte[24]).readIndex(80);
        ring.putU16(32 + 4, 7); // len8 of the packet at 0x20: 56 bytes, but its trailer is at +40
        History h = history(ring);
        assertEquals(List.of(), h.packets());
        assertEquals(new ConsumedStop(80, "trailer at 0x48 points to 0x20: its len8 7 ends at +56, not at the trailer"
                + " (+40)"), h.stop());
    }

    @Test
    void stopsAtATrailerPointingOutsideTheDataArea() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[8]).readIndex(32).putU64(24, 0x2000L << 32);
        assertEquals(new ConsumedStop(32, "trailer at 0x18 points outside the data area (0x2000)"), history(ring).stop());
    }

    /** The packets end at 0x60, not at the read index 0x50: no walk from offset 0 proves where they started. */
    @Test
    void zeroTrailersThatNoWalkFromZeroExplainLeaveNothingToWalkBackThrough() {
        History h = history(new RingWriter(4096).inband(0, new byte[24]).inband(1, new byte[24])
                .putU64(32, 0).putU64(72, 0).readIndex(80));
        assertEquals(List.of(), h.packets());
        assertEquals(new ConsumedStop(80, "trailer at 0x48 is zero: the writer does not record packet starts (QEMU's"
                + " host side does this), so there is nothing to walk back through"), h.stop());
    }

    @Test
    void zeroTrailersOfAQemuHostAreWalkedForwardFromZeroWhenThatReachesTheReadIndex() {
        History h = history(new RingWriter(4096).inband(0, new byte[24]).inband(1, new byte[24])
                .putU64(40, 0).putU64(88, 0).readIndex(96).writeIndex(96));
        assertEquals(List.of(0L, 48L), h.packets().stream().map(p -> p.offset()).toList());
        assertEquals(List.of(-2L, -1L), h.packets().stream().map(p -> p.index()).toList());
        assertEquals(new ConsumedStop(0, "trailer at 0x58 is zero: the writer does not record packet starts (QEMU's"
                + " host side does this), so these 2 were found walking forward from offset 0, where they reach the"
                + " read index exactly (the ring has not wrapped)"), h.stop());
    }

    /** Live data that wraps past the end covers the bytes from 0 on: they are not consumed, and not walked. */
    @Test
    void noWalkFromZeroIntoLiveDataThatWrapped() {
        History h = history(new RingWriter(4096).inband(0, new byte[24]).inband(1, new byte[24])
                .putU64(40, 0).putU64(88, 0).readIndex(96).writeIndex(48));
        assertEquals(List.of(), h.packets());
    }

    /** The real capture (docs/ring-format.md §10): outbound, 29 packets through trailers; inbound, 3 from zero. */
    @Test
    void realBalloonCaptureRecoversAll29OutboundPacketsAndTheThreeInboundOnesFromZero() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("../samples/balloon-uio-pair.bin"));
        InputReport report = inspect(bytes, Layout.UIO_PAIR);
        History out = report.rings().get(0).consumed();
        assertEquals(29, out.packets().size());
        assertTrue(out.packets().stream().allMatch(p -> p.descriptor().type() == 6 && p.descriptor().offset8() == 2));
        assertEquals(0, out.packets().get(0).offset());
        assertEquals(2040, out.packets().get(28).offset() + out.packets().get(28).descriptor().footprint());
        assertEquals(0, out.stop().offset());
        History in = report.rings().get(1).consumed();
        assertEquals(List.of(0L, 40L, 80L), in.packets().stream().map(p -> p.offset()).toList());
        assertEquals(new ConsumedStop(0, "trailer at 0x70 is zero: the writer does not record packet starts (QEMU's"
                + " host side does this), so these 3 were found walking forward from offset 0, where they reach the"
                + " read index exactly (the ring has not wrapped)"), in.stop());
    }
}
