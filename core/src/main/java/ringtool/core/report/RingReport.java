package ringtool.core.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import ringtool.core.bytes.ByteSource;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import ringtool.core.format.RingHeader;
import ringtool.core.history.History;
import ringtool.core.history.HistoryWalk;
import ringtool.core.model.ModelResult;
import ringtool.core.model.ReaderModel;
import ringtool.core.model.StrictPackets;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.DeviceClass;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.payload.ProtocolChoice;
import ringtool.core.payload.ProtocolSelector;
import ringtool.core.rules.Finding;
import ringtool.core.walk.HeaderChecks;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.StrictWalk;
import ringtool.core.walk.WalkStep;

/**
 * What leaves the core for one ring: its header and the header findings, and its packets and findings as lazy
 * sequences that walk the ring again on each iteration instead of holding it in memory.
 *
 * <p>Where the walks happen, as a writer pulls them: {@link #eachPacket} walks the ring on each call and counts
 * as it goes, so a complete pass leaves the summary behind; {@link #summary()} takes one counting walk on first use
 * unless such a pass left it; {@link #findings()} walks the ring on each iteration, unless the summary's walk found
 * none beyond the header's, and leaves the summary behind when it completes; {@link #packets()} and {@link #steps()}
 * walk it on each iteration. A short ring's walk is kept after its first pass and replayed ({@link StrictWalk}).
 * The protocol choice ({@link #protocol()}: auto's content test, one pass of {@link #packets()}), the reader models
 * ({@link #modelResults()}: one pass of {@link #packets()}, then each model) and the consumed packets
 * ({@link #consumed()}: the walk back) are computed on first use and kept; all are bounded by the data size.
 * See {@code docs/glossary.md} §1 for the stages a ring passes through before it is a report.
 */
public final class RingReport {

    private final RingSnapshot ring;
    private final StrictWalk walk;
    private final List<Finding> headerFindings;
    private final List<ReaderModel> models;
    private final boolean history;
    private final CarveInfo carve;
    private final PayloadOptions payload;
    private final DeviceClass device;
    private ProtocolChoice protocol;
    private Summary summary;
    private List<ModelResult> modelResults;
    private History consumed;

    /**
     * Reads one ring: the header rules now (with the start's, when {@code reading} moves it), the walks on use.
     *
     * @param src   the input that holds the ring's header at {@code ring.fileOffset()}: the header rules scan its
     *              reserved bytes
     * @param carve where {@code ringtool carve} found the ring, with its findings about the ring's pages; null for
     *              a ring read from a dump
     */
    public RingReport(RingSnapshot ring, ByteSource src, Reading reading, CarveInfo carve) {
        List<Finding> findings = new ArrayList<>(HeaderChecks.check(ring, src));
        long start = ring.header().readIndex();
        if (reading.readIndex() != null) {
            start = reading.readIndex();
            findings.addAll(HeaderChecks.checkStart(ring, start));
        }
        if (carve != null) {
            findings.addAll(carve.findings());
        }
        this.ring = ring;
        this.walk = new StrictWalk(ring, start);
        this.headerFindings = List.copyOf(findings);
        this.models = reading.models();
        this.history = reading.history();
        this.payload = reading.payload();
        this.device = reading.device();
        this.carve = carve;
    }

    /** The carve fields, or null unless the ring was carved from a memory image. */
    public CarveInfo carve() {
        return carve;
    }
    /** Whether {@link #modelResults()} has anything to say: a model was asked for. */
    public boolean hasModels() {
        return !models.isEmpty();
    }

    /** What each requested reader would have done, in request order. */
    public synchronized List<ModelResult> modelResults() {
        if (modelResults == null) {
            StrictPackets strict = StrictPackets.of(ring, walk.start(), packets());
            List<ModelResult> out = new ArrayList<>(models.size());
            for (ReaderModel m : models) {
                out.add(m.run(ring, walk.start(), strict));
            }
            modelResults = List.copyOf(out);
        }
        return modelResults;
    }

    /** The protocol the payloads are decoded with and why; auto's content test walks the ring once, on first use. */
    public synchronized ProtocolChoice protocol() {
        if (protocol == null) {
            // With --history the consumed packets are shown decoded too, so they take the content test as well.
            Iterable<Packet> tested = history
                    ? () -> Stream.concat(consumed().packets().stream(), StreamSupport.stream(packets().spliterator(),
                            false)).iterator()
                    : packets();
            protocol = ProtocolSelector.choose(payload, device, ring, tested);
        }
        return protocol;
    }

    /** A decoder for one walk over {@link #packets()}, in order (it ties completions to earlier requests). */
    public PayloadDecoder decoder() {
        return new PayloadDecoder(protocol().dissector(), ring);
    }

    /** Whether {@code --history} was asked for. */
    public boolean hasHistory() {
        return history;
    }

    /** The consumed packets behind the start cursor, or null when {@code --history} was not asked for. */
    public synchronized History consumed() {
        if (history && consumed == null) {
            consumed = HistoryWalk.walk(ring, walk.start());
        }
        return consumed;
    }

    public RingSnapshot snapshot() {
        return ring;
    }

    public String name() {
        return ring.name();
    }

    public long fileOffset() {
        return ring.fileOffset();
    }

    public long headerSize() {
        return ring.headerSize();
    }

    public long dataSize() {
        return ring.dataSize();
    }

    public RingHeader header() {
        return ring.header();
    }

