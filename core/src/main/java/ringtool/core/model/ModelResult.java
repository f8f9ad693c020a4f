package ringtool.core.model;

import java.util.List;
import ringtool.core.rules.Finding;

/**
 * What one reader would have done with a ring snapshot.
 *
 * @param pktBufferSize the copy or caller buffer the model was run with, or null for readers without one
 * @param findings      where the reader departs from the strict walk; each carries {@link Finding#model()}
 */
public record ModelResult(String model, Long pktBufferSize, List<ModelRead> reads, ModelEnd end,
                          List<Finding> findings) {

    public ModelResult {
        // A run's own reads are kept compact (ModelReads); a copy would make a record of each.
        reads = reads instanceof ModelReads ? reads : List.copyOf(reads);
        findings = List.copyOf(findings);
    }
}
