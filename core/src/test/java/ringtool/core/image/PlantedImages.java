package ringtool.core.image;

import java.util.Arrays;
import ringtool.core.synth.RingWriter;

/**
 * The guest every carve test plants its rings in: 8 MiB, RAM at frames 0-159 and 192-2047 (a hole between, as
 * below 1 MiB on a PC), noise with every 7th frame zero, and:
 * <ul>
 * <li>a channel's pair at 0x200000 (outbound, 5 consumed packets, Linux trailers) and 0x205000 (inbound, 3 live
 *     packets), 16 KiB of data each;</li>
 * <li>a lone ring at 0x400000 with 12 KiB of data whose consumed packets wrap around its end;</li>
 * <li>a stale copy of the outbound header page at 0x600000, in front of noise;</li>
 * <li>the last 8 frames (0x7f8000-0x7fffff) left out by the dump where the container can say so.</li>
 * </ul>
 */
final class PlantedImages {

    static final long PAIR = 0x200000;
    static final long INBOUND = PAIR + 0x5000;
    static final long LONE = 0x400000;
    static final long DECOY = 0x600000;
    static final int FRAMES = 2048;
    static final int EXCLUDED_FROM = 2040;

    private PlantedImages() {
    }

    static byte[] outbound() {
        RingWriter b = new RingWriter(16384);
        for (int i = 0; i < 5; i++) {
            b.inband(100 + i, payload(24 + 8 * i, i));
        }
        return b.readIndex(b.cursor()).build();
    }

    static byte[] inbound() {
        RingWriter b = new RingWriter(16384).startAt(4000);
        for (int i = 0; i < 3; i++) {
            b.inband(200 + i, payload(40, 10 + i));
        }
        return b.build();
    }

    static byte[] lone() {
        RingWriter b = new RingWriter(12288).startAt(12288 - 96);
        for (int i = 0; i < 6; i++) {
            b.inband(300 + i, payload(40, 20 + i));
        }
        return b.readIndex(b.cursor()).build();
    }

    private static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (0x41 + (seed + i) % 26);
        }
        return p;
    }

    static GuestMemory guest() {
        GuestMemory m = new GuestMemory(FRAMES).ram(0, 160).ram(192, FRAMES).noise(42, 7);
        m.plant(PAIR, outbound()).plant(INBOUND, inbound()).plant(LONE, lone())
                .plant(DECOY, Arrays.copyOf(outbound(), 4096));
        for (int f = EXCLUDED_FROM; f < FRAMES; f++) {
            m.exclude(f);
        }
        return m;
    }
}
