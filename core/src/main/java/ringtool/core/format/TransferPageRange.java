package ringtool.core.format;

import ringtool.core.bytes.ByteSource;

/** {@code struct vmtransfer_page_range}: {@code | byte_count u32 | byte_offset u32 |}. */
public record TransferPageRange(long byteCount, long byteOffset) {

    public static final int BYTE_COUNT_OFFSET = 0;
    public static final int BYTE_OFFSET_OFFSET = BYTE_COUNT_OFFSET + Integer.BYTES;
    public static final int SIZE = BYTE_OFFSET_OFFSET + Integer.BYTES;

    public static TransferPageRange parse(ByteSource src, long at) {
        Bounds.require(src, at, SIZE, "transfer-page range");
        return new TransferPageRange(src.u32(at + BYTE_COUNT_OFFSET), src.u32(at + BYTE_OFFSET_OFFSET));
    }
}
