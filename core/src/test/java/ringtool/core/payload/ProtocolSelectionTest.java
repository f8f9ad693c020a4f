package ringtool.core.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.bytes.ByteSource;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;
import ringtool.core.testing.Hex;
import ringtool.core.testing.RealCaptures;

/** {@code --protocol} and auto's order: --class-id, the class_id beside the input, the content test, nothing. */
class ProtocolSelectionTest {

    private static final String DM = "{525074dc-8985-46e2-8057-a307dc18a502}";
    private static final byte[] STATUS = Hex.parse("""
            05 00 30 00 03 00 00 00  2d b8 00 00 00 00 00 00   |..0.....-.......|
            a8 60 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |.`..............|
            00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00   |................|
            """);

    private static RingReport ring(PayloadOptions options, byte[]... payloads) {
        RingWriter w = new RingWriter(4096);
        for (byte[] p : payloads) {
            w.inband(0, p);
        }
        Inspector inspector = new Inspector(new FramingOptions(Layout.SINGLE, 4096, null), null, List.of(), false,
                options);
        return inspector.inspect("t", ByteSource.of(w.build())).rings().get(0);
    }

    @Test
    void autoPicksBalloonWhenEveryPacketIsABalloonMessage() {
        ProtocolChoice c = ring(PayloadOptions.DEFAULTS, STATUS, STATUS).protocol();
        assertEquals("balloon", c.name());
        assertEquals("auto: no class GUID; balloon fits every packet (2): a known message type and a size within"
                + " the packet", c.decision());
    }

    @Test
    void autoDecodesNothingWhenOnePacketIsNotAMessage() {
        ProtocolChoice c = ring(PayloadOptions.DEFAULTS, STATUS, Hex.parse("ff ff ff ff ff ff ff ff")).protocol();
        assertNull(c.dissector());
        assertEquals("auto: no class GUID, and no protocol's messages fit every packet", c.decision());
    }

    @Test
    void autoDecodesNothingInARingWithoutPackets() {
        assertEquals("auto: no class GUID and no packet to test", ring(PayloadOptions.DEFAULTS).protocol().decision());
    }

    @Test
    void classIdOptionWinsOverTheContent() {
        RingReport r = ring(new PayloadOptions("auto", DM), Hex.parse("ff ff ff ff ff ff ff ff"));
        assertEquals("balloon", r.protocol().name());
        assertEquals("auto: class 525074dc-8985-46e2-8057-a307dc18a502 (balloon) from --class-id",
                r.protocol().decision());
        assertEquals(List.of("balloon.size.beyond_packet", "balloon.type.unknown"),
                r.findingList().stream().map(f -> f.rule().id()).toList());
    }

    @Test
    void aClassWithoutADissectorDecodesNothing() {
        ProtocolChoice c = ring(new PayloadOptions("auto", "cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a"), STATUS).protocol();
        assertNull(c.dissector());
        assertEquals("auto: class cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a (mouse) from --class-id, which no dissector"
                + " decodes", c.decision());
    }

    @Test
    void noneAndANamedProtocolOverrideAuto() {
        RingReport none = ring(PayloadOptions.OFF, STATUS);
        assertEquals("--protocol none", none.protocol().decision());
        assertNull(none.decoder().decode(none.packetList().get(0)).decoded());
        assertEquals("--protocol balloon", ring(new PayloadOptions("balloon", null), STATUS).protocol().decision());
    }

    @Test
    void payloadFindingsCountInTheSummaryAfterTheWalksOwn() {
        RingReport r = ring(new PayloadOptions("balloon", null), Hex.parse("05 00 00 01 03 00 00 00"));
        assertEquals(1, r.summary().errors());
        assertEquals("balloon.size.beyond_packet", r.findingList().get(0).rule().id());
    }

    @Test
    void theChannelRingOfTheRealSysfsTreeIsDecodedByItsDevicesClass(@TempDir Path dir) throws IOException {
        Path tree = RealCaptures.extractBalloonSysfs(dir);
        Path ring = tree.resolve(RealCaptures.BALLOON_DEVICE).resolve("channels/1/ring");
        DeviceClass device = ClassIdFiles.beside(ring);
        assertEquals(DM, device.classId());
        assertEquals(tree.resolve(RealCaptures.BALLOON_DEVICE).resolve("class_id").toAbsolutePath().normalize()
                .toString(), device.source());
        InputReport report = Inspector.defaults().inspect(ring, "ring");
        assertEquals("auto: class 525074dc-8985-46e2-8057-a307dc18a502 (balloon) from " + device.source(),
                report.rings().get(0).protocol().decision());
    }

    @Test
    void aPlainFileHasNoClassBesideIt(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("ring"), new byte[8192]);
        Files.writeString(dir.resolve("class_id"), DM);
        assertNull(ClassIdFiles.beside(file));
    }
}
