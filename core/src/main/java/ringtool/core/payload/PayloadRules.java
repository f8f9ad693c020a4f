package ringtool.core.payload;

import ringtool.core.rules.Rule;
import ringtool.core.rules.Severity;

/** How protocol packages make their rules: the group is the ID's first component (the protocol). */
public final class PayloadRules {

    private PayloadRules() {
    }

    /**
     * @param id         {@code <protocol>.<subject>.<condition>}, named after the condition
     * @param linuxCheck the Linux driver check of the same condition, or what an unhardened driver does with it
     */
    public static Rule rule(String id, Severity severity, String meaning, String linuxCheck) {
        int dot = id.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("rule ID without a protocol: " + id);
        }
        return new Rule(id, severity, id.substring(0, dot), meaning, linuxCheck);
    }
}
