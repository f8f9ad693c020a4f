package ringtool.core.sysfs;

/**
 * One direction's device-level files ({@code in_*} or {@code out_*}): the kernel's
 * {@code struct hv_ring_buffer_debug_info}, printed with {@code %d} and read back as the u32 it is. Each field is
 * null when its file is missing or could not be read.
 */
public record RingDebugInfo(Long interruptMask, Long readIndex, Long writeIndex, Long readBytesAvail,
                            Long writeBytesAvail) {

    /** {@code (read_bytes_avail + write_bytes_avail) mod 2^32}: the data size, whatever the indices hold. */
    public Long dataSize() {
        if (readBytesAvail == null || writeBytesAvail == null) {
            return null;
        }
        return (readBytesAvail + writeBytesAvail) & 0xFFFF_FFFFL;
    }

    public boolean isEmpty() {
        return interruptMask == null && readIndex == null && writeIndex == null && readBytesAvail == null
                && writeBytesAvail == null;
    }
}
