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
}
