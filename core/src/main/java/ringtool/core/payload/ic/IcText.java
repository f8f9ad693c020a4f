package ringtool.core.payload.ic;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.PayloadView;

/** The strings and arrays of IC messages: UTF-16 within declared sizes, numbers, GUIDs, text for the info line. */
final class IcText {

    /** How much of a string the info line shows. */
    private static final int INFO_CHARS = 48;

    private IcText() {
    }

    /**
     * The UTF-16LE string in a field of {@code field} bytes at {@code at} whose sender declared {@code declared}
     * bytes (the field's size when nothing is declared): read up to a NUL within both and within the payload.
     * Raises {@code ic.string.unterminated} when all those bytes are present and hold no NUL.
     *
     * @param checkTerminator false when the declared size is already a finding of its own
     * @return the text, or null when the payload ends before the field
     */
    static String utf16(DecodeContext ctx, String name, long at, long declared, long field, boolean checkTerminator) {
        PayloadView p = ctx.payload();
        long size = Math.min(Math.max(declared, 0), field);
        long present = Math.min(size, p.remaining(at));
        if (!p.has(at, 1)) {
            return null;
        }
        PayloadView.Utf16 s = p.utf16(at, present);
        if (checkTerminator && size > 0 && present == size && !s.terminated()) {
            ctx.report(IcRules.IC_STRING_UNTERMINATED, name + ": no NUL within its " + size + " bytes", at, size);
        }
        return wellFormed(s.text());
    }

    /** Lone surrogates (a hostile or cut string) as U+FFFD, so that every writer can encode the text. */
    static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            boolean lone = Character.isSurrogate(c) && !pairHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A string for the info line: quoted, control characters as {@code ?}, long ones cut with {@code ...}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        int n = Math.min(s.length(), INFO_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append(s.length() > INFO_CHARS ? "...\"" : "\"").toString();
    }

    /**
     * A C array of {@code count} unsigned numbers of {@code width} bytes at {@code at}: the entries the payload
     * holds, or null when it holds none.
     */
    static FieldValue.Items numbers(PayloadView p, long at, int count, int width) {
        long n = Math.min(count, p.remaining(at) / width);
        if (n == 0) {
            return null;
        }
        List<FieldValue> items = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            long where = at + i * width;
            long v = switch (width) {
                case 1 -> p.u8(where);
                case 2 -> p.u16(where);
                case 4 -> p.u32(where);
                default -> p.u64(where);
            };
            items.add(new FieldValue.Number(v));
        }
        return new FieldValue.Items(items);
    }

    /** A GUID as {@code uuid_le} lays it out (three little-endian fields, then 8 bytes in order). */
    static String guid(PayloadView p, long at) {
        StringBuilder s = new StringBuilder(String.format("%08x-%04x-%04x-", p.u32(at), p.u16(at + 4),
                p.u16(at + 6)));
        for (int i = 8; i < 16; i++) {
            s.append(String.format("%02x", p.u8(at + i)));
            if (i == 9) {
                s.append('-');
            }
        }
        return s.toString();
    }
}
