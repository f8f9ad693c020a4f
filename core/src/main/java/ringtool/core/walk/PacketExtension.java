package ringtool.core.walk;

import java.util.List;
import ringtool.core.format.GpaDirectHeader;
import ringtool.core.format.GpaRange;
import ringtool.core.format.TransferPageHeader;
import ringtool.core.format.TransferPageRange;

/** What follows the descriptor of a type 7 or type 9 packet, as far as the packet holds it. */
public sealed interface PacketExtension {

    /** Type 7: the header and the ranges that fit before the payload. */
    record TransferPages(TransferPageHeader header, List<TransferPageRange> ranges) implements PacketExtension {
        public TransferPages {
            ranges = List.copyOf(ranges);
        }
    }

    /** Type 9: the header and the ranges parsed up to the first invalid one. */
    record GpaDirect(GpaDirectHeader header, List<GpaRange> ranges) implements PacketExtension {
        public GpaDirect {
            ranges = List.copyOf(ranges);
        }
    }
}
