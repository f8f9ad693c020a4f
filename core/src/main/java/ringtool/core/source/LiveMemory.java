package ringtool.core.source;

import java.io.IOException;

/**
 * Ring memory that changes while it is read: the mmap of {@code /sys/bus/vmbus/devices/<dev>/channels/<relid>/ring}
 * or of {@code /dev/uioN} map0. {@link LiveCopy} reads the indices through it, copies the bytes once, and reads the
 * indices again; tests give it a fake whose indices move.
 */
public interface LiveMemory {

    long size();

    /** A u32 as the memory holds it now. */
    long u32(long at) throws IOException;

    /** Copies {@code dst.length} bytes from offset 0: the one copy everything else is parsed from. */
    void copyAll(byte[] dst) throws IOException;
}
