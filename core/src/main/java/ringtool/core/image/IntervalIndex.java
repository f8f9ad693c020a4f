package ringtool.core.image;

import java.util.Arrays;

/**
 * Overlapping address ranges resolved once into disjoint intervals, each owned by the range of highest priority
 * that covers it: a lookup is one binary search whatever the number of ranges and however they nest, where a
 * look back over the few ranges that start earlier loses a range that a run of small ones hides.
 *
 * <p>Built by one sweep over the range ends with a heap of the ranges that cover the current point: time
 * {@code O(n log n)}, memory a few dozen bytes per range, for ranges the caller has already bounded by its file.
 */
final class IntervalIndex {

    private final long[] starts;
    private final long[] ends;
    private final int[] owners;
    private final int count;

    private IntervalIndex(long[] starts, long[] ends, int[] owners, int count) {
        this.starts = starts;
        this.ends = ends;
        this.owners = owners;
        this.count = count;
    }

    /**
     * @param from     where each range starts
     * @param to       where each range ends (exclusive); a range with {@code to <= from} covers nothing
     * @param priority which range wins where ranges overlap: the higher; distinct for ranges that can overlap
     */
    static IntervalIndex resolve(long[] from, long[] to, long[] priority) {
        int n = from.length;
        int[] order = order(from);
        long[] bounds = new long[2 * n];
        for (int i = 0; i < n; i++) {
            bounds[2 * i] = from[i];
            bounds[2 * i + 1] = to[i];
        }
        Arrays.sort(bounds);
        int m = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (m == 0 || bounds[m - 1] != bounds[i]) {
                bounds[m++] = bounds[i];
            }
        }
        long[] starts = new long[Math.max(0, m - 1)];
        long[] ends = new long[starts.length];
        int[] owners = new int[starts.length];
        int count = 0;
        Heap covering = new Heap(n, priority);
        int next = 0;
        for (int j = 0; j + 1 < m; j++) {
            long here = bounds[j];
            while (next < n && from[order[next]] <= here) {
                int r = order[next++];
                if (to[r] > from[r]) {
                    covering.push(r);
                }
            }
            // Ranges that ended are dropped only when they come to the top: below the top they cannot win.
            while (!covering.isEmpty() && to[covering.top()] <= here) {
                covering.pop();
            }
            if (covering.isEmpty()) {
                continue;
            }
            int owner = covering.top();
            if (count > 0 && owners[count - 1] == owner && ends[count - 1] == here) {
                ends[count - 1] = bounds[j + 1];
            } else {
                starts[count] = here;
                ends[count] = bounds[j + 1];
                owners[count] = owner;
                count++;
            }
        }
        return new IntervalIndex(starts, ends, owners, count);
    }

    int count() {
        return count;
    }

    long start(int k) {
        return starts[k];
    }

    long end(int k) {
        return ends[k];
    }

    int owner(int k) {
        return owners[k];
    }

    /** The interval that holds {@code at}, or -1. */
    int find(long at) {
        int k = firstAfter(at) - 1;
        return k >= 0 && at < ends[k] ? k : -1;
    }

    /** The first interval that starts after {@code at}; {@link #count()} when there is none. */
    int firstAfter(long at) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The indices of {@code keys} in ascending key order, equal keys in index order (a merge sort on ints). */
    static int[] order(long[] keys) {
        int n = keys.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    b[k] = i < mid && (j >= hi || keys[a[i]] <= keys[a[j]]) ? a[i++] : a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** A binary max-heap of range indices by priority. */
    private static final class Heap {
        private final int[] items;
        private final long[] priority;
        private int size;

        Heap(int capacity, long[] priority) {
            this.items = new int[capacity];
            this.priority = priority;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int top() {
            return items[0];
        }

        void push(int item) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (priority[items[parent]] >= priority[item]) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = item;
        }

        void pop() {
            int last = items[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && priority[items[child + 1]] > priority[items[child]]) {
                    child++;
                }
                if (priority[last] >= priority[items[child]]) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            if (size > 0) {
                items[i] = last;
            }
        }
    }
}