    public long bytesToRead() {
        return ring.header().bytesToRead(ring.dataSize());
    }

    public long bytesToWrite() {
        return ring.header().bytesToWrite(ring.dataSize());
    }

    /** Bytes from the walk's start to the write index, or 0 when the ring cannot be walked. */
    public long bytesToWalk() {
        return walk.available();
    }

    /** Where the walk started: the header's read index or the one the user gave. */
    public long start() {
        return walk.start();
    }

    public List<Finding> headerFindings() {
        return headerFindings;
    }

    /** The strict walk's steps: a walk on each iteration. */
    public Iterable<WalkStep> steps() {
        return walk;
    }

    /** The strict walk's packets: a walk on each iteration. */
    public Iterable<Packet> packets() {
        return () -> new Iterator<>() {
            private final Iterator<WalkStep> steps = walk.iterator();
            private Packet next = advance();

            private Packet advance() {
                while (steps.hasNext()) {
                    if (steps.next() instanceof WalkStep.PacketStep read) {
                        return read.packet();
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Packet next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Packet p = next;
                next = advance();
                return p;
            }
        };
    }

    /** What {@link #eachPacket} hands each packet to. */
    @FunctionalInterface
    public interface PacketSink<E extends Exception> {
        /** @param decoded the payload's decoding, or null */
        void accept(Packet packet, Decoded decoded) throws E;
    }

    /**
     * The strict walk's packets in order, each with its payload's decoding: one walk. It sees every finding the walk
     * and the decoder make, so a pass that completes leaves the summary behind, and {@link #findings()} need not walk
     * again for a ring without findings beyond the header's (the writers' packets pass then is the only one).
     */
    public <E extends Exception> void eachPacket(PacketSink<E> sink) throws E {
        Summary s = count(Summary.EMPTY, headerFindings);
        long packets = 0;
        PayloadDecoder decoder = decoder();
        for (WalkStep step : walk) {
            s = count(s, step.findings());
            if (step instanceof WalkStep.PacketStep read) {
                packets++;
                PayloadDecoder.Result r = decoder.decode(read.packet());
                s = count(s, r.findings());
                sink.accept(read.packet(), r.decoded());
            }
        }
        record(count(s, modelFindings()).withPackets(packets));
    }

    /** By index: the lists are nearly always empty, and an iterator over each would be an object per packet. */
    private static Summary count(Summary s, List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            s = s.add(findings.get(i));
        }
        return s;
    }

    /**
     * Header findings first, then the walk's in ring order (each packet's payload findings after its own), then each
     * model's: a walk on each iteration, none when the summary's walk found nothing beyond the header's.
     */
    public Iterable<Finding> findings() {
        if (walkHasNoFindings()) {
            // The summary's walk saw none: no need to walk again to find none (a healthy ring, most of the time).
            return headerFindings;
        }
        return () -> new Iterator<>() {
            private final Iterator<WalkStep> steps = walk.iterator();
            private final PayloadDecoder decoder = decoder();
            private Iterator<Finding> current = headerFindings.iterator();
            private boolean modelsDone = models.isEmpty();
            // The walk for findings sees every packet and finding, so it leaves the summary behind for free.
            private Summary counted = Summary.EMPTY;
            private long packets;
            private boolean recorded;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && steps.hasNext()) {
                    WalkStep step = steps.next();
                    if (step instanceof WalkStep.PacketStep) {
                        packets++;
                    }
                    current = stepFindings(step, decoder).iterator();
                }
                if (!current.hasNext() && !modelsDone) {
                    modelsDone = true;
                    current = modelFindings().iterator();
                }
                boolean more = current.hasNext();
                if (!more && !recorded) {
                    recorded = true;
                    record(counted.withPackets(packets));
                }
                return more;
            }

            @Override
            public Finding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Finding f = current.next();
                counted = counted.add(f);
                return f;
            }
        };
    }

    private synchronized void record(Summary complete) {
        if (summary == null) {
            summary = complete;
        }
    }

    private synchronized boolean walkHasNoFindings() {
        return summary != null && summary.findings() == headerFindings.size();
    }

    /** Counts by severity and the packets walked: one walk, on first use, unless a writer's pass left them. */
    public synchronized Summary summary() {
        if (summary == null) {
            eachPacket((packet, decoded) -> { });
        }
        return summary;
    }

    /** A step's findings, then those of its packet's payload. */
    private static List<Finding> stepFindings(WalkStep step, PayloadDecoder decoder) {
        if (!(step instanceof WalkStep.PacketStep read) || !decoder.active()) {
            return step.findings();
        }
        List<Finding> payload = decoder.decode(read.packet()).findings();
        if (payload.isEmpty()) {
            return step.findings();
        }
        List<Finding> out = new ArrayList<>(step.findings());
        out.addAll(payload);
        return out;
    }

    private List<Finding> modelFindings() {
        if (models.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (ModelResult r : modelResults()) {
            out.addAll(r.findings());
        }
        return out;
    }

    /** All findings in a list, for tests and small rings; writers stream {@link #findings()} instead. */
    public List<Finding> findingList() {
        List<Finding> out = new ArrayList<>();
        findings().forEach(out::add);
        return out;
    }

    /** All packets in a list, for tests and small rings; writers stream {@link #packets()} instead. */
    public List<Packet> packetList() {
        List<Packet> out = new ArrayList<>();
        packets().forEach(out::add);
        return out;
    }
}
