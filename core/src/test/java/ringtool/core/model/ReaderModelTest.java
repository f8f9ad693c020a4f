package ringtool.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.rules.Rules;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;

/** Each behaviour of {@code docs/readers.md} §3–§5.4 and §6.1, one ring per row. */
class ReaderModelTest {

    private static RingReport inspect(RingWriter ring, ReaderModel... models) {
        Inspector inspector = new Inspector(new FramingOptions(Layout.SINGLE, 4096, null), null, List.of(models),
                false);
        return inspector.inspect("test", ByteSource.of(ring.build())).rings().get(0);
    }

    private static ModelResult run(RingWriter ring, ReaderModel model) {
        return inspect(ring, model).modelResults().get(0);
    }

    private static List<String> rules(ModelResult r) {
        return r.findings().stream().map(f -> f.rule().id()).collect(Collectors.toList());
    }

    private static byte[] descriptor(int type, int offset8, int len8, int flags, long transactionId, int total) {
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) type).putShort((short) offset8).putShort((short) len8).putShort((short) flags)
                .putLong(transactionId);
        return b.array();
    }

    /** Three well-formed packets: every model reads them as the strict walk does and catches up at the write index. */
    static Stream<ReaderModel> everyModel() {
        return Stream.of(new Linux514Model(4096), new Linux411Model(), new Linux44Model(4096), new OpenVmmModel());
    }

    /** A start cursor far beyond any mapping (the CLI takes any --read-index) ends each model, never overflows. */
    @ParameterizedTest
    @MethodSource("everyModel")
    void aStartNear2To63EndsTheModelWithoutReadingAnything(ReaderModel model) {
        RingWriter ring = new RingWriter(4096).startAt(0).inband(1, new byte[40]);
        Inspector inspector = new Inspector(new FramingOptions(Layout.SINGLE, 4096, null), 0x7FFF_FFFF_FFFF_FFF0L,
                List.of(model), false);
        ModelResult r = inspector.inspect("test", ByteSource.of(ring.build())).rings().get(0).modelResults().get(0);
        assertEquals(List.of(), r.reads());
        assertTrue(r.end().reason() == EndReason.FAULT || r.end().reason() == EndReason.REJECTED
                || r.end().reason() == EndReason.CAUGHT_UP, r.end().toString());
    }

    @ParameterizedTest
    @MethodSource("everyModel")
    void wellFormedRingIsReadAsTheStrictWalkReadsIt(ReaderModel model) {
        RingWriter ring = new RingWriter(4096).startAt(4000).inband(1, new byte[40]).inband(2, new byte[100])
                .inband(3, new byte[8]);
        ModelResult r = run(ring, model);
        assertEquals(List.of(4000L, 4064L, 96L), r.reads().stream().map(ModelRead::offset).toList());
        assertEquals(List.of(0L, 1L, 2L), r.reads().stream().map(ModelRead::strictPacket).toList());
        assertEquals(List.of(7, 15, 3), r.reads().stream().map(ModelRead::len8).toList());
        assertEquals(EndReason.CAUGHT_UP, r.end().reason());
        assertEquals(ring.cursor(), r.end().cursor());
        assertEquals(3, r.end().reads());
        assertEquals(List.of(), r.findings());
    }

    /**
     * §5.3, the real hv_balloon desync on 5.14 with the 4096-byte default buffer: a host packet with offset8 2 and
     * len8 514 is clamped to 512 (recvlen 4080); the cursor advances 4104 instead of 4120, and the next
     * "descriptor" is the last 8 payload bytes plus the old trailer: offset8 21, len8 16640, clamped to 512
     * (recvlen 3928), the trailer as its transaction id, dm_hdr->type 63886.
     */
    @Test
    void linux514ReproducesTheHvBalloonDesync() {
        byte[] payload = new byte[4096];
        // Bytes 4104..4111 of the packet (payload offset 4088): what the iterator takes for type, offset8, len8.
        ByteBuffer tail = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        tail.putShort(4088, (short) 0x0008).putShort(4090, (short) 21).putShort(4092, (short) 16640);
        RingWriter ring = new RingWriter(16384).inband(0x11, payload).inband(0x12, new byte[4184]);
        // dm_hdr->type as the driver sees it in the second copy: at 4104 + 21 * 8, inside the next packet.
        ring.putU16(4104 + 168, 63886);
        ModelResult r = run(ring, new Linux514Model(4096));
        ModelRead first = r.reads().get(0);
        assertEquals(0, first.offset());
        assertEquals(512, first.len8());
        assertEquals(2, first.offset8());
        assertEquals(4080, first.bytes() - first.offset8() * 8L);
        assertNull(first.strictPacket());
        ModelRead second = r.reads().get(1);
        assertEquals(4104, second.offset());
        assertEquals(21, second.offset8());
        assertEquals(512, second.len8());
        assertEquals(3928, second.bytes() - second.offset8() * 8L);
        assertEquals(0L, second.transactionId()); // the trailer of a packet at 0
        assertFalse(second.beyondWriteIndex());
        assertNull(second.strictPacket());
        Finding clamp = r.findings().get(0);
        assertEquals(Rules.MODEL_LINUX_5_14_CLAMPED_LEN8, clamp.rule());
        assertEquals("linux-5.14", clamp.model());
        assertEquals(0L, clamp.packet());
        assertTrue(clamp.message().startsWith("clamps len8 514 at 0x0 (above min(pkt_buffer_size 4096, available 8328))"
                + " to 512: the driver gets 4080 payload bytes"), clamp.message());
        assertTrue(rules(r).contains("model.linux-5.14.desync"));
        // With the 8192-byte buffer of the fix the same ring is read as the strict walk reads it.
        ModelResult fixed = run(ring, new Linux514Model(8192));
        assertEquals(List.of(0L, 1L), fixed.reads().stream().map(ModelRead::strictPacket).toList());
        assertEquals(EndReason.CAUGHT_UP, fixed.end().reason());
    }

    /** §5.4 item 1: a len8 clamped to "available" puts the cursor 8 past the write index; ghosts repeat forever. */
    @Test
    void linux514ClampToAvailableEndsInAGhostLoop() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).putU16(4, 100);
        ModelResult r = run(ring, new Linux514Model(4096));
        assertEquals(2, r.reads().size());
        assertEquals(5, r.reads().get(0).len8()); // 40 bytes available
        ModelRead ghost = r.reads().get(1);
        assertEquals(48, ghost.offset());
        assertTrue(ghost.beyondWriteIndex());
        assertEquals(511, ghost.len8()); // min(4096, 4096 - 48 + 40) = 4088
        assertEquals(2, ghost.offset8());
        assertEquals(new ModelEnd(EndReason.LOOP, 48, 2, "back at 0x30, already read: the reader spins forever"),
                r.end());
        assertEquals(List.of("model.linux-5.14.clamped_len8", "model.linux-5.14.passed_write_index",
                "model.linux-5.14.clamped_offset8", "model.linux-5.14.ghost_packet", "model.linux-5.14.loop"),
                rules(r));
        assertTrue(r.findings().get(0).message().endsWith("(first of 2 reads)"), r.findings().get(0).message());
    }

    /** §5.4 item 1: a 176-byte buffer on a 16 KiB ring: 89 ghost reads, then the cursor lands on the write index. */
    @Test
    void linux514SmallBufferGhostWalkCatchesUpAfter89Reads() {
        RingWriter ring = new RingWriter(16384).inband(1, new byte[16]).putU16(4, 100);
        ModelResult r = run(ring, new Linux514Model(176));
        assertEquals(90, r.reads().size());
        assertEquals(89, r.reads().stream().filter(ModelRead::beyondWriteIndex).count());
        assertEquals(new ModelEnd(EndReason.CAUGHT_UP, 40, 90,
                "0 bytes available, fewer than a 16-byte descriptor"), r.end());
    }

    /** §5.4: an unaligned write index gives len8 = floor(available / 8). */
    @Test
    void linux514UnalignedWriteIndexFloorsTheClampedLen8() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).putU16(4, 100).writeIndex(44);
        assertEquals(5, run(ring, new Linux514Model(4096)).reads().get(0).len8());
    }

    /** §3.4 item 5: offset8 beyond len8 is forced to 2; offset8 equal to len8 is kept (an empty payload). */
    @Test
    void linux514ForcesOffset8BeyondLen8ToTwoAndKeepsEqual() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).putU16(2, 5).inband(2, new byte[16])
                .putU16(40 + 2, 4);
        ModelResult r = run(ring, new Linux514Model(4096));
        assertEquals(2, r.reads().get(0).offset8());
        assertEquals(4, r.reads().get(1).offset8());
        assertEquals(List.of("model.linux-5.14.clamped_offset8"), rules(r));
        assertEquals(EndReason.CAUGHT_UP, r.end().reason());
    }

    /**
     * §5.2 item 4 (measured in §5.4): KVP's 16384-byte buffer on a 12288-byte ring with an out-of-range write
     * index: the first copy from beyond 8192 runs past header + 2 x 12288 bytes.
     */
    @Test
    void linux514KvpBufferFaultsOnTheFirstRead() {
        RingWriter ring = new RingWriter(12288).startAt(8200).writeIndex(0xFFFF_FFF8L);
        ModelResult r = run(ring, new Linux514Model(16384));
        assertEquals(0, r.reads().size());
        assertEquals(EndReason.FAULT, r.end().reason());
        assertEquals(8200, r.end().cursor());
        assertEquals(List.of("model.linux-5.14.read_past_mapping"), rules(r));
        assertEquals("copies 16384 bytes from 0x2008, past the double mapping of 0x6000 bytes (pkt_buffer_size 16384)",
                r.findings().get(0).message());
    }

    /** §5.4 item 3: len8 * 8 equal to the bytes available: to w + 8, an 8-byte creep through zeros, from 0 again. */
    @Test
    void linux411PacketWithoutRoomForItsTrailerCreepsAndRedeliversForever() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).writeIndex(32);
        ModelResult r = run(ring, new Linux411Model());
        assertEquals(1 + (4096 - 40) / 8, r.reads().size());
        assertEquals(40, r.reads().get(1).offset());
        assertEquals(0, r.reads().get(1).len8());
        assertEquals(new ModelEnd(EndReason.LOOP, 0, 508, "back at 0x0, already read: the reader spins forever"),
                r.end());
        assertEquals(List.of("model.linux-4.11.passed_write_index", "model.linux-4.11.ghost_packet",
                "model.linux-4.11.loop"), rules(r));
    }

    /** §5.4 item 4: len8 0 creeps while bytes are zero; the first non-zero len8 jumps past the mapping: a fault. */
    @Test
    void linux411Len8ZeroCreepsThenFaults() {
        byte[] payload = new byte[16];
        payload[4] = 0x00;
        payload[5] = 0x10; // len8 4096 read at offset 16 + 4 = 20
        RingWriter ring = new RingWriter(4096).inband(1, payload).putU16(4, 0).putU64(8, 0);
        ModelResult r = run(ring, new Linux411Model());
        assertEquals(List.of(0L, 8L, 16L), r.reads().stream().map(ModelRead::offset).toList());
        assertEquals(EndReason.FAULT, r.end().reason());
        assertEquals(16 + 32768 + 8 - 4096, r.end().cursor());
        assertEquals(List.of("model.linux-4.11.payload_underflow", "model.linux-4.11.packet_past_mapping",
                "model.linux-4.11.passed_write_index", "model.linux-4.11.cursor_beyond_data",
                "model.linux-4.11.read_past_mapping"), rules(r));
    }

    /** §4.1 / §5.4 item 7: offset8 > len8 is handed over by foreach_vmbus_pkt; vmbus_recvpacket would live-lock. */
    @Test
    void linux411PayloadUnderflowIsReportedAndTheIteratorGoesOn() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).putU16(2, 5).inband(2, new byte[8]);
        ModelResult r = run(ring, new Linux411Model());
        assertEquals(2, r.reads().size());
        assertEquals(EndReason.CAUGHT_UP, r.end().reason());
        assertEquals(List.of("model.linux-4.11.payload_underflow"), rules(r));
        assertEquals("offset8 5 > len8 4 at 0x0: the payload length underflows to 4294967288; vmbus_recvpacket would"
                + " return -ENOBUFS forever", r.findings().get(0).message());
    }

    static Stream<Arguments> linux44Ends() {
        return Stream.of(
                // §5.4 item 5: an empty payload (a completion without data) stalls for good.
                Arguments.of("empty payload", new RingWriter(4096).packet(11, 0, 5, new byte[0], new byte[0]), 4096L,
                        EndReason.STALLED, 0L, 0L, "model.linux-4.4.stalled"),
                // §5.4 item 6: -EAGAIN ignored: the same stale buffer on every call.
                Arguments.of("payload beyond available", new RingWriter(4096).inband(1, new byte[48]).writeIndex(32),
                        4096L, EndReason.LOOP, 0L, 1L, "model.linux-4.4.ignored_eagain"),
                // §4.2: a payload larger than the caller's buffer is refused and never consumed.
                Arguments.of("buffer too small", new RingWriter(4096).inband(1, new byte[100]), 64L,
                        EndReason.REJECTED, 0L, 0L, "model.linux-4.4.buffer_too_small"),
                // §5.2 item 3: offset8 > len8 underflows the payload length: refused forever.
                Arguments.of("offset8 beyond len8", new RingWriter(4096).inband(1, new byte[16]).putU16(2, 5), 4096L,
                        EndReason.REJECTED, 0L, 0L, "model.linux-4.4.payload_underflow"),
                // §5.2 item 6 / §5.4: a shared read_index beyond the data area: the peek reads outside the ring.
                Arguments.of("read index beyond the data area", new RingWriter(4096).inband(1, new byte[8])
                        .readIndex(5000), 4096L, EndReason.FAULT, 5000L, 0L, "model.linux-4.4.read_past_mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linux44Ends")
    void linux44EndsAsTheOldKernelDoes(String what, RingWriter ring, long buffer, EndReason reason, long cursor,
                                       long reads, String rule) {
        ModelResult r = run(ring, new Linux44Model(buffer));
        assertEquals(reason, r.end().reason());
        assertEquals(cursor, r.end().cursor());
        assertEquals(reads, r.end().reads());
        assertEquals(List.of(rule), rules(r));
    }

    /** §5.4 item 3: linux-4.4 publishes read_index = w + 8 and then stops on the zeros after it. */
    @Test
    void linux44PublishesReadIndexPastTheWriteIndex() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).writeIndex(32);
        ModelResult r = run(ring, new Linux44Model(4096));
        assertEquals(1, r.reads().size());
        assertEquals(new ModelEnd(EndReason.STALLED, 40, 1, "empty payload at 0x28: hv_ringbuffer_read's -EINVAL is"
                + " ignored, the driver sees an empty ring"), r.end());
        assertEquals(List.of("model.linux-4.4.passed_write_index", "model.linux-4.4.stalled"), rules(r));
    }

    static Stream<Arguments> openvmmErrors() {
        return Stream.of(
                Arguments.of(new RingWriter(4096).inband(1, new byte[8]).writeIndex(33),
                        "InvalidRingPointer: write_index (in) 0x21 is not an 8-aligned offset below 0x1000"),
                Arguments.of(new RingWriter(4096).inband(1, new byte[8]).writeIndex(8),
                        "InvalidDataAvailable: 8 bytes available, fewer than a descriptor"),
                Arguments.of(new RingWriter(4096).inband(1, new byte[8]).putU16(4, 9),
                        "InvalidDescriptorLengths: offset8 2, len8 9 with 32 bytes available"),
                Arguments.of(new RingWriter(4096).inband(1, new byte[8]).putU16(6, 2),
                        "InvalidDescriptorFlags: flags 0x2"),
                Arguments.of(new RingWriter(4096).packet(8, 0, 1, new byte[0], new byte[8]),
                        "InvalidDescriptorType: type 0x8"),
                Arguments.of(new RingWriter(4096).packet(7, 0, 1, new byte[0], new byte[8]),
                        "InvalidDescriptorLengths: type 7 with offset8 2 has no room for its extended header"),
                Arguments.of(new RingWriter(4096).packet(9, 0, 1, new byte[8], new byte[8]),
                        "InvalidDescriptorGpaDirectRangeCount: range_count 0"));
    }

    @ParameterizedTest
    @MethodSource("openvmmErrors")
    void openvmmReturnsItsFirstErrorKind(RingWriter ring, String detail) {
        ModelResult r = run(ring, new OpenVmmModel());
        assertEquals(EndReason.REJECTED, r.end().reason());
        assertEquals(detail, r.end().detail());
        assertEquals(List.of("model.openvmm.rejected"), rules(r));
    }

    /** docs/readers.md §6.1: a packet that exactly fills the bytes available is accepted; then stale bytes. */
    @Test
    void openvmmAcceptsAPacketThatExactlyFillsTheAvailableBytes() {
        RingWriter ring = new RingWriter(4096).inband(1, new byte[16]).writeIndex(32);
        ModelResult r = run(ring, new OpenVmmModel());
        assertEquals(1, r.reads().size());
        assertNull(r.reads().get(0).strictPacket()); // the strict walk rejects it
        assertEquals(new ModelEnd(EndReason.REJECTED, 40, 1,
                "InvalidDescriptorLengths: offset8 0, len8 0 with 4088 bytes available"), r.end());
        assertEquals(List.of("model.openvmm.exact_fill", "model.openvmm.rejected"), rules(r));
    }

    /** §5.4 item 2: after a wrap, w + 8 can be an old, well-formed packet: all readers re-deliver it. */
    @Test
    void ghostReadsRedeliverOldPacketsOfThePreviousLap() {
        RingWriter ring = new RingWriter(4096);
        // Previous lap: packets at 0, 40, 80, ... ; then the live packet at 0 lacks room for its trailer.
        for (int i = 0; i < 102; i++) {
            ring.inband(100 + i, new byte[16]);
        }
        ring.startAt(0).inband(1, new byte[16]).writeIndex(32);
        ModelResult r = run(ring, new Linux411Model());
        ModelRead old = r.reads().get(1);
        assertEquals(40, old.offset());
        assertEquals(101, old.transactionId());
        assertTrue(old.beyondWriteIndex());
        assertEquals(EndReason.LOOP, r.end().reason());
        assertEquals(0, r.end().cursor());
    }

    /**
     * Each adversarial layout in terms of each reader (what {@code --model all} shows side by side): the end
     * reason and cursor of linux-5.14, linux-4.11, linux-4.4 and openvmm, in that order.
     */
    static Stream<Arguments> layoutsByEveryReader() {
        return Stream.of(
                Arguments.of("well-formed", new RingWriter(4096).inband(1, new byte[16]),
                        List.of("caught_up@40", "caught_up@40", "caught_up@40", "caught_up@40")),
                Arguments.of("len8 beyond the bytes available", new RingWriter(4096).inband(1, new byte[16])
                        .putU16(4, 100), List.of("loop@48", "loop@0", "loop@0", "rejected@0")),
                Arguments.of("len8 leaves no room for the trailer", new RingWriter(4096).inband(1, new byte[16])
                        .writeIndex(32), List.of("loop@40", "loop@0", "stalled@40", "rejected@40")),
                Arguments.of("len8 0", new RingWriter(4096).inband(1, new byte[16]).putU16(4, 0),
                        List.of("loop@48", "caught_up@32", "rejected@0", "rejected@0")),
                Arguments.of("offset8 beyond len8", new RingWriter(4096).inband(1, new byte[16]).putU16(2, 5),
                        List.of("caught_up@40", "caught_up@40", "rejected@0", "rejected@0")),
                Arguments.of("write index beyond the data area", new RingWriter(4096).inband(1, new byte[16])
                        .writeIndex(0xFFFF_FFF8L), List.of("loop@40", "loop@0", "stalled@40", "rejected@0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layoutsByEveryReader")
    void everyReaderEndsEachAdversarialLayoutItsOwnWay(String layout, RingWriter ring, List<String> ends) {
        RingReport report = inspect(ring, new Linux514Model(4096), new Linux411Model(), new Linux44Model(4096),
                new OpenVmmModel());
        assertEquals(ends, report.modelResults().stream()
                .map(r -> r.end().reason().id() + "@" + r.end().cursor()).toList());
        for (ModelResult r : report.modelResults()) {
            assertTrue(r.findings().stream().allMatch(f -> f.model().equals(r.model())
                    && f.rule().id().startsWith("model." + r.model() + ".")), r.model());
        }
        assertEquals(report.modelResults().stream().mapToLong(r -> r.findings().size()).sum(),
                report.findingList().stream().filter(f -> f.model() != null).count());
    }

    @Test
    void everyModelRuleIsRegisteredWithItsModelInItsId() {
        List<String> ids = Rules.all().stream().map(r -> r.id()).filter(id -> id.startsWith("model.")).toList();
        for (String id : List.of("model.linux-5.14.clamped_len8", "model.linux-5.14.ghost_packet",
                "model.linux-4.11.read_past_mapping", "model.linux-4.4.stalled", "model.openvmm.exact_fill")) {
            assertTrue(ids.contains(id), id);
        }
        for (String id : ids) {
            assertTrue(Models.NAMES.stream().anyMatch(n -> id.startsWith("model." + n + ".")), id);
        }
    }

    @Test
    void expandKeepsOneOfEachInDisplayOrderAndNamesAnUnknownModel() {
        assertEquals(Models.NAMES, Models.expand(List.of("openvmm", "all", "linux-4.4"), 4096).stream()
                .map(ReaderModel::name).toList());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Models.expand(List.of("linux-3.0"), 4096));
        assertEquals("unknown model 'linux-3.0': expected linux-5.14, linux-4.11, linux-4.4, openvmm or all",
                e.getMessage());
    }
}
