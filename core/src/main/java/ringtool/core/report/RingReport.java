package ringtool.core.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import ringtool.core.format.RingHeader;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;
import ringtool.core.walk.StrictWalk;
import ringtool.core.walk.WalkStep;

/**
 * What leaves the core for one ring: its header, and its packets and findings as lazy sequences that re-walk the
 * ring on every iteration instead of holding it in memory. The {@link #summary()} takes one counting walk, done
 * once on first use.
 */
public final class RingReport {

    private final RingSnapshot ring;
    private final StrictWalk walk;
    private final List<Finding> headerFindings;
    private Summary summary;

    public RingReport(RingSnapshot ring, StrictWalk walk, List<Finding> headerFindings) {
        this.ring = ring;
        this.walk = walk;
        this.headerFindings = List.copyOf(headerFindings);
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

    /** Header findings first, then the walk's in ring order. */
    public Iterable<Finding> findings() {
        if (walkHasNoFindings()) {
            // The summary's walk saw none: no need to walk again to find none (a healthy ring, most of the time).
            return headerFindings;
        }
        return () -> new Iterator<>() {
            private final Iterator<WalkStep> steps = walk.iterator();
            private Iterator<Finding> current = headerFindings.iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && steps.hasNext()) {
                    current = steps.next().findings().iterator();
                }
                return current.hasNext();
            }

            @Override
            public Finding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
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
            for (WalkStep step : walk) {
                if (step.packet() != null) {
                    packets++;
                }
                for (Finding f : step.findings()) {
                    s = s.add(f);
                }
            }
            summary = s.withPackets(packets);
        }
        return summary;
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
