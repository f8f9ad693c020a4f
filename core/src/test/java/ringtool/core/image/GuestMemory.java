package ringtool.core.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * A small guest's physical memory for tests: RAM ranges with holes between them, noise and zero pages, rings
 * planted at known addresses, and frames a dump is to leave out. The writers beside it turn it into ELF cores,
 * kdump-compressed and flattened files, or raw images.
 */
final class GuestMemory {

    static final int PAGE = 4096;

    /** A RAM range of frames {@code [start, end)}. */
    record Range(long start, long end) {
    }

    final byte[] bytes;
    final List<Range> ram = new ArrayList<>();
    final BitSet excluded = new BitSet();

    GuestMemory(int frames) {
        bytes = new byte[frames * PAGE];
    }

    int frames() {
        return bytes.length / PAGE;
    }

    GuestMemory ram(long startFrame, long endFrame) {
        ram.add(new Range(startFrame, endFrame));
        return this;
    }

    /** Fills every RAM frame with noise, except every {@code zeroEvery}-th, which stays zero. */
    GuestMemory noise(long seed, int zeroEvery) {
        Random random = new Random(seed);
        byte[] page = new byte[PAGE];
        for (Range r : ram) {
            for (long f = r.start; f < r.end; f++) {
                if (zeroEvery > 0 && f % zeroEvery == 0) {
                    continue;
                }
                random.nextBytes(page);
                System.arraycopy(page, 0, bytes, (int) f * PAGE, PAGE);
            }
        }
        return this;
    }

    GuestMemory plant(long physical, byte[] ring) {
        System.arraycopy(ring, 0, bytes, (int) physical, ring.length);
        return this;
    }

    GuestMemory exclude(long frame) {
        excluded.set((int) frame);
        return this;
    }

    boolean isRam(long frame) {
        for (Range r : ram) {
            if (frame >= r.start && frame < r.end) {
                return true;
            }
        }
        return false;
    }

    byte[] page(long frame) {
        return Arrays.copyOfRange(bytes, (int) frame * PAGE, (int) (frame + 1) * PAGE);
    }
}
