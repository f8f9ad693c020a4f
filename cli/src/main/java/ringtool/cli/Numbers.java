package ringtool.cli;

import picocli.CommandLine;
import ringtool.core.format.RingHeader;
import ringtool.core.format.RingMath;
import ringtool.core.source.FramingOptions;

/**
 * Sizes and offsets on the command line: decimal, or hex with {@code 0x}, as crash and drgn print them, read as
 * unsigned 64-bit values. The nested converters bound each option by what the format allows, so that an
 * impossible value is a usage error (exit 2) naming the bound, never a run that reads nonsense.
 */
class Numbers implements CommandLine.ITypeConverter<Long> {

    /** The largest data area a u32 index can address and whole pages can fill. */
    static final long MAX_DATA_SIZE = RingMath.U32_MAX & -RingHeader.HOST_PAGE_SIZE;
    static final long MAX_JOBS = 256;

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** Any value from 0 to 2^64 - 1 (as a long's bits); negative numbers and non-numbers are refused. */
    static long parse(String value) {
        String v = value.trim().replace("_", "");
        if (v.startsWith("-")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is negative");
        }
        boolean hex = v.startsWith("0x") || v.startsWith("0X");
        try {
            return Long.parseUnsignedLong(hex ? v.substring(2) : v, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            String digits = hex ? v.substring(2) : v;
            if (!digits.isEmpty() && digits.chars().allMatch(c -> Character.digit(c, hex ? 16 : 10) >= 0)) {
                throw new CommandLine.TypeConversionException("'" + value + "' does not fit in 64 bits");
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number (decimal or 0x hex)");
        }
    }

    /** A value in {@code [min, max]} (unsigned) and a multiple of {@code step}, else the bound in the message. */
    abstract static class Bounded extends Numbers {
        private final long min;
        private final long max;
        private final long step;

        Bounded(long min, long max, long step) {
            this.min = min;
            this.max = max;
            this.step = step;
        }

        @Override
        public Long convert(String value) {
            long n = parse(value);
            if (Long.compareUnsigned(n, min) < 0 || Long.compareUnsigned(n, max) > 0
                    || Long.remainderUnsigned(n, step) != 0) {
                throw new CommandLine.TypeConversionException("'" + value + "' is out of range: expected "
                        + expected());
            }
            return n;
        }

        String expected() {
            String range = "from " + bound(min) + " to " + bound(max);
            return step == 1 ? range : "a multiple of " + step + " " + range;
        }

        private static String bound(long n) {
            return n < 4096 ? Long.toString(n) : n + " (0x" + Long.toHexString(n) + ")";
        }
    }

    /** {@code --data-size}: whole pages, addressable by the u32 indices. */
    static final class DataSize extends Bounded {
        DataSize() {
            super(RingHeader.HOST_PAGE_SIZE, MAX_DATA_SIZE, RingHeader.HOST_PAGE_SIZE);
        }
    }

    /** {@code --read-index}: an offset into the data area, a u32 like the header's own index. */
    static final class Index extends Bounded {
        Index() {
            super(0, 0xFFFF_FFFFL, 1);
        }
    }

    /** Counts such as {@code -c}: anything from 0 up. */
    static final class Count extends Bounded {
        Count() {
            super(0, Long.MAX_VALUE, 1);
        }
    }

    /** {@code -j}: parallel inputs, each with a thread and a buffer. */
    static final class Jobs extends Bounded {
        Jobs() {
            super(1, MAX_JOBS, 1);
        }
    }

    /** {@code --header-size}: the guest's page, 4 KiB or 64 KiB (arm64); nothing else holds a ring header. */
    static final class HeaderSize extends Numbers {
        @Override
        public Long convert(String value) {
            long n = parse(value);
            if (n != FramingOptions.DEFAULT_HEADER_SIZE && n != FramingOptions.LARGE_HEADER_SIZE) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a header size: expected "
                        + FramingOptions.DEFAULT_HEADER_SIZE + " or " + FramingOptions.LARGE_HEADER_SIZE
                        + " (the guest's page size)");
            }
            return n;
        }
    }
}
