package ringtool.cli;

import java.util.function.Consumer;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A field of a command whose model is built with picocli's programmatic API, bound as picocli binds an annotated
 * field: the field starts from the initial value before parsing, receives every value picocli sets, and picocli
 * reads back what it set (a repeated option appends to the list it made for the first occurrence).
 */
final class Bound<T> implements IGetter, ISetter {

    private final Consumer<T> field;
    private Object value;

    private Bound(Consumer<T> field) {
        this.field = field;
    }

    static <T> OptionSpec.Builder option(OptionSpec.Builder option, T initial, Consumer<T> field) {
        Bound<T> b = new Bound<>(field);
        return option.initialValue(initial).getter(b).setter(b);
    }

    static <T> PositionalParamSpec.Builder positional(PositionalParamSpec.Builder positional, T initial,
                                                      Consumer<T> field) {
        Bound<T> b = new Bound<>(field);
        return positional.initialValue(initial).getter(b).setter(b);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R get() {
        return (R) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R set(R newValue) {
        R old = (R) value;
        value = newValue;
        field.accept((T) newValue);
        return old;
    }
}
