package ringtool.core.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ringtool.core.source.FramedRing;
import ringtool.core.source.InputException;

/**
 * Which rings of an input to report, and where each one's walk starts when the caller knows better than its header:
 * a crash dump gives one ring's {@code priv_read_index}, so a pair's rings need a start each.
 *
 * @param only         the one ring to report by name ({@code outbound}, {@code inbound}), or null for all
 * @param readIndexes  a start per ring name, over the inspector's read index for all rings
 */
public record RingChoice(String only, Map<String, Long> readIndexes) {

    public static final RingChoice ALL = new RingChoice(null, Map.of());

    public RingChoice {
        readIndexes = Map.copyOf(readIndexes);
    }

    /** The framed rings this choice keeps, in file order; a name that no ring of the input has is an input error. */
    List<FramedRing> choose(List<FramedRing> rings) throws InputException {
        if (only == null && readIndexes.isEmpty()) {
            return rings;
        }
        Set<String> names = new LinkedHashSet<>();
        for (FramedRing r : rings) {
            names.add(r.name());
        }
        Set<String> wanted = new LinkedHashSet<>(readIndexes.keySet());
        if (only != null) {
            wanted.add(only);
        }
        for (String name : wanted) {
            if (!names.contains(name)) {
                throw new InputException("has no " + name + " ring: it holds " + (names.size() == 1
                        ? "one ring, '" + names.iterator().next() + "'" : "the rings " + String.join(", ", names))
                        + "; a ring is picked by name only in a pair");
            }
        }
        if (only == null) {
            return rings;
        }
        List<FramedRing> kept = new ArrayList<>(1);
        for (FramedRing r : rings) {
            if (r.name().equals(only)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** Where the named ring's walk starts: its own index, else the one for all rings (null: the header's). */
    Long start(String ring, Long forAll) {
        Long own = readIndexes.get(ring);
        return own != null ? own : forAll;
    }
}
