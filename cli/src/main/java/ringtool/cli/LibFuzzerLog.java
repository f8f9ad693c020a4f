package ringtool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ringtool fuzz} reads from the output of libFuzzer under Jazzer: the status lines
 * ({@code #182851 DONE cov: 1382 ft: 4579 corp: 339/87Kb lim: 744 exec/s: 8707 rss: 879Mb}), the report of a
 * finding, and the path of the input it wrote.
 */
final class LibFuzzerLog {

    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+(\\w+)\\s+cov: (\\d+) ft: \\d+ corp: (\\d+)/\\S+.*?exec/s: (\\d+) rss: (\\d+)Mb");
    private static final Pattern ARTIFACT = Pattern.compile("Test unit written to (\\S+)");
    /** A Java stack is some dozens of lines; libFuzzer's own reports are shorter. */
    private static final int MAX_REPORT_LINES = 60;

    private LibFuzzerLog() {
    }

    /** One status line: inputs run so far, coverage, corpus size, rate and resident size. */
    record Status(long execs, long coverage, long corpus, long execsPerSecond, long rssMb) {

        /** The status a line reports, or null when it is not a status line. */
        static Status parse(String line) {
            Matcher m = STATUS.matcher(line);
            if (!m.find()) {
                return null;
            }
            return new Status(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)), Long.parseLong(m.group(6)));
        }

        /**
         * Several processes' last statuses (null for one that has printed none) as one line: execs, rates and
         * resident sizes add up; coverage and corpus, shared through the corpus directory, are the largest.
         */
        static String total(List<Status> statuses) {
            long execs = 0;
            long rate = 0;
            long cov = 0;
            long corp = 0;
            long rss = 0;
            for (Status s : statuses) {
                if (s != null) {
                    execs += s.execs;
                    rate += s.execsPerSecond;
                    cov = Math.max(cov, s.coverage);
                    corp = Math.max(corp, s.corpus);
                    rss += s.rssMb;
                }
            }
            return String.format(Locale.ROOT, "%,d execs (%,d exec/s), cov %d, corpus %d inputs, rss %d MB",
                    execs, rate, cov, corp, rss);
        }
    }

    /** From {@code == Java Exception} (or libFuzzer's own {@code ==N== ERROR}) to the end of the stack. */
    static List<String> report(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (!in && (line.startsWith("== Java Exception") || line.contains("== ERROR: libFuzzer"))) {
                in = true;
            }
            if (in) {
                if (line.startsWith("DEDUP_TOKEN") || line.startsWith("== libFuzzer crashing input")
                        || line.startsWith("MS: ") || out.size() > MAX_REPORT_LINES) {
                    break;
                }
                out.add(line);
            }
        }
        return out;
    }

    /** The path of the last input libFuzzer wrote ({@code Test unit written to PATH}), or null. */
    static String artifact(List<String> lines) {
        String found = null;
        for (String line : lines) {
            Matcher m = ARTIFACT.matcher(line);
            if (m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
