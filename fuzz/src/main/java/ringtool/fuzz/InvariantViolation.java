package ringtool.fuzz;

/**
 * A reader invariant broken by one input. Jazzer reports any throwable that leaves a target as a finding, so this
 * is how the harness says "this input shows a bug" without a framing error being mistaken for one.
 */
public final class InvariantViolation extends RuntimeException {

    public InvariantViolation(String message) {
        super(message);
    }

    public InvariantViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
