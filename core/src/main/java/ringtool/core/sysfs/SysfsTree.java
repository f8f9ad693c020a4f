package ringtool.core.sysfs;

import java.util.List;

/**
 * Read access to one device directory of a sysfs tree (live or copied), by relative path. Tests give it a map to
 * simulate what a copy cannot hold: an unopened channel's {@code EINVAL}, an {@code EIO}.
 */
public interface SysfsTree {

    /** What reading one attribute gave. */
    sealed interface Attr permits Value, Missing, Unreadable {
    }

    /** The attribute's text, as the kernel printed it (trailing newline included). */
    record Value(String text) implements Attr {
    }

    /** No such file: normal on old kernels, for unopened channels and for hidden monitor attributes. */
    record Missing() implements Attr {
    }

    /** The file exists but reading it failed; {@code reason} as the OS gave it ("Invalid argument"). */
    record Unreadable(String reason) implements Attr {
    }

    Attr read(String path);

    /** Names of the subdirectories of {@code path}, sorted; empty when there is none or no such directory. */
    List<String> directories(String path);
}
