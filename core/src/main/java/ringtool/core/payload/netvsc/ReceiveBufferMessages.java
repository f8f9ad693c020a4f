package ringtool.core.payload.netvsc;

import static ringtool.core.payload.netvsc.NvspHeader.BODY_OFFSET;

import java.util.ArrayList;
import java.util.List;
import ringtool.core.payload.DecodeContext;
import ringtool.core.payload.Decoded;
import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * The host's answer to the receive buffer's offer ({@link BufferOffer}): it cuts the buffer into sections.
 *
 * <pre>
 * nvsp_1_message_send_receive_buffer_complete   +4 status | +8 num_sections | +12 sections[] (16 bytes each)
 * </pre>
 */
final class ReceiveBufferMessages {

    static final int STATUS = BODY_OFFSET;
    static final int NUM_SECTIONS = STATUS + Integer.BYTES;
    static final int SECTIONS = NUM_SECTIONS + Integer.BYTES;
    /** Linux's struct declares {@code sections[1]}: its size holds one section. */
    static final int COMPLETE_SIZE = SECTIONS + ReceiveSection.SIZE - BODY_OFFSET;

    /** {@code NETVSC_RECEIVE_BUFFER_ID}: the page set id of every transfer-page packet. */
    static final int RECEIVE_BUFFER_ID = 0xcafe;

    private ReceiveBufferMessages() {
    }

    static Decoded complete(DecodeContext ctx, NvspHeader h, String message) {
        PayloadView p = ctx.payload();
        long status = p.u32(STATUS);
        long numSections = p.u32(NUM_SECTIONS);
        long fit = p.remaining(SECTIONS) / ReceiveSection.SIZE;
        long present = Math.min(numSections, fit);
        List<Fields> sections = new ArrayList<>((int) present);
        for (int i = 0; i < present; i++) {
            sections.add(ReceiveSection.parse(p, SECTIONS + (long) i * ReceiveSection.SIZE).fields());
        }
        ReceiveSection first = ReceiveSection.parse(p, SECTIONS);
        String info = message + " " + Nvsp.status(status);
        if (status == Nvsp.STAT_SUCCESS) {
            info += ": " + numSections + (numSections == 1 ? " section, " : " sections, first ")
                    + first.numSubAllocs() + " x " + first.subAllocSize() + " bytes at " + Nvsp.hex(first.offset());
            check(ctx, numSections, first);
        }
        Fields body = Fields.builder()
                .number("status", status)
                .number("num_sections", numSections)
                .list("sections", sections)
                .build();
        return ctx.decoded(message, info, Nvsp.message(h, "send_recv_buf_complete", body));
    }

    /** What {@code netvsc_init_buf} demands of a successful answer; a section it would take becomes the ring's. */
    private static void check(DecodeContext ctx, long numSections, ReceiveSection first) {
        boolean valid = true;
        if (numSections != 1 || first.offset() != 0) {
            ctx.mismatch(NetvscRules.NETVSC_RECV_BUF_SECTIONS_INVALID, "receive buffer sections",
                    "1 section at offset 0", numSections + " at offset " + Nvsp.hex(first.offset()),
                    NUM_SECTIONS, Integer.BYTES + Integer.BYTES);
            valid = false;
        }
        if (!first.sizeValid()) {
            ctx.mismatch(NetvscRules.NETVSC_RECV_BUF_SECTION_SIZE_INVALID, "receive section of " + first.numSubAllocs()
                            + " x sub_alloc_size",
                    "sub_alloc_size >= " + Nvsp.MTU_MIN + " and at most " + Nvsp.RECEIVE_BUFFER_MAX + " bytes in all",
                    first.subAllocSize() + " (" + Long.toUnsignedString(first.subAllocSize() * first.numSubAllocs())
                            + " bytes)",
                    SECTIONS + ReceiveSection.SUB_ALLOC_SIZE, 2L * Integer.BYTES);
            valid = false;
        }
        if (valid) {
            ctx.state().of(NetvscState.class, NetvscState::new).section(first);
        }
    }
}
