package ringtool.core.payload.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import ringtool.core.payload.Decoding;
import ringtool.core.rules.Finding;
import ringtool.core.testing.Hex;

/** IC payloads from hex fixtures, zeros after the bytes that matter up to a struct's size. */
final class IcFixtures {

    static final IcDissector IC = new IcDissector();

    private IcFixtures() {
    }

    /** The fixture's bytes followed by zeros up to {@code length}. */
    static byte[] padded(String hex, int length) {
        byte[] b = Hex.parse(hex);
        assertTrue(b.length <= length, "fixture longer than " + length);
        return Arrays.copyOf(b, length);
    }

    /** The fixture's bytes, then {@code tail} at {@code at}, zeros around and up to {@code length}. */
    static byte[] padded(String hex, int length, int at, String tail) {
        byte[] b = padded(hex, length);
        byte[] t = Hex.parse(tail);
        System.arraycopy(t, 0, b, at, t.length);
        return b;
    }

    static Decoding decode(byte[] payload) {
        return Decoding.of(IC, payload, "inbound");
    }

    static Decoding decode(String hex) {
        return decode(Hex.parse(hex));
    }

    static Finding only(Decoding d) {
        assertEquals(1, d.findings().size(), () -> d.findings().toString());
        return d.findings().get(0);
    }

    static void none(Decoding d) {
        assertEquals(0, d.findings().size(), () -> d.findings().toString());
    }
}
