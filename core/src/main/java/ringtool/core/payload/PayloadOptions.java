package ringtool.core.payload;

/**
 * {@code inspect --protocol} and {@code --class-id}.
 *
 * @param protocol {@code auto}, {@code none} or a protocol's name
 * @param classId  the device class GUID given with {@code --class-id}, or null
 */
public record PayloadOptions(String protocol, String classId) {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    public static final PayloadOptions DEFAULTS = new PayloadOptions(AUTO, null);
    public static final PayloadOptions OFF = new PayloadOptions(NONE, null);
}
