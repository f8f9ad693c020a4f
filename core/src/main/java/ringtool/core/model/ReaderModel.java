package ringtool.core.model;

import ringtool.core.walk.RingSnapshot;

/**
 * A real reader's arithmetic, bugs included, replayed over a snapshot. Every model is bounded: it stops at the
 * first offset it reads twice (the real reader would spin), at a fault, an error or when it catches up, and in
 * any case after {@link ModelRun#stepLimit(long)} reads.
 */
public interface ReaderModel {

    /** The name users give to {@code --model}: {@code linux-5.14}, {@code linux-4.11}, ... */
    String name();

    /** The buffer size the model was built with, or null when the reader has none. */
    default Long pktBufferSize() {
        return null;
    }

    /**
     * @param start  the strict walk's start cursor (the header's read index or {@code --read-index})
     * @param strict where the strict walk's packets start
     */
    ModelResult run(RingSnapshot ring, long start, StrictPackets strict);
}
