package ringtool.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Jazzer children fuzzing one target together: started, watched until they end or overrun their deadline,
 * and interrupted if this JVM is stopped first (a shutdown hook, removed on {@link #close}).
 */
final class JazzerJobs implements AutoCloseable {

    private static final long POLL_MS = 200;
    /** How long an interrupted child may take to stop before it is killed. */
    private static final long STOP_SECONDS = 15;

    private final List<JazzerChild> children = new ArrayList<>();
    private final Thread stopper = new Thread(this::interrupt);

    JazzerJobs() {
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    void start(List<String> command, Path log, Path workDir) throws IOException {
        children.add(JazzerChild.start(command, log, workDir));
    }

    List<JazzerChild> children() {
        return children;
    }

    /**
     * Waits until every child has ended and its output is in its log, calling {@code progress} every
     * {@code progressEveryMs}. Past {@code deadline} (a {@link System#nanoTime} value) the children are interrupted,
     * and killed if they still run {@value #STOP_SECONDS} s later.
     *
     * @return whether they overran the deadline
     */
    boolean await(long deadline, long progressEveryMs, Runnable progress) throws InterruptedException {
        long lastReport = System.currentTimeMillis();
        long stopBy = deadline;
        boolean overran = false;
        while (children.stream().anyMatch(JazzerChild::alive)) {
            Thread.sleep(POLL_MS);
            if (System.currentTimeMillis() - lastReport >= progressEveryMs) {
                lastReport = System.currentTimeMillis();
                progress.run();
            }
            if (!overran && System.nanoTime() > stopBy) {
                overran = true;
                interrupt();
                stopBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
            } else if (overran && System.nanoTime() > stopBy) {
                children.forEach(JazzerChild::kill);
            }
        }
        for (JazzerChild c : children) {
            c.drain();
        }
        return overran;
    }

    void interrupt() {
        children.forEach(JazzerChild::interrupt);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running; it stops the children.
        }
    }
}
