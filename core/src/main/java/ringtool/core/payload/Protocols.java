package ringtool.core.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ringtool.core.payload.balloon.BalloonDissector;
import ringtool.core.payload.ic.IcDissector;
import ringtool.core.payload.netvsc.NetvscDissector;
import ringtool.core.payload.storvsc.StorvscDissector;
import ringtool.core.rules.Rule;

/** The registry of protocols: {@code --protocol}, auto's class GUID lookup and content test, and their rules. */
public final class Protocols {

    /** Every protocol, in the order auto's content test tries them. Adding a protocol is one line here. */
    private static final List<ProtocolDissector> ALL = List.of(
            new BalloonDissector(),
            new IcDissector(),
            new NetvscDissector(),
            new StorvscDissector());

    private Protocols() {
    }

    public static List<ProtocolDissector> all() {
        return ALL;
    }

    /** The {@code --protocol} names of the dissectors. */
    public static List<String> names() {
        return ALL.stream().map(ProtocolDissector::name).toList();
    }

    public static Optional<ProtocolDissector> byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The dissector of a device class (a GUID bare or in braces, any case). */
    public static Optional<ProtocolDissector> byClassId(String classId) {
        String bare = ringtool.core.format.DeviceKinds.bare(classId);
        return ALL.stream().filter(d -> d.classIds().contains(bare)).findFirst();
    }

    /** Every protocol's rules, protocol by protocol. */
    public static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (ProtocolDissector d : ALL) {
            out.addAll(d.rules());
        }
        return out;
    }
}
