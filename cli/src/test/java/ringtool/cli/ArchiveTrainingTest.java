package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's archive training must keep exercising what it names: a renamed sample would quietly drop it. */
class ArchiveTrainingTest {

    @Test
    void everySampleTheTrainingNamesExistsExceptTheOneMeantToBeMissing() {
        for (String[] run : ArchiveTraining.RUNS) {
            for (String arg : run) {
                if (arg.startsWith("@") && !arg.equals("@no-such-file.bin")) {
                    Path p = DocsTest.ROOT.resolve("samples").resolve(arg.substring(1));
                    assertTrue(Files.exists(p), p + " (named by ArchiveTraining)");
                }
            }
        }
    }
}
