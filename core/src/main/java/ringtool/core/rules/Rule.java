package ringtool.core.rules;

/**
 * One entry of the rule registry. IDs are stable and lower-case; a rule never changes meaning.
 *
 * @param group the ID's first component: {@code ring}, {@code pkt}, {@code dump}, {@code model}, {@code sysfs},
 *              {@code carve}, ...
 */
public record Rule(String id, Severity severity, String group, String meaning) {
}
