package ringtool.fuzz;

import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadDecoder;
import ringtool.core.report.InputReport;
import ringtool.core.report.RingReport;
import ringtool.core.rules.Finding;
import ringtool.core.walk.Packet;

/**
 * The dissectors' promises, checked on every packet of a report: the protocol asked for is the one used, no list
 * of the field tree holds more entries than the payload has bytes, the tree nests no deeper than a struct can,
 * and every payload finding names its packet and points inside that packet's payload. A read outside the payload
 * throws from {@code PayloadView} and is a finding of the harness itself.
 */
final class PayloadInvariants {

    /** Deeper than any Linux struct the dissectors mirror nests. */
    static final int MAX_DEPTH = 12;

    private PayloadInvariants() {
    }

    /** @param protocol the protocol forced with {@code --protocol}, or null for auto */
    static void check(InputReport report, String protocol) {
        for (RingReport ring : report.rings()) {
            if (protocol != null && !protocol.equals(ring.protocol().name())) {
                throw new InvariantViolation("--protocol " + protocol + " but ring " + ring.name() + " decodes as "
                        + ring.protocol().name());
            }
            PayloadDecoder decoder = ring.decoder();
            for (Packet p : ring.packets()) {
                PayloadDecoder.Result r = decoder.decode(p);
                long length = p.paddedPayloadLength();
                if (r.decoded() != null) {
                    checkDecoded(r.decoded(), ring, p, length);
                }
                for (Finding f : r.findings()) {
                    checkFinding(f, ring, p, length);
                }
            }
        }
    }

    private static void checkDecoded(Decoded d, RingReport ring, Packet p, long length) {
        if (!d.protocol().equals(ring.protocol().name())) {
            throw new InvariantViolation("packet " + p.index() + " decoded as " + d.protocol() + " in a "
                    + ring.protocol().name() + " ring");
        }
        checkTree(d.fields(), p, length, 0);
    }

    private static void checkTree(FieldValue v, Packet p, long length, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvariantViolation("packet " + p.index() + ": field tree deeper than " + MAX_DEPTH);
        }
        if (v instanceof FieldValue.Items items) {
            if (items.items().size() > length) {
                throw new InvariantViolation("packet " + p.index() + ": a list of " + items.items().size()
                        + " entries from a payload of " + length + " bytes");
            }
            for (FieldValue item : items.items()) {
                checkTree(item, p, length, depth + 1);
            }
        } else if (v instanceof Fields fields) {
            for (Fields.Field f : fields.entries()) {
                checkTree(f.value(), p, length, depth + 1);
            }
        }
    }

    private static void checkFinding(Finding f, RingReport ring, Packet p, long length) {
        if (f.packet() == null || f.packet() != p.index()) {
            throw new InvariantViolation("payload finding " + f.rule().id() + " names packet " + f.packet()
                    + ", not " + p.index());
        }
        if (!f.rule().id().startsWith(ring.protocol().name() + ".")) {
            throw new InvariantViolation("payload finding " + f.rule().id() + " outside the group of "
                    + ring.protocol().name());
        }
        long start = (p.offset() + p.payloadOffset()) % ring.dataSize();
        long into = f.offset() == null ? -1 : Math.floorMod(f.offset() - start, ring.dataSize());
        if (f.offset() == null || into > length || f.length() == null || f.length() > length - into) {
            throw new InvariantViolation("payload finding " + f.rule().id() + " at " + f.offset() + " (" + f.length()
                    + " bytes) outside the payload of packet " + p.index() + " (" + length + " bytes at " + start
                    + ")");
        }
        long fileStart = ring.fileOffset() + ring.headerSize();
        if (f.fileOffset() == null || f.fileOffset() != fileStart + f.offset()) {
            throw new InvariantViolation("payload finding " + f.rule().id() + " at file offset " + f.fileOffset()
                    + ", its data offset " + f.offset() + " is at " + (fileStart + f.offset()));
        }
    }
}
