package ringtool.core.payload;

/**
 * The class GUID of the device an input belongs to, and where it was read.
 *
 * @param classId the GUID as read (braces and case as sysfs prints it)
 * @param source  where it came from: {@code --class-id} or the {@code class_id} file's path
 */
public record DeviceClass(String classId, String source) {
}
