package ringtool.core.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import ringtool.core.format.RingHeader;
import ringtool.core.history.History;
import ringtool.core.history.HistoryWalk;
import ringtool.core.model.ModelResult;
import ringtool.core.model.ReaderModel;
import ringtool.core.payload.DeviceClass;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.payload.PayloadOptions;
import ringtool.core.payload.ProtocolChoice;
import ringtool.core.payload.ProtocolSelector;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.StrictWalk;
import ringtool.core.walk.WalkStep;

/**
 * What leaves the core for one ring: its header, and its packets and findings as lazy sequences that re-walk the
 * ring on every iteration instead of holding it in memory. The {@link #summary()} takes one counting walk, done
 * once on first use.
 *
 * <p>Reader models ({@code --model}) and the consumed packets ({@code --history}) are computed on first use and
 * kept: both are bounded by the data size (a model stops at its first repeated offset, the walk back at the first
 * inconsistent trailer).
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

    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings) {
        this(ring, walk, headerFindings, List.of(), false, null);
    }

    /**
     * @param models  the reader models to run over the snapshot, in the order they are reported
     * @param history whether to walk back from the start cursor through consumed packets
     */
    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings, List<ReaderModel> models,
                      boolean history) {
        this(ring, walk, headerFindings, models, history, null);
    }

    /** @param carve where {@code ringtool carve} found the ring, or null for rings read from a dump */
    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings, CarveInfo carve) {
        this(ring, walk, headerFindings, List.of(), false, carve);
    }

    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings, List<ReaderModel> models,
                      boolean history, CarveInfo carve) {
        this(ring, walk, headerFindings, models, history, carve, PayloadOptions.DEFAULTS, null);
    }

    /**
     * @param payload how to pick the protocol the payloads are decoded with ({@code --protocol}, {@code --class-id})
     * @param device  the class of the device the input sits under, or null
     */
    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings, List<ReaderModel> models,
                      boolean history, CarveInfo carve, PayloadOptions payload, DeviceClass device) {
        this.payload = payload;
        this.device = device;
        this.ring = ring;
        this.walk = walk;
        this.headerFindings = List.copyOf(headerFindings);
        this.models = List.copyOf(models);
        this.history = history;
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
            Map<Long, Packet> strict = new HashMap<>();
            for (Packet p : packets()) {
                strict.put(p.offset(), p);
            }
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
            protocol = ProtocolSelector.choose(payload, device, ring, packets());
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

    /** Where the walk started: the header's read index or the one the user gave. */
    public long start() {
        return walk.start();
    }

    public List<Finding> headerFindings() {
        return headerFindings;
    }

    public Iterable<WalkStep> steps() {
        return walk;
    }

    public Iterable<Packet> packets() {
        return () -> new Iterator<>() {
            private final Iterator<WalkStep> steps = walk.iterator();
            private Packet next = advance();

            private Packet advance() {
                while (steps.hasNext()) {
                    Packet p = steps.next().packet();
                    if (p != null) {
                        return p;
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

    /** Header findings first, then the walk's in ring order, then each model's. */
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
                    if (step.packet() != null) {
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

    public synchronized Summary summary() {
        if (summary == null) {
            Summary s = Summary.EMPTY;
            long packets = 0;
            for (Finding f : headerFindings) {
                s = s.add(f);
            }
            PayloadDecoder decoder = decoder();
            for (WalkStep step : walk) {
                if (step.packet() != null) {
                    packets++;
                }
                for (Finding f : stepFindings(step, decoder)) {
                    s = s.add(f);
                }
            }
            for (Finding f : modelFindings()) {
                s = s.add(f);
            }
            summary = s.withPackets(packets);
        }
        return summary;
    }

    /** A step's findings, then those of its packet's payload. */
    private static List<Finding> stepFindings(WalkStep step, PayloadDecoder decoder) {
        if (step.packet() == null || !decoder.active()) {
            return step.findings();
        }
        List<Finding> payload = decoder.decode(step.packet()).findings();
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
