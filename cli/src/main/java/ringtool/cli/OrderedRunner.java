package ringtool.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code --jobs N} inputs at a time while the output keeps input order, in bounded memory.
 *
 * <p>Each input in flight renders into its own {@link Pipe} of {@link #PIPE_CHARS} characters. The calling thread
 * copies the pipe of the oldest input to the real output as it fills; the workers further ahead block when their
 * pipe is full until their turn comes. So a ring of a million packets streams through the head pipe as it is
 * rendered, and the memory taken is at most {@code 2 * N} pipes however big the inputs are. No deadlock: tasks
 * start in input order, so the oldest unfinished input always has a thread and a drained pipe.
 */
final class OrderedRunner {

    static final int PIPE_CHARS = 1 << 16;

    /** One input's work: render into {@code out} (and nothing else), return what the caller needs afterwards. */
    interface Task<R> {
        R run(Pipe out) throws Exception;
    }

    /** Called on the calling thread, in input order, after the input's output was copied. */
    interface Done<R> {
        void accept(R result) throws IOException;
    }

    private OrderedRunner() {
    }

    /**
     * @param separator written to {@code out} between two inputs' outputs (JSON's array comma), or ""
     */
    static <R> void run(List<Task<R>> tasks, int jobs, Writer out, String separator, Done<R> done)
            throws IOException {
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "ringtool-job");
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemons);
        try {
            jobs = start(pool, Math.max(1, Math.min(jobs, tasks.size())));
            ArrayDeque<InFlight<R>> window = new ArrayDeque<>();
            // Pipes are reused once drained: a run over thousands of small inputs allocates 2 * jobs of them, not
            // one (and its buffers) per input.
            ArrayDeque<Pipe> drained = new ArrayDeque<>();
            char[] chunk = new char[PIPE_CHARS];
            Iterator<Task<R>> next = tasks.iterator();
            boolean first = true;
            while (next.hasNext() || !window.isEmpty()) {
                while (next.hasNext() && window.size() < 2 * jobs) {
                    Task<R> task = next.next();
                    Pipe pipe = drained.isEmpty() ? new Pipe(PIPE_CHARS) : drained.pop();
                    Future<R> future = pool.submit(() -> {
                        try {
                            return task.run(pipe);
                        } finally {
                            pipe.close();
                        }
                    });
                    window.add(new InFlight<>(pipe, future));
                }
                InFlight<R> head = window.remove();
                if (!first) {
                    out.write(separator);
                }
                first = false;
                head.pipe.drainTo(out, chunk);
                // The run's own writer may write next through another path to the same stream (bytes, not chars).
                out.flush();
                R result = result(head.future);
                // The task has returned, so nothing writes to its pipe any more.
                head.pipe.reset();
                drained.push(head.pipe);
                done.accept(result);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts up to {@code jobs} threads and keeps the pool at the number that started: a system that refuses a
     * thread (an OutOfMemoryError from {@link Thread#start()}) runs the inputs on fewer, never none.
     */
    private static int start(ThreadPoolExecutor pool, int jobs) throws IOException {
        int started = 0;
        try {
            pool.setMaximumPoolSize(jobs);
            pool.setCorePoolSize(jobs);
            while (started < jobs && pool.prestartCoreThread()) {
                started++;
            }
        } catch (OutOfMemoryError e) {
            if (started == 0) {
                throw new IOException("cannot start a thread: " + e.getMessage(), e);
            }
        }
        pool.setCorePoolSize(started);
        pool.setMaximumPoolSize(started);
        return started;
    }

    private static <R> R result(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private record InFlight<R>(Pipe pipe, Future<R> future) {
    }

    /** A bounded single-producer, single-consumer character queue; the producer blocks when it is full. */
    static final class Pipe extends Writer {
        /** The characters {@link #printer()} gathers before it writes them to the pipe. */
        static final int PRINTER_CHARS = 1 << 13;

        private final char[] buf;
        private int head;
        private int count;
        private boolean closed;
        private boolean abandoned;
        private boolean discarding;
        private PrintWriter printer;

        Pipe(int capacity) {
            buf = new char[capacity];
        }

        /**
         * A buffered printer onto the pipe, kept with it when it is reused: a task that takes it flushes it before
         * it returns, so that its characters are all in the pipe when the pipe closes.
         */
        PrintWriter printer() {
            if (printer == null) {
                printer = new PrintWriter(new BufferedWriter(this, PRINTER_CHARS));
            }
            return printer;
        }

        /** Empty and open again, for the next input; only once its task has returned and it was drained. */
        synchronized void reset() {
            head = 0;
            count = 0;
            closed = false;
            discarding = false;
        }

        @Override
        public synchronized void write(char[] src, int off, int len) throws IOException {
            if (discarding) {
                return;
            }
            while (len > 0) {
                while (count == buf.length && !abandoned) {
                    waitHere();
                }
                if (abandoned) {
                    throw new IOException("output abandoned");
                }
                int tail = (head + count) % buf.length;
                int n = Math.min(len, Math.min(buf.length - count, buf.length - tail));
                System.arraycopy(src, off, buf, tail, n);
                count += n;
                off += n;
                len -= n;
                notifyAll();
            }
        }

        /** While on, what is written is dropped: a writer's envelope that the run writes only once. */
        synchronized void discard(boolean on) {
            discarding = on;
        }

        @Override
        public void flush() {
            // The consumer takes what is there as soon as it is there.
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** Copies everything the producer writes until it closes the pipe, through {@code chunk}. */
        void drainTo(Writer out, char[] chunk) throws IOException {
            while (true) {
                int n;
                synchronized (this) {
                    while (count == 0 && !closed) {
                        waitHere();
                    }
                    if (count == 0) {
                        return;
                    }
                    n = Math.min(Math.min(count, buf.length - head), chunk.length);
                    System.arraycopy(buf, head, chunk, 0, n);
                    head = (head + n) % buf.length;
                    count -= n;
                    notifyAll();
                }
                try {
                    out.write(chunk, 0, n);
                } catch (IOException | UncheckedIOException e) {
                    abandon();
                    throw e;
                }
            }
        }

        private synchronized void abandon() {
            abandoned = true;
            notifyAll();
        }

        private void waitHere() {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted", e));
            }
        }
    }
}
