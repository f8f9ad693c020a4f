package ringtool.core.payload.ic;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.FieldValue;
import ringtool.core.payload.MessageDecoder;
import ringtool.core.payload.PayloadView;

/**
 * The time samples (docs/protocols/ic.md §4.3): {@code struct ictimesync_data} for message versions below 4.0,
 * {@code struct ictimesync_ref_data} from 4.0 on.
 * <pre>
 * ictimesync_data                          ictimesync_ref_data
 *  28  u64 parenttime   FILETIME            28  u64 parenttime       FILETIME
 *  36  u64 childtime    FILETIME            36  u64 vmreferencetime  reference counter, 100 ns
 *  44  u64 roundtriptime  100 ns            44  u8  flags
 *  52  u8  flags                            45  s8  leapflags
 *  53                                       46  s8  stratum
 *                                           47  u8  reserved[3]
 *                                           50
 * </pre>
 */
final class TimeSync {

    static final int PARENTTIME_OFFSET = IcHeader.SIZE;
    static final int CHILDTIME_OFFSET = PARENTTIME_OFFSET + Long.BYTES;
    static final int ROUNDTRIPTIME_OFFSET = CHILDTIME_OFFSET + Long.BYTES;
    static final int FLAGS_OFFSET = ROUNDTRIPTIME_OFFSET + Long.BYTES;
    static final int DATA_END = FLAGS_OFFSET + Byte.BYTES;

    static final int VMREFERENCETIME_OFFSET = PARENTTIME_OFFSET + Long.BYTES;
    static final int REF_FLAGS_OFFSET = VMREFERENCETIME_OFFSET + Long.BYTES;
    static final int LEAPFLAGS_OFFSET = REF_FLAGS_OFFSET + Byte.BYTES;
    static final int STRATUM_OFFSET = LEAPFLAGS_OFFSET + Byte.BYTES;
    static final int REF_RESERVED_OFFSET = STRATUM_OFFSET + Byte.BYTES;
    static final int REF_RESERVED_COUNT = 3;
    static final int REF_END = REF_RESERVED_OFFSET + REF_RESERVED_COUNT;

    /** The first message version whose samples are {@code ictimesync_ref_data} (hv_util's TS_VERSION). */
    static final int REF_DATA_MAJOR = 4;

    static final int ICTIMESYNCFLAG_SYNC = 1;
    static final int ICTIMESYNCFLAG_SAMPLE = 2;

    /** {@code WLTIMEDELTA} in seconds: from 1601-01-01 to 1970-01-01. */
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    /**
     * Made on the first time sync message decoded, not when the ic dissector is registered: java.time's formatting
     * classes take milliseconds to initialise, and auto's content test registers every protocol on every run.
     */
    private static final class Iso {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'");
    }

    private TimeSync() {
    }

    /** Linux picks the struct by the version it negotiated; a packet says its own in icvermsg. */
    static final MessageDecoder<IcHeader> DECODER = (ctx, h, message) -> {
        PayloadView p = ctx.payload();
        boolean ref = h.icvermsg().major() >= REF_DATA_MAJOR;
        FieldReader r = new FieldReader(p);
        long parent;
        long flags;
        if (ref) {
            IcHeader.messageFits(ctx, message, REF_END, "ICMSG_HDR + sizeof(struct ictimesync_ref_data)");
            parent = time(r, "parenttime", PARENTTIME_OFFSET, p);
            r.u64("vmreferencetime", VMREFERENCETIME_OFFSET);
            flags = r.u8("flags", REF_FLAGS_OFFSET);
            r.u8("leapflags", LEAPFLAGS_OFFSET);
            r.u8("stratum", STRATUM_OFFSET);
            FieldValue.Items reserved = IcText.numbers(p, REF_RESERVED_OFFSET, REF_RESERVED_COUNT, Byte.BYTES);
            if (reserved != null) {
                r.add("reserved", reserved);
            }
        } else {
            IcHeader.messageFits(ctx, message, DATA_END, "ICMSG_HDR + sizeof(struct ictimesync_data)");
            parent = time(r, "parenttime", PARENTTIME_OFFSET, p);
            time(r, "childtime", CHILDTIME_OFFSET, p);
            r.u64("roundtriptime", ROUNDTRIPTIME_OFFSET);
            flags = r.u8("flags", FLAGS_OFFSET);
        }
        StringBuilder info = new StringBuilder(h.info(message));
        if (p.has(PARENTTIME_OFFSET, Long.BYTES)) {
            info.append(": parenttime ").append(utc(parent));
            if (p.has(ref ? REF_FLAGS_OFFSET : FLAGS_OFFSET, Byte.BYTES)) {
                info.append(", flags ").append(flagNames(flags));
            }
        }
        String struct = ref ? "ictimesync_ref_data" : "ictimesync_data";
        return ctx.decoded(message, info.toString(), h.fields().object(struct, r.build()).build());
    };

    /** A FILETIME field and, beside it, the same instant as text ({@code parenttime_utc}). */
    private static long time(FieldReader r, String name, long at, PayloadView p) {
        long ticks = r.u64(name, at);
        if (p.has(at, Long.BYTES)) {
            r.add(name + "_utc", new FieldValue.Text(utc(ticks)));
        }
        return ticks;
    }

    /** A Windows FILETIME (100 ns units since 1601-01-01 UTC, unsigned) as ISO-8601 UTC with 7 decimals. */
    static String utc(long filetime) {
        long seconds = Long.divideUnsigned(filetime, TICKS_PER_SECOND);
        long ticks = Long.remainderUnsigned(filetime, TICKS_PER_SECOND);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds - FILETIME_EPOCH_SECONDS, (int) ticks * 100,
                ZoneOffset.UTC);
        return Iso.FORMAT.format(t);
    }

    /** {@code PROBE} for 0, else {@code SYNC|SAMPLE} and any other bits in hex. */
    static String flagNames(long flags) {
        if (flags == 0) {
            return "PROBE";
        }
        StringBuilder s = new StringBuilder();
        if ((flags & ICTIMESYNCFLAG_SYNC) != 0) {
            s.append("SYNC");
        }
        if ((flags & ICTIMESYNCFLAG_SAMPLE) != 0) {
            s.append(s.length() == 0 ? "" : "|").append("SAMPLE");
        }
        long other = flags & ~(ICTIMESYNCFLAG_SYNC | ICTIMESYNCFLAG_SAMPLE);
        if (other != 0) {
            s.append(s.length() == 0 ? "" : "|").append(String.format("0x%02x", other));
        }
        return s.toString();
    }
}
