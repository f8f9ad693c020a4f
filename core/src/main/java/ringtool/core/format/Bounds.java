package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/** Bounds checks shared by the {@code parse} factories of this package. */
final class Bounds {

    private Bounds() {
    }

    static void require(ByteSource src, long at, long length, String what) {
        if (!src.canRead(at, length)) {
            throw new IllegalArgumentException(what + " at " + at + " (" + length + " bytes) lies outside a source of "
                    + src.size() + " bytes");
        }
    }
}
