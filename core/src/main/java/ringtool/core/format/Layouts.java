package ringtool.core.format;

import ringtool.core.source.ByteSource;

/** Bounds checks shared by the {@code parse} factories of this package. */
final class Layouts {

    private Layouts() {
    }

    static void require(ByteSource src, long at, long length, String what) {
        if (!src.canRead(at, length)) {
            throw new IllegalArgumentException(what + " at " + at + " (" + length + " bytes) lies outside a source of "
                    + src.size() + " bytes");
        }
    }
}
