package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ringtool} launcher, run by bash as a user runs it. The JVM is a stand-in script that prints the
 * arguments it was given, so the test sees which jar the launcher picked without building one.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void aSymlinkOnPathToALinkToTheLauncherFindsTheJarBesideTheRealScript() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("clone"));
        Files.copy(DocsTest.ROOT.resolve("ringtool"), repo.resolve("ringtool"));
        Files.createDirectories(repo.resolve("cli/target"));
        Files.write(repo.resolve("cli/target/ringtool.jar"), new byte[0]);
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        // ~/bin/ringtool -> ../opt/ringtool -> ../clone/ringtool: relative links, two deep.
        Path bin = Files.createDirectories(tmp.resolve("home/bin"));
        Path opt = Files.createDirectories(tmp.resolve("home/opt"));
        Files.createSymbolicLink(opt.resolve("ringtool"), Path.of("../../clone/ringtool"));
        Files.createSymbolicLink(bin.resolve("ringtool"), Path.of("../opt/ringtool"));

        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ringtool --version").directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("JAVA_HOME", tmp.resolve("jdk").toString());
        env.put("RINGTOOL_NO_CDS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("-XX:+UseSerialGC -XX:-UsePerfData -Xss8m -Xms16m -XX:InlineSmallCode=1000 -jar "
                + repo.toRealPath() + "/cli/target/ringtool.jar --version\n", out);
        assertEquals("", err);
    }
}
