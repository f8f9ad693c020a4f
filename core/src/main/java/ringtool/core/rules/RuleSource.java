package ringtool.core.rules;

import java.util.List;

/**
 * Rules defined above this package (each payload protocol's), found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services}, so that the registry lists them without naming a package above its own.
 */
public interface RuleSource {

    List<Rule> rules();
}
