package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** One ring of a pair ({@code --ring}) and a start per ring ({@code --read-index RING=OFFSET}). */
class RingChoiceCliTest {

    private static final String PAIR = DocsTest.ROOT.resolve("samples/balloon-uio-pair.bin").toString();
    private static final String SINGLE = DocsTest.ROOT.resolve("samples/wrapped-packet.bin").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode rings(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out()).get("inputs").get(0).get("rings");
    }

    @Test
    void ringInboundReportsOnlyTheInboundRingOfAPair() throws Exception {
        JsonNode rings = rings("inspect", "--format", "json", "--ring", "inbound", "--read-index", "0x50", PAIR);
        assertEquals(1, rings.size());
        assertEquals("inbound", rings.get(0).get("name").asText());
        assertEquals(1, rings.get(0).get("packets").size());
        assertEquals(80, rings.get(0).get("packets").get(0).get("offset").asLong());
    }

    @Test
    void aReadIndexPerRingStartsEachRingWhereItsReaderWas() throws Exception {
        JsonNode rings = rings("inspect", "--format", "json", "--read-index", "outbound=0x7b0",
                "--read-index", "inbound=0x50", PAIR);
        assertEquals(2, rings.size());
        assertEquals(1, rings.get(0).get("packets").size());
        assertEquals(0x7b0, rings.get(0).get("packets").get(0).get("offset").asLong());
        assertEquals(80, rings.get(1).get("packets").get(0).get("offset").asLong());
    }

    @Test
    void aNamedRingThatTheInputLacksIsAnInputError() {
        CliRun r = CliRun.of("inspect", "--ring", "inbound", SINGLE);
        assertEquals(3, r.exit());
        assertEquals("ringtool inspect: " + SINGLE + ": has no inbound ring: it holds one ring, 'ring'; a ring is"
                + " picked by name only in a pair\n", r.err());
    }

    @Test
    void aRingNameThatNoPairHasIsAUsageError() {
        CliRun r = CliRun.of("inspect", "--read-index", "in=0x50", PAIR);
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: Invalid value for option '--read-index': 'in' is no ring of a pair: expected"
                + " outbound or inbound\nringtool inspect: see 'ringtool inspect --help'\n", r.err());
        assertEquals(2, CliRun.of("inspect", "--ring", "INBOUND", PAIR).exit());
    }

    @Test
    void aPlainReadIndexComesAlone() {
        CliRun r = CliRun.of("inspect", "--read-index", "0x50", "--read-index", "inbound=0x50", PAIR);
        assertEquals(2, r.exit());
        assertEquals("ringtool inspect: --read-index: a plain OFFSET applies to every ring and comes alone; name the"
                + " rings (outbound=N, inbound=N) to give each its own\n"
                + "ringtool inspect: see 'ringtool inspect --help'\n", r.err());
    }
}
