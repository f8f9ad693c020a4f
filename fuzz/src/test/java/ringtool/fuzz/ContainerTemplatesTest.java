package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ringtool.core.bytes.ByteSource;
import ringtool.core.carve.Carver;
import ringtool.core.image.Images;
import ringtool.core.report.InputReport;
import ringtool.core.source.InputException;

/** The carve target starts from valid images: each template carves into its ring pair, whole and clean. */
class ContainerTemplatesTest {

    @Test
    void everyTemplateCarvesIntoTheRingPairAt0x4000() throws InputException {
        List<String> containers = List.of("raw", "elf", "kdump-compressed", "kdump-flattened");
        for (int kind = 0; kind < ContainerTemplates.ALL.length; kind++) {
            InputReport report = new Carver(Carver.Options.defaults()).carve("template",
                    Images.open(ByteSource.of(ContainerTemplates.ALL[kind]), kind == 0));
            assertEquals(containers.get(kind), report.container());
            assertEquals(List.of("0x4000 outbound", "0x9000 inbound"), report.rings().stream()
                    .map(r -> "0x" + Long.toHexString(r.carve().physicalAddress()) + " " + r.name()).toList(),
                    containers.get(kind));
            assertEquals(List.of(), report.findings(), containers.get(kind));
        }
    }
}
