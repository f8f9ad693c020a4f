package ringtool.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.model.Models;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;
import ringtool.core.synth.RingWriter;

/**
 * The core never throws for an option value its API accepts, however far from a real ring: data areas smaller
 * than a descriptor under every model and the walk back, and header and data sizes whose sums pass 2^63.
 */
class AnyAcceptedOptionTest {

    private static final byte[] RING = new RingWriter(8192).inband(1, "hello".getBytes()).inband(2, new byte[40])
            .build();

    /** Frames, walks, runs every model and the history, and renders what the writers would ask for. */
    private static String inspect(Layout layout, long headerSize, Long dataSize, Long readIndex) {
        Inspector inspector = new Inspector(new FramingOptions(layout, headerSize, dataSize), readIndex,
                Models.expand(List.of(Models.ALL), 4096), true);
        InputReport report = inspector.inspect("ring", ByteSource.of(RING));
        if (report.error() != null) {
            return report.error();
        }
        List<String> ends = new ArrayList<>();
        for (RingReport r : report.rings()) {
            r.packets().forEach(p -> { });
            r.findings().forEach(f -> { });
            r.modelResults().forEach(m -> ends.add(m.model() + " " + m.end().detail()));
            ends.add("history " + r.consumed().stop().reason());
        }
        return String.join("; ", ends);
    }

    @Test
    void dataAreasSmallerThanADescriptorEndEveryReaderAndTheWalkBack() {
        for (long data = 0; data <= 32; data += 4) {
            for (Long read : new Long[] {null, 0L, 8L, 16L, Long.MAX_VALUE}) {
                inspect(Layout.SINGLE, 4096, data, read);
            }
        }
        assertEquals("linux-5.14 a data area of 8 bytes cannot hold a 16-byte descriptor: nothing to read;"
                + " linux-4.11 a data area of 8 bytes cannot hold a 16-byte descriptor: nothing to read;"
                + " linux-4.4 a data area of 8 bytes cannot hold a 16-byte descriptor: nothing to read;"
                + " openvmm a data area of 8 bytes cannot hold a 16-byte descriptor: nothing to read;"
                + " history a data area of 8 bytes cannot hold a packet and its trailer",
                inspect(Layout.SINGLE, 4096, 8L, 0L));
    }

    @Test
    void sizesWhoseSumsPassTwoTo63AreRefusedNotWrapped() {
        for (Layout layout : Layout.values()) {
            assertEquals("a data area of 9223372036854775807 bytes does not fit the file (12288 bytes) after a"
                    + " 4096-byte header", inspect(layout, 4096, Long.MAX_VALUE, null));
            assertEquals("a data area of 4611686018427387904 bytes does not fit the file (12288 bytes) after a"
                    + " 4096-byte header", inspect(layout, 4096, 1L << 62, null));
            assertEquals("too small: 12288 bytes, a ring needs at least 9223372036854775808 (a 9223372036854771712"
                    + "-byte header and one 4096-byte page of data)", inspect(layout, 0x7fff_ffff_ffff_f000L, null,
                    null));
        }
    }
}
