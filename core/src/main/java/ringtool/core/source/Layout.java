package ringtool.core.source;

import java.util.Locale;

/** How an input file holds its ring(s): the {@code --layout} values of docs/contract.md §4. */
public enum Layout {
    /** Header page, then the data area: {@code data_size = file size - header size}. */
    SINGLE,
    /** The uio / sysfs {@code ring} mapping: outbound ring first, then inbound, equal halves. */
    UIO_PAIR,
    /** Header, data, then the data again: a dump of the guest's virtual (double) mapping. */
    DOUBLE_MAPPED,
    /** Decided from the size and the headers, and the decision reported. */
    AUTO;

    /** The name on the command line and in JSON: {@code uio-pair}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Layout fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
