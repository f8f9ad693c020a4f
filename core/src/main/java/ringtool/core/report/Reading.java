package ringtool.core.report;

import java.util.List;
import java.util.Objects;
import ringtool.core.model.ReaderModel;
import ringtool.core.payload.DeviceClass;
import ringtool.core.payload.PayloadOptions;

/**
 * How to read each ring besides the strict walk from its header's read index.
 *
 * @param readIndex where to start the walk instead (the guest's {@code priv_read_index} from a crash dump,
 *                  {@code --read-index}), or null
 * @param models    reader models to run over the ring beside the strict walk ({@code --model}), in report order
 * @param history   whether to walk back from the start through consumed packets ({@code --history})
 * @param payload   how to pick the protocol the payloads are decoded with ({@code --protocol}, {@code --class-id})
 * @param device    the class of the device the input sits under, or null
 */
public record Reading(Long readIndex, List<ReaderModel> models, boolean history, PayloadOptions payload,
                      DeviceClass device) {

    /** The strict walk from each ring's read index, payloads decoded as {@code --protocol auto} would. */
    public static final Reading STRICT = new Reading(null, List.of(), false, PayloadOptions.DEFAULTS, null);

    public Reading {
        models = List.copyOf(models);
        Objects.requireNonNull(payload, "payload");
    }
}
