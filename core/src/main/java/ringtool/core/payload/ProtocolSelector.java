package ringtool.core.payload;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.format.DeviceKinds;
import ringtool.core.walk.Packet;
import ringtool.core.walk.RingSnapshot;

/**
 * {@code --protocol auto}, in docs/contract.md §9's order: {@code --class-id}; the class GUID of the device the
 * input sits under; a content test that must hold for every packet of the ring; otherwise nothing.
 */
public final class ProtocolSelector {

    private ProtocolSelector() {
    }

    /**
     * @param device  the class beside the input ({@link ClassIdFiles}), or null
     * @param packets the ring's packets, walked once for the content test
     */
    public static ProtocolChoice choose(PayloadOptions options, DeviceClass device, RingSnapshot ring,
                                        Iterable<Packet> packets) {
        String asked = options.protocol();
        if (PayloadOptions.NONE.equals(asked)) {
            return ProtocolChoice.none("--protocol none");
        }
        if (!PayloadOptions.AUTO.equals(asked)) {
            return Protocols.byName(asked)
                    .map(d -> new ProtocolChoice(d, "--protocol " + asked))
                    .orElseGet(() -> ProtocolChoice.none("--protocol " + asked + ": no dissector of that name"));
        }
        if (options.classId() != null) {
            return byClass(new DeviceClass(options.classId(), "--class-id"));
        }
        if (device != null) {
            return byClass(device);
        }
        return byContent(ring, packets);
    }

    private static ProtocolChoice byClass(DeviceClass device) {
        String bare = DeviceKinds.bare(device.classId());
        String kind = DeviceKinds.of(bare);
        String said = "auto: class " + bare + (kind.equals(bare) ? "" : " (" + kind + ")") + " from "
                + device.source();
        return Protocols.byClassId(bare)
                .map(d -> new ProtocolChoice(d, said))
                .orElseGet(() -> ProtocolChoice.none(said + ", which no dissector decodes"));
    }

    private static ProtocolChoice byContent(RingSnapshot ring, Iterable<Packet> packets) {
        if (ring.data() == null) {
            return ProtocolChoice.none("auto: no class GUID and no data area to test");
        }
        // Ruled out by index: a run over many small rings tests each one's first packets, so the test stays a loop
        // over an array, without a copy of the registry or a removeIf per packet.
        List<ProtocolDissector> all = Protocols.all();
        boolean[] ruledOut = new boolean[all.size()];
        int left = all.size();
        long tested = 0;
        for (Packet p : packets) {
            PayloadView payload = PayloadDecoder.payload(ring, p);
            for (int i = 0; i < ruledOut.length; i++) {
                if (!ruledOut[i] && !all.get(i).plausible(payload)) {
                    ruledOut[i] = true;
                    left--;
                }
            }
            tested++;
            if (left == 0) {
                break;
            }
        }
        List<ProtocolDissector> candidates = new ArrayList<>(left);
        for (int i = 0; i < ruledOut.length; i++) {
            if (!ruledOut[i]) {
                candidates.add(all.get(i));
            }
        }
        if (tested == 0) {
            return ProtocolChoice.none("auto: no class GUID and no packet to test");
        }
        if (candidates.isEmpty()) {
            return ProtocolChoice.none("auto: no class GUID, and no protocol's messages fit every packet");
        }
        if (candidates.size() > 1) {
            return ProtocolChoice.none("auto: no class GUID, and the packets fit several protocols ("
                    + String.join(", ", candidates.stream().map(ProtocolDissector::name).toList())
                    + "): use --protocol");
        }
        return new ProtocolChoice(candidates.get(0), "auto: no class GUID; " + candidates.get(0).name()
                + " fits every packet (" + tested + "): a known message type and a size within the packet");
    }
}
