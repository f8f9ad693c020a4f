package ringtool.core.payload.netvsc;

import ringtool.core.payload.Fields;
import ringtool.core.payload.PayloadView;

/**
 * {@code struct nvsp_1_receive_buffer_section}: {@code num_sub_allocs} pieces of {@code sub_alloc_size} bytes of the
 * receive buffer from {@code offset}.
 *
 * <pre>
 * +0 offset | +4 sub_alloc_size | +8 num_sub_allocs | +12 end_offset |
 * </pre>
 */
record ReceiveSection(long offset, long subAllocSize, long numSubAllocs, long endOffset) {

    static final int OFFSET = 0;
    static final int SUB_ALLOC_SIZE = OFFSET + Integer.BYTES;
    static final int NUM_SUB_ALLOCS = SUB_ALLOC_SIZE + Integer.BYTES;
    static final int END_OFFSET = NUM_SUB_ALLOCS + Integer.BYTES;
    static final int SIZE = END_OFFSET + Integer.BYTES;

    /** The caller has checked {@code p.has(at, SIZE)}. */
    static ReceiveSection parse(PayloadView p, long at) {
        return new ReceiveSection(p.u32(at + OFFSET), p.u32(at + SUB_ALLOC_SIZE), p.u32(at + NUM_SUB_ALLOCS),
                p.u32(at + END_OFFSET));
    }

    /**
     * Where the pieces end, as an unsigned 64-bit value (two u32 multiplied and a u32 added stay below 2^64): Linux
     * makes the same product in 64 bits since the hardening; compare with {@link Long#compareUnsigned}.
     */
    long end() {
        return offset + subAllocSize * numSubAllocs;
    }

    /** Whether Linux would take this section: at least NETVSC_MTU_MIN per piece, no more than 31 MiB in all. */
    boolean sizeValid() {
        return subAllocSize >= Nvsp.MTU_MIN
                && Long.compareUnsigned(subAllocSize * numSubAllocs, Nvsp.RECEIVE_BUFFER_MAX) <= 0;
    }

    Fields fields() {
        return Fields.builder()
                .number("offset", offset)
                .number("sub_alloc_size", subAllocSize)
                .number("num_sub_allocs", numSubAllocs)
                .number("end_offset", endOffset)
                .build();
    }
}
