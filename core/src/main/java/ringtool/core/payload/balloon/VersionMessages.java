package ringtool.core.payload.balloon;

import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.FieldReader;
import ringtool.core.payload.MessageDecoder;

/**
 * Version negotiation: {@code struct dm_version_request} (guest) and {@code struct dm_version_response} (host).
 * <pre>
 * dm_version_request                      dm_version_response
 *   0  dm_header hdr                        0  dm_header hdr
 *   8  u16 minor_version  (union            8  u64 is_accepted:1, reservedz:63
 *  10  u16 major_version   dm_version)     16
 *  12  u32 is_last_attempt:1, reservedz:31
 *  16
 * </pre>
 */
final class VersionMessages {

    static final int MINOR_OFFSET = DmHeader.SIZE;
    static final int MAJOR_OFFSET = MINOR_OFFSET + Short.BYTES;
    static final int LAST_ATTEMPT_OFFSET = MAJOR_OFFSET + Short.BYTES;
    static final int REQUEST_SIZE = LAST_ATTEMPT_OFFSET + Integer.BYTES;

    static final int ACCEPTED_OFFSET = DmHeader.SIZE;
    static final int RESPONSE_SIZE = ACCEPTED_OFFSET + Long.BYTES;

    private VersionMessages() {
    }

    static final MessageDecoder<DmHeader> REQUEST = (ctx, h, message) -> {
        Sizes.atLeast(ctx, h, message, REQUEST_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        FieldReader v = new FieldReader(ctx.payload());
        long minor = v.u16("minor_version", MINOR_OFFSET);
        long major = v.u16("major_version", MAJOR_OFFSET);
        r.add("version", v.build());
        long bits = r.raw(LAST_ATTEMPT_OFFSET, Integer.BYTES);
        StringBuilder info = new StringBuilder(Sizes.info(message, h));
        if (v.complete()) {
            info.append(": version ").append(major).append('.').append(minor);
        }
        if (ctx.payload().has(LAST_ATTEMPT_OFFSET, Integer.BYTES)) {
            r.number("is_last_attempt", bits & 1).number("reservedz", bits >>> 1);
            info.append(", is_last_attempt ").append(bits & 1);
        }
        return ctx.decoded(message, info.toString(), r.build());
    };

    /** Also {@code struct dm_capabilities_resp_msg}: the same layout. */
    static final MessageDecoder<DmHeader> RESPONSE = VersionMessages::accepted;

    static Decoded accepted(DecodeContext ctx, DmHeader h, String message) {
        Sizes.atLeast(ctx, h, message, RESPONSE_SIZE);
        FieldReader r = new FieldReader(ctx.payload());
        r.add("hdr", h.fields());
        String info = Sizes.info(message, h);
        if (ctx.payload().has(ACCEPTED_OFFSET, Long.BYTES)) {
            long bits = ctx.payload().u64(ACCEPTED_OFFSET);
            r.number("is_accepted", bits & 1).number("reservedz", bits >>> 1);
            info += ": is_accepted " + (bits & 1);
        }
        return ctx.decoded(message, info, r.build());
    }

}
