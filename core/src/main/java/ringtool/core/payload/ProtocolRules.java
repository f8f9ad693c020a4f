package ringtool.core.payload;

import java.util.List;
import ringtool.core.rules.Rule;
import ringtool.core.rules.RuleSource;

/** Every protocol's rules for the registry ({@code Rules.all()}), registered in {@code META-INF/services}. */
public final class ProtocolRules implements RuleSource {

    @Override
    public List<Rule> rules() {
        return Protocols.rules();
    }
}
