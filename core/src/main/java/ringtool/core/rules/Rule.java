package ringtool.core.rules;

/**
 * One entry of the rule registry. IDs are stable and lower-case; a rule never changes meaning.
 *
 * @param group what the rule judges: {@code header}, {@code walk}, {@code descriptor}, {@code extended},
 *              {@code trailer}, {@code dump}, ...
 */
public record Rule(String id, Severity severity, String group, String meaning) {
}
