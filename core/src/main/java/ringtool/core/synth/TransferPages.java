package ringtool.core.synth;

import java.util.List;

/** The extended header of a type 7 packet ({@code vmtransfer_page_packet_header}). */
public record TransferPages(int pagesetId, Integer senderOwns, List<Range> ranges) {

    /** One {@code vmtransfer_page_range}. */
    public record Range(long byteCount, long byteOffset) {
    }
}
