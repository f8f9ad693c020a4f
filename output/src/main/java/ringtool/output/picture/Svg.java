package ringtool.output.picture;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The few SVG elements a ring picture is made of, written straight to the output: nothing is kept, so a picture
 * costs the same memory whatever the ring. Text is escaped for XML 1.0, whose documents may not hold most control
 * characters at all: those become U+FFFD, so that a file name or a message taken from a hostile dump can neither
 * break the document nor inject markup.
 */
final class Svg {

    private final PrintWriter out;

    Svg(PrintWriter out) {
        this.out = out;
    }

    /** The root element; {@code standalone} adds the namespace declarations a document of its own needs. */
    void open(double width, double height, boolean standalone, String label) {
        out.print("<svg");
        if (standalone) {
            out.print(" xmlns=\"http://www.w3.org/2000/svg\"");
        }
        out.print(" width=\"" + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " "
                + num(height) + "\" role=\"img\" aria-label=\"" + escape(label) + "\" font-family=\"DejaVu Sans,"
                + " Verdana, Arial, sans-serif\" font-size=\"12\">\n");
    }

    void close() {
        out.print("</svg>\n");
    }

    /** Raw markup of ours (style, defs): never anything read from an input. */
    void raw(String markup) {
        out.print(markup);
    }

    void rect(double x, double y, double w, double h, String cssClass, String fill, String title) {
        out.print("<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\"");
        attrs(cssClass, fill);
        titled(title, "rect");
    }

    void line(double x1, double y1, double x2, double y2, String cssClass) {
        out.print("<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" class=\"" + cssClass + "\"/>\n");
    }

    /** A closed polygon through the points (x0, y0, x1, y1, ...). */
    void polygon(double[] points, String cssClass, String fill, String title) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < points.length; i += 2) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(num(points[i])).append(',').append(num(points[i + 1]));
        }
        out.print("<polygon points=\"" + p + "\"");
        attrs(cssClass, fill);
        titled(title, "polygon");
    }

    void circle(double cx, double cy, double r, String cssClass, String fill, String title) {
        out.print("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"");
        attrs(cssClass, fill);
        titled(title, "circle");
    }

    /** @param anchor start, middle or end */
    void text(double x, double y, String anchor, String cssClass, String text) {
        out.print("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"");
        if (!"start".equals(anchor)) {
            out.print(" text-anchor=\"" + anchor + "\"");
        }
        if (cssClass != null) {
            out.print(" class=\"" + cssClass + "\"");
        }
        out.print(">" + escape(text) + "</text>\n");
    }

    void group(String cssClass, String title) {
        out.print("<g");
        if (cssClass != null) {
            out.print(" class=\"" + cssClass + "\"");
        }
        out.print(">");
        if (title != null) {
            out.print("<title>" + escape(title) + "</title>");
        }
        out.print("\n");
    }

    void endGroup() {
        out.print("</g>\n");
    }

    private void attrs(String cssClass, String fill) {
        if (cssClass != null) {
            out.print(" class=\"" + cssClass + "\"");
        }
        if (fill != null) {
            out.print(" fill=\"" + fill + "\"");
        }
    }

    private void titled(String title, String element) {
        if (title == null) {
            out.print("/>\n");
        } else {
            out.print("><title>" + escape(title) + "</title></" + element + ">\n");
        }
    }

    /** Two decimals at most, no exponent, no locale: coordinates stay short and parse everywhere. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
                        || (Character.isSurrogate(c) && !pairedSurrogate(s, i)) ? "\uFFFD" : null;
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
