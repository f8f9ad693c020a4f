package ringtool.core.payload;

import java.util.Objects;
import ringtool.core.bytes.ByteSource;
import ringtool.core.walk.RingView;

/**
 * The payload of one packet, and nothing beyond it: every read is checked against the payload's length before it
 * happens. Decoders test {@link #has} and raise a finding when a message does not fit; a read that was not tested
 * first throws {@link IndexOutOfBoundsException}, which is a bug in the decoder (the payload fuzz target hunts
 * for it). Offsets are relative to the payload's first byte; {@link #dataOffset} and {@link #fileOffset} say where
 * a byte lies in the ring and in the input, for findings.
 */
public final class PayloadView {

    private final ByteSource source;
    private final long base;
    private final long length;
    /** The data-area size offsets are taken modulo, or 0 for a flat source. */
    private final long modulus;
    private final long fileStart;

    private PayloadView(ByteSource source, long base, long length, long modulus, long fileStart) {
        this.source = Objects.requireNonNull(source);
        this.base = base;
        this.length = length;
        this.modulus = modulus;
        this.fileStart = fileStart;
    }

    /**
     * The {@code length} payload bytes at data-area offset {@code dataOffset} of a ring whose data area starts at
     * {@code fileStart} in the input.
     */
    public static PayloadView of(RingView data, long dataOffset, long length, long fileStart) {
        if (length < 0 || length > data.size()) {
            throw new IllegalArgumentException("payload of " + length + " bytes in a data area of " + data.size());
        }
        return new PayloadView(data, dataOffset % data.size(), length, data.size(), fileStart);
    }

    /** All of {@code bytes} as one payload at offset 0 (tests and fixtures). */
    public static PayloadView of(ByteSource bytes) {
        return new PayloadView(bytes, 0, bytes.size(), 0, 0);
    }

    public long length() {
        return length;
    }

    /** Whether the {@code n} bytes at {@code at} lie inside the payload. */
    public boolean has(long at, long n) {
        return at >= 0 && n >= 0 && at <= length && n <= length - at;
    }

    /** The bytes from {@code at} to the end of the payload (0 when {@code at} is beyond it). */
    public long remaining(long at) {
        return at >= 0 && at < length ? length - at : 0;
    }

    public int u8(long at) {
        return source.u8(check(at, 1));
    }

    public int u16(long at) {
        return source.u16(check(at, 2));
    }

    public long u32(long at) {
        return source.u32(check(at, 4));
    }

    /** The raw 64 bits; print with {@link Long#toUnsignedString(long)}. */
    public long u64(long at) {
        return source.u64(check(at, 8));
    }

    /**
     * UTF-16LE text in the {@code size} bytes at {@code at}, up to the first NUL code unit; an odd last byte is left
     * out. The caller has checked {@code has(at, size)}.
     */
    public Utf16 utf16(long at, long size) {
        check(at, size);
        int units = (int) (size / 2);
        StringBuilder text = new StringBuilder(Math.min(units, 256));
        for (int i = 0; i < units; i++) {
            char c = (char) source.u16(base + at + 2L * i);
            if (c == 0) {
                return new Utf16(text.toString(), true, 2L * i);
            }
            text.append(c);
        }
        return new Utf16(text.toString(), false, 2L * units);
    }

    /**
     * Text decoded from UTF-16LE.
     *
     * @param terminated whether a NUL ended it inside the declared size
     * @param bytes      the bytes before the NUL (or all that were read)
     */
    public record Utf16(String text, boolean terminated, long bytes) {
    }

    /** The {@code n} bytes at {@code at} as a payload of their own; offsets of findings still point into the ring. */
    public PayloadView slice(long at, long n) {
        check(at, n);
        long start = modulus == 0 ? base + at : (base + at) % modulus;
        return new PayloadView(source, start, n, modulus, fileStart);
    }

    /** The data-area offset of payload byte {@code at}. */
    public long dataOffset(long at) {
        long p = base + Math.max(0, Math.min(at, length));
        return modulus == 0 ? p : p % modulus;
    }

    /** The input-file offset of payload byte {@code at}. */
    public long fileOffset(long at) {
        return fileStart + dataOffset(at);
    }

    private long check(long at, long n) {
        if (!has(at, n)) {
            throw new IndexOutOfBoundsException("read of " + n + " bytes at " + at + " in a payload of " + length
                    + " bytes");
        }
        return base + at;
    }
}
