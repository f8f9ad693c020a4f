package ringtool.core.testing;

import java.io.ByteArrayOutputStream;

/**
 * Hex fixtures with an ASCII gutter, as the tests write them:
 * <pre>
 * 06 00 02 00 04 00 00 00  07 00 00 00 00 00 00 00   |................|
 * </pre>
 * Everything after a {@code |} (or {@code //}) on a line is a comment; the rest is pairs of hex digits.
 */
public final class Hex {

    private Hex() {
    }

    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            int cut = line.indexOf('|');
            int slash = line.indexOf("//");
            if (slash >= 0 && (cut < 0 || slash < cut)) {
                cut = slash;
            }
            String hex = (cut >= 0 ? line.substring(0, cut) : line).replaceAll("\\s+", "");
            if (hex.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in: " + line);
            }
            for (int i = 0; i < hex.length(); i += 2) {
                out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
            }
        }
        return out.toByteArray();
    }
}
