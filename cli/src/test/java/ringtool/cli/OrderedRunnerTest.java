package ringtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderedRunnerTest {

    @Test
    void anInputAheadOfTheOldestBuffersAtMostOnePipeThenWaitsItsTurn() throws Exception {
        AtomicLong aheadWrote = new AtomicLong();
        long[] seenByHead = new long[1];
        int big = OrderedRunner.PIPE_CHARS * 4;
        List<OrderedRunner.Task<String>> tasks = List.of(
                pipe -> {
                    // The oldest input holds its turn until the one behind it has filled its pipe and blocked.
                    while (aheadWrote.get() < OrderedRunner.PIPE_CHARS) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(200);
                    seenByHead[0] = aheadWrote.get();
                    pipe.write("first;");
                    return "a";
                },
                pipe -> {
                    for (int i = 0; i < big; i++) {
                        pipe.write('x');
                        aheadWrote.incrementAndGet();
                    }
                    return "b";
                });
        StringWriter out = new StringWriter();
        List<String> done = new ArrayList<>();
        OrderedRunner.run(tasks, 2, out, "|", done::add);
        assertEquals(OrderedRunner.PIPE_CHARS, seenByHead[0]);
        assertEquals("first;|" + "x".repeat(big), out.toString());
        assertEquals(List.of("a", "b"), done);
    }

    @Test
    void aFailingInputFailsTheRunWithItsOwnException() {
        List<OrderedRunner.Task<String>> tasks = List.of(pipe -> "ok", pipe -> {
            throw new IOException("disk gone");
        });
        IOException e = assertThrows(IOException.class,
                () -> OrderedRunner.run(tasks, 2, new StringWriter(), "", r -> { }));
        assertEquals("disk gone", e.getMessage());
    }

    @Test
    void aThousandInputsOnTwoJobsRenderThroughFourPipesInInputOrder() throws Exception {
        Set<OrderedRunner.Pipe> pipes = ConcurrentHashMap.newKeySet();
        List<OrderedRunner.Task<Integer>> tasks = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            tasks.add(pipe -> {
                pipes.add(pipe);
                pipe.printer().print("input " + n + ";");
                pipe.printer().flush();
                return n;
            });
            expected.append("input ").append(i).append(';');
        }
        StringWriter out = new StringWriter();
        List<Integer> done = new ArrayList<>();
        OrderedRunner.run(tasks, 2, out, "", done::add);
        assertEquals(expected.toString(), out.toString());
        assertEquals(1000, done.size());
        assertEquals(4, pipes.size());
    }

    @Test
    void aHundredThousandJobsOverThreeInputsStartThreeThreads() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<OrderedRunner.Task<String>> tasks = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            tasks.add(pipe -> {
                threads.add(Thread.currentThread());
                pipe.write(name);
                return name;
            });
        }
        StringWriter out = new StringWriter();
        List<String> done = new ArrayList<>();
        OrderedRunner.run(tasks, 100_000, out, ",", done::add);
        assertEquals("a,b,c", out.toString());
        assertEquals(List.of("a", "b", "c"), done);
        assertTrue(threads.size() <= 3, threads.toString());
    }
}
