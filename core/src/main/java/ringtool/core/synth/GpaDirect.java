package ringtool.core.synth;

import java.util.List;

/** The extended header and ranges of a type 9 packet ({@code vmdata_gpa_direct}). */
public record GpaDirect(List<Range> ranges) {

    /** One {@code gpa_range}: the PFNs are written as given, however many the byte span needs. */
    public record Range(long byteCount, long byteOffset, List<Long> pfns) {
    }
}
