package ringtool.core.rules;

import java.util.Locale;

/** Three levels, as SARIF and Wireshark's expert info have them; ordered from least to most severe. */
public enum Severity {
    NOTE, WARNING, ERROR;

    /** The lower-case name used in output and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
