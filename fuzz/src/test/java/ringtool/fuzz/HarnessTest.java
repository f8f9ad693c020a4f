package ringtool.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import ringtool.core.report.InputReport;
import ringtool.core.inspect.Inspector;
import ringtool.core.bytes.ByteSource;

class HarnessTest {

    private static byte[] seed(String name) throws IOException {
        return Files.readAllBytes(Path.of("..", "corpus", "raw", name));
    }

    @Test
    void validMixedRingPassesEveryInvariant() throws IOException {
        InputReport report = Harness.run(Inspector.defaults(), seed("valid-single-mixed.bin"));
        assertEquals(4, report.summary().packets());
    }

    @Test
    void inputThatCannotBeFramedIsAnErrorReportNotAFinding() {
        InputReport report = Harness.run(Inspector.defaults(), new byte[100]);
        assertEquals("too small: 100 bytes, a ring needs at least 8192 (a 4096-byte header and one 4096-byte page"
                + " of data)", report.error());
    }

    @Test
    void reEncodingCatchesAFieldTheModelDoesNotHold() throws IOException {
        byte[] input = seed("valid-single-mixed.bin");
        InputReport report = Inspector.defaults().inspect("x", ByteSource.of(input));
        byte[] other = input.clone();
        other[4096 + 0x100 + 8] ^= 1; // transaction_id of the first packet, at data offset 0x100
        InvariantViolation e = assertThrows(InvariantViolation.class, () -> ModelEncoder.verify(report, other));
        assertEquals("transaction_id of packet 0 re-encodes to byte 0 at data offset 264 of ring ring, the input"
                + " holds 1", e.getMessage());
    }

    @Test
    void reEncodingCatchesPaddingThatIsNotZero() throws IOException {
        byte[] input = seed("valid-single-mixed.bin");
        InputReport report = Inspector.defaults().inspect("x", ByteSource.of(input));
        byte[] other = input.clone();
        other[4096 + 0x100 + 16 + 7] = 1; // the first packet's 5-byte payload is padded to 8 with zeros
        InvariantViolation e = assertThrows(InvariantViolation.class, () -> ModelEncoder.verify(report, other));
        assertEquals("padding byte of packet 0 re-encodes to byte 0 at data offset 279 of ring ring, the input"
                + " holds 1", e.getMessage());
    }
}
