package ringtool.core.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ringtool.core.format.DeviceKinds;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.rules.Finding;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.InputException;
import ringtool.core.testing.RealCaptures;

class SysfsReaderTest {

    private static List<String> messages(DeviceInfo d) {
        return d.findings().stream().map(f -> f.rule().id() + ": " + f.message()).toList();
    }

    @Test
    void anIdleHeartbeatDeviceHasNoFindingsAndItsCountersKeepAllSixtyFourBits() {
        DeviceInfo d = SysfsReader.read("devices/hb", MapTree.heartbeat());
        assertEquals(List.of(), messages(d));
        assertEquals("heartbeat", d.kind());
        assertEquals("57164f39-9115-4e78-ab55-382f3bd5422d", d.classId());
        assertEquals(12288L, d.in().dataSize());
        assertEquals(-1L, d.channels().get(0).value("interrupts"));
        assertEquals(List.of(new DeviceInfo.VpMapping(15, 1)), d.vpMapping());
    }

    @Test
    void aNegativePercentDValueIsTheU32ItStandsForAndIsOutOfRange() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().ring("in", 0, -16, 64, 80, 12208)
                .put("channels/15/read_avail", "80"));
        assertEquals(4294967280L, d.in().readIndex());
        assertEquals(List.of("sysfs.read_index.out_of_range: in_read_index: expected < 12288 (the data size), got"
                + " 4294967280"), messages(d));
    }

    @Test
    void unalignedAndOutOfRangeWriteIndicesAreErrors() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().ring("out", 0, 128, 12292, 0, 12288));
        assertEquals(List.of(
                "sysfs.write_index.out_of_range: out_write_index: expected < 12288 (the data size), got 12292",
                "sysfs.write_index.unaligned: out_write_index: expected a multiple of 8, got 12292"), messages(d));
    }

    @Test
    void unalignedReadIndex() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().ring("in", 0, 4, 64, 60, 12228)
                .put("channels/15/read_avail", "60"));
        assertEquals(List.of("sysfs.read_index.unaligned: in_read_index: expected a multiple of 8, got 4"),
                messages(d));
    }

    @Test
    void aDataSizeThatIsNoPageMultipleIsAnError() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().ring("in", 0, 0, 0, 0, 5000)
                .put("channels/15/read_avail", "0"));
        assertEquals(List.of("sysfs.data_size.invalid: in_read_bytes_avail + in_write_bytes_avail (the data size):"
                + " expected a non-zero multiple of 4096, got 5000"), messages(d));
    }

    @Test
    void anInterruptMaskOtherThanZeroOrOneIsAWarning() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().put("in_intr_mask", "2")
                .put("channels/15/out_mask", "7"));
        assertEquals(List.of("sysfs.interrupt_mask.invalid: in_intr_mask: expected 0 or 1, got 2",
                "sysfs.interrupt_mask.invalid: channels/15/out_mask: expected 0 or 1, got 7"), messages(d));
    }

    @Test
    void unreadableFilesOfAnUnopenedChannelAreFindingsNotFailures() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().fail("channels/15/read_avail", "Invalid argument")
                .fail("in_read_index", "Input/output error"));
        assertEquals(List.of(
                "sysfs.attribute.unreadable: in_read_index: cannot be read: Input/output error",
                "sysfs.attribute.unreadable: channels/15/read_avail: cannot be read: Invalid argument (EINVAL: the"
                        + " channel's ring is not mapped, i.e. the channel is not open)"), messages(d));
        assertNull(d.in().readIndex());
        assertNull(d.channels().get(0).value("read_avail"));
    }

    @Test
    void missingFilesAreNormal() {
        MapTree t = MapTree.heartbeat();
        for (String f : List.of("in_intr_mask", "in_read_index", "in_write_index", "in_read_bytes_avail",
                "in_write_bytes_avail", "channels/15/events", "state")) {
            t.remove(f);
        }
        DeviceInfo d = SysfsReader.read("hb", t);
        assertEquals(List.of(), messages(d));
        assertEquals(true, d.in().isEmpty());
        assertNull(d.state());
    }

    @Test
    void textWhereANumberBelongsIsInvalid() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().put("state", "open").put("class_id", "{nope}")
                .put("channel_vp_mapping", "15"));
        assertEquals(List.of("sysfs.attribute.invalid: class_id: expected a GUID, got '{nope}'",
                "sysfs.attribute.invalid: state: expected a %d-printed 32-bit value, got 'open'",
                "sysfs.attribute.invalid: channel_vp_mapping: expected lines of relid:cpu, got '15'"), messages(d));
        assertNull(d.kind());
    }

    @Test
    void oneReportsWorthOfDifferenceBetweenIndicesAndAvailabilityIsANote() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().ring("out", 0, 1968, 2040, 0, 12288));
        assertEquals(List.of("sysfs.avail.skew: out_read_bytes_avail (0) against the bytes between out_read_index and"
                + " out_write_index (72): 72 bytes apart; the files were read at different moments"), messages(d));
    }

    @Test
    void channelAndDeviceAvailabilityFarApartIsAnError() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat().put("channels/15/read_avail", "8000")
                .put("channels/15/write_avail", "20000"));
        assertEquals(List.of("sysfs.avail.mismatch: channels/15/read_avail (8000) against in_read_bytes_avail (0):"
                        + " 8000 bytes apart, more than a quarter of the 12288-byte data area",
                "sysfs.avail.mismatch: channels/15/write_avail (20000) against out_write_bytes_avail (12288): more than"
                        + " the 12288-byte data area"), messages(d));
    }

    @Test
    void kindsComeFromTheLinuxClassGuidsAndUnknownOnesStayGuids() {
        assertEquals("network", DeviceKinds.of("{f8615163-df3e-46c5-913f-f2d2f965ed0e}"));
        assertEquals("shutdown", DeviceKinds.of("0E0B6031-5213-4934-818B-38D90CED39DB"));
        assertEquals("PCI pass-through", DeviceKinds.of("{44c4f61d-4444-4400-9d52-802e27ede19f}"));
        assertEquals("00000000-0000-0000-0000-000000000001", DeviceKinds.of("{00000000-0000-0000-0000-000000000001}"));
    }

    @Test
    void theRealBalloonTreeReadsAsTheKernelPrintedIt(@TempDir Path tmp) throws InputException {
        Path root = RealCaptures.extractBalloonSysfs(tmp);
        List<Path> devices = SysfsReader.deviceDirectories(root.resolve("cap/sysfs"));
        assertEquals(List.of(root.resolve(RealCaptures.BALLOON_DEVICE)), devices);
        assertEquals(devices, SysfsReader.deviceDirectories(root.resolve("cap/sysfs/bus/vmbus/devices")));
        assertEquals(devices, SysfsReader.deviceDirectories(devices.get(0)));
        DeviceInfo d = SysfsReader.read("balloon", new DirectoryTree(devices.get(0)));
        assertEquals("balloon", d.kind());
        assertEquals("c910c465-aa71-47ff-944b-dbfe82066e45", d.deviceId());
        assertEquals(new RingDebugInfo(0L, 1968L, 2040L, 0L, 16384L), d.out());
        assertEquals(new RingDebugInfo(0L, 120L, 120L, 0L, 16384L), d.in());
        assertEquals(28L, d.channels().get(0).value("events"));
        assertEquals(List.of("sysfs.avail.skew: out_read_bytes_avail (0) against the bytes between out_read_index and"
                + " out_write_index (72): 72 bytes apart; the files were read at different moments"), messages(d));
    }

    @Test
    void aDirectoryWithoutDevicesCannotBeProcessed(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        InputException e = assertThrows(InputException.class,
                () -> SysfsReader.deviceDirectories(tmp.resolve("empty")));
        assertEquals("no VMBus device directory here (none has class_id, device_id, in_read_index or channels/)",
                e.getMessage());
        assertEquals("no such directory", assertThrows(InputException.class,
                () -> SysfsReader.deviceDirectories(tmp.resolve("missing"))).getMessage());
    }

    @Test
    void theRealRingAgainstTheRealTreeShowsTheReportTheHostConsumedBetweenReads(@TempDir Path tmp) {
        Path dir = RealCaptures.extractBalloonSysfs(tmp).resolve(RealCaptures.BALLOON_DEVICE);
        DeviceInfo d = SysfsReader.read("balloon", new DirectoryTree(dir));
        InputReport dump = Inspector.defaults().inspect("balloon-ring.bin", ByteSource.of(RealCaptures.balloonRing()));
        List<Finding> f = RingCrossCheck.check(d, dump, "in");
        assertEquals(List.of("sysfs.ring.header_mismatch: balloon-ring.bin outbound ring read_index: expected 1968"
                + " (out_read_index), got 2040"), f.stream().map(x -> x.rule().id() + ": " + x.message()).toList());
    }

    @Test
    void aRingOfAnotherSizeThanSysfsSaysIsADataSizeMismatch() {
        DeviceInfo d = SysfsReader.read("hb", MapTree.heartbeat());
        InputReport dump = Inspector.defaults().inspect("single.bin",
                ByteSource.of(new ringtool.core.synth.RingWriter(16384).startAt(64).build()));
        List<Finding> f = RingCrossCheck.check(d, dump, "in");
        assertEquals(List.of("sysfs.ring.data_size_mismatch: single.bin ring ring data size: expected 12288"
                + " (in_read_bytes_avail + in_write_bytes_avail), got 16384"),
                f.stream().map(x -> x.rule().id() + ": " + x.message()).toList());
    }

    @Test
    void aCopyWhoseDeviceLinksDangleSaysHowToCopy(@TempDir Path tmp) throws IOException {
        Path devices = Files.createDirectories(tmp.resolve("devices"));
        Files.createSymbolicLink(devices.resolve("c910c465-aa71-47ff-944b-dbfe82066e45"),
                Path.of("../../../devices/LNXSYSTM:00/VMBUS:00/c910c465-aa71-47ff-944b-dbfe82066e45"));
        InputException e = assertThrows(InputException.class, () -> SysfsReader.deviceDirectories(devices));
        assertEquals("no VMBus device directory here (none has class_id, device_id, in_read_index or channels/); 1 entry"
                + " is a dangling symlink: copy /sys/bus/vmbus/devices with cp -rL", e.getMessage());
    }
}
