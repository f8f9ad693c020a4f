package ringtool.core.rules;

/**
 * One entry of the rule registry. IDs are stable and lower-case; a rule never changes meaning.
 *
 * @param group      the ID's first component: {@code ring}, {@code pkt}, {@code dump}, {@code model}, {@code sysfs},
 *                   {@code carve}, and for payload rules the protocol ({@code balloon}, {@code ic}, ...)
 * @param linuxCheck the Linux driver check that refuses the same condition, or what an unhardened driver does
 *                   with it; null where the rule has no counterpart in a driver
 */
public record Rule(String id, Severity severity, String group, String meaning, String linuxCheck) {

    public Rule(String id, Severity severity, String group, String meaning) {
        this(id, severity, group, meaning, null);
    }

    /**
     * A rule is its ID: the registry holds one rule per ID. Written out rather than generated because a record's
     * generated {@code equals} and {@code hashCode} are bootstrapped at run time on first use, which spins some
     * thirty method-handle classes (~10 ms of every short run), and {@code StrictWalk.STOPPING_RULES} hashes rules as
     * soon as a ring is walked.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
