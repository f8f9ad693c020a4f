package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code ringtool checks RULE}: one rule explained, with the shipped samples that raise it. */
class ChecksRuleTest {

    @Test
    void aDescriptorRuleSaysTheWalkStopsAndNamesItsSamples() {
        CliRun r = CliRun.of("checks", "pkt.len8.too_small");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertEquals("pkt.len8.too_small\n"
                + "  meaning:   len8 < 2\n"
                + "  severity:  error (group pkt); exit 1 under --fail-on error or warning or note\n"
                + "  reader:    the walk stops at this packet: past a broken descriptor nobody knows where the next"
                + " one starts\n", out.substring(0, out.indexOf("  sample")));
        assertEquals(true, out.contains("  sample:    ringtool inspect samples/bad-len8-zero.bin\n"), out);
    }

    @Test
    void aNoteSaysTheWalkGoesOnAndFailsOnlyUnderFailOnNote() {
        CliRun r = CliRun.of("checks", "pkt.trailer.zero");
        assertEquals(0, r.exit(), r.err());
        assertEquals(true, r.out().contains("  severity:  note (group pkt); exit 1 under --fail-on note\n"
                + "  reader:    reported; the walk goes on\n"), r.out());
        assertEquals(true, r.out().contains("  sample:    ringtool inspect samples/trailer-zero-qemu.bin\n"), r.out());
    }

    @Test
    void anUnknownRuleIsAUsageErrorWithTheNearestIds() {
        CliRun r = CliRun.of("checks", "pkt.len8");
        assertEquals(2, r.exit());
        assertEquals("ringtool checks: no rule 'pkt.len8'; did you mean pkt.len8.too_small,"
                + " pkt.len8.exceeds_available?\nringtool checks: see 'ringtool checks --help'\n", r.err());
    }
}
