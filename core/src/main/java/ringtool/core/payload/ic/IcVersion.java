package ringtool.core.payload.ic;

import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/** {@code struct ic_version}: {@code u16 major, u16 minor}, 4 bytes. */
record IcVersion(int major, int minor) {

    static final int MAJOR_OFFSET = 0;
    static final int MINOR_OFFSET = MAJOR_OFFSET + Short.BYTES;
    static final int SIZE = MINOR_OFFSET + Short.BYTES;

    /** The version at {@code at}; the caller has checked {@code payload.has(at, SIZE)}. */
    static IcVersion parse(PayloadView payload, long at) {
        return new IcVersion(payload.u16(at + MAJOR_OFFSET), payload.u16(at + MINOR_OFFSET));
    }

    Fields fields() {
        return Fields.builder().number("major", major).number("minor", minor).build();
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
