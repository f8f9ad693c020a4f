package ringtool.core.synth;

/** A description that cannot be written: the message names the field and the problem. */
public final class SynthException extends Exception {

    public SynthException(String message) {
        super(message);
    }
}
