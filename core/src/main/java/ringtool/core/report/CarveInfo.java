package ringtool.core.report;

import java.util.List;
import ringtool.core.rules.Finding;

/**
 * What {@code ringtool carve} knows of a ring it found in a memory image: the carve fields of docs/contract.md §8.
 *
 * @param physicalAddress of the ring's header page
 * @param pair            shared by the two rings of one channel
 * @param confidence      0..1 that this is a live ring with this data size
 * @param evidence        one line: why this ring, why this size
 * @param findings        what the carve found wrong with the ring itself (pages of it the image lacks); they
 *                        follow the header's findings in the ring's
 */
public record CarveInfo(long physicalAddress, int pair, double confidence, String evidence, List<Finding> findings) {

    public CarveInfo {
        findings = List.copyOf(findings);
    }
}
