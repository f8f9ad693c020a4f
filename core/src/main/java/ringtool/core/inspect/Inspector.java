package ringtool.core.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ringtool.core.bytes.ByteSource;
import ringtool.core.image.Images;
import ringtool.core.model.ReaderModel;
import ringtool.core.payload.ClassIdFiles;
import ringtool.core.payload.DeviceClass;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.report.InputReport;
import ringtool.core.report.Reading;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.source.FramedInput;
import ringtool.core.source.FramedRing;
import ringtool.core.source.Framer;
import ringtool.core.source.FramingOptions;
import ringtool.core.source.InputException;
import ringtool.core.source.InputFiles;
import ringtool.core.source.LiveCopy;
import ringtool.core.walk.RingSnapshot;

/**
 * The reader's front door, the same for the CLI and the fuzz harnesses: bytes in, an {@link InputReport} out.
 * It never throws for a bad input: what cannot be framed becomes the report's {@code error}.
 *
 * @param readIndex where to start the walk instead of each ring's {@code read_index} (the guest's
 *                  {@code priv_read_index} from a crash dump), or null
 * @param models    reader models to run over each ring beside the strict walk ({@code --model})
 * @param history   walk back from the start cursor through consumed packets ({@code --history})
 * @param payload   how each ring's protocol is picked for decoding payloads ({@code --protocol}, {@code --class-id})
 * @param rings     which rings of a pair to report, and a start per ring ({@code --ring}, {@code --read-index NAME=N})
 */
public record Inspector(FramingOptions framing, Long readIndex, List<ReaderModel> models, boolean history,
                        PayloadOptions payload, RingChoice rings) {

    public Inspector {
        models = List.copyOf(models);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(rings, "rings");
    }

    public Inspector(FramingOptions framing, Long readIndex, List<ReaderModel> models, boolean history,
                     PayloadOptions payload) {
        this(framing, readIndex, models, history, payload, RingChoice.ALL);
    }

    public Inspector(FramingOptions framing, Long readIndex, List<ReaderModel> models, boolean history) {
        this(framing, readIndex, models, history, PayloadOptions.DEFAULTS);
    }

    public Inspector(FramingOptions framing, Long readIndex) {
        this(framing, readIndex, List.of(), false);
    }

    public static Inspector defaults() {
        return new Inspector(FramingOptions.defaults(), null);
    }

    public InputReport inspect(Path path, String source) {
        try {
            DeviceClass device = ClassIdFiles.beside(path);
            Path real = InputFiles.realPath(path);
            if (InputFiles.isLiveAt(real)) {
                return inspectLive(source, InputFiles.liveCopy(path), device);
            }
            return inspectFramed(source, InputFiles.open(path, real), device);
        } catch (InputException e) {
            return InputReport.failed(source, framing.layout().id(), e.getMessage());
        }
    }

    public InputReport inspect(String source, ByteSource bytes) {
        try {
            return inspectFramed(source, bytes, null);
        } catch (InputException e) {
            return InputReport.failed(source, framing.layout().id(), e.getMessage());
        }
    }

    /** A live ring: the copy is framed and walked; indices that moved during the copy are input findings. */
    public InputReport inspectLive(String source, LiveCopy copy) {
        return inspectLive(source, copy, null);
    }

    private InputReport inspectLive(String source, LiveCopy copy, DeviceClass device) {
        try {
            FramedInput framed = Framer.frame(copy.bytes(), framing);
            List<Finding> findings = new ArrayList<>(framed.findings());
            findings.addAll(copy.tornReads(framed));
            return report(source, copy.bytes(),
                    new FramedInput(framed.layout(), framed.decision(), framed.rings(), findings), device);
        } catch (InputException e) {
            return InputReport.failed(source, framing.layout().id(), e.getMessage());
        }
    }

    private InputReport inspectFramed(String source, ByteSource bytes, DeviceClass device) throws InputException {
        refuseMemoryImage(bytes);
        return report(source, bytes, Framer.frame(bytes, framing), device);
    }

    private InputReport report(String source, ByteSource bytes, FramedInput framed, DeviceClass device)
            throws InputException {
        List<FramedRing> chosen = rings.choose(framed.rings());
        List<RingReport> reports = new ArrayList<>(chosen.size());
        for (FramedRing r : chosen) {
            reports.add(ring(bytes, r, device));
        }
        return new InputReport(source, framed.layout().id(), framed.decision(), reports, framed.findings(), null);
    }

    /**
     * A whole memory image is no ring dump: framing it would report nonsense rings. Ring dumps cannot start with
     * these signatures (each would be an odd write_index).
     */
    private static void refuseMemoryImage(ByteSource bytes) throws InputException {
        String container = Images.sniff(bytes);
        if ("elf".equals(container) && !Images.isElfCore(bytes)) {
            throw new InputException("this is an ELF file, not a ring dump");
        }
        if (container != null) {
            throw new InputException("this is a " + ("elf".equals(container) ? "memory image (ELF core)"
                    : "vmcore (" + container + ")") + ": use 'ringtool carve'");
        }
    }

    private RingReport ring(ByteSource bytes, FramedRing r, DeviceClass device) {
        RingSnapshot snapshot = RingSnapshot.read(r.name(), bytes, r.fileOffset(), r.headerSize(), r.dataSize());
        return new RingReport(snapshot, bytes, new Reading(rings.start(r.name(), readIndex), models, history, payload, device), null);
    }
}
