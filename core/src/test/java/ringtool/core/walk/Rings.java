package ringtool.core.walk;

import java.util.List;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.bytes.ByteSource;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.Layout;

/** Inspects test rings the way the CLI does. */
final class Rings {

    private Rings() {
    }

    static InputReport inspect(byte[] bytes, Layout layout) {
        return new Inspector(new FramingOptions(layout, 4096, null), null).inspect("test.bin", ByteSource.of(bytes));
    }

    static RingReport single(byte[] bytes) {
        InputReport report = inspect(bytes, Layout.SINGLE);
        if (report.error() != null) {
            throw new AssertionError("not framed: " + report.error());
        }
        return report.rings().get(0);
    }

    static RingReport single(byte[] bytes, long readIndex) {
        return new Inspector(new FramingOptions(Layout.SINGLE, 4096, null), readIndex)
                .inspect("test.bin", ByteSource.of(bytes)).rings().get(0);
    }

    static List<String> ruleIds(RingReport ring) {
        return ring.findingList().stream().map(f -> f.rule().id()).toList();
    }

    static Finding only(RingReport ring) {
        List<Finding> all = ring.findingList();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one finding, got " + all);
        }
        return all.get(0);
    }
}
