package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.seg.common.Term;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TextRank over a word sequence, the algorithm of HanLP's {@code TextRankKeyword} (co-occurrence window 5,
 * damping 0.85, up to 200 iterations until no score moves more than 0.001) on int-indexed arrays instead
 * of hash maps rebuilt every iteration: same ranking, a fraction of the cost on a hot path that runs for
 * every issue. Each node's neighbours are kept in first-co-occurrence order and summed in that order, so the
 * float scores are bit for bit those of the set-based version.
 */
final class TextRank {
    private static final int WINDOW = 5;
    private static final float DAMPING = 0.85f;
    private static final int MAX_ITERATIONS = 200;
    private static final float MIN_DIFF = 0.001f;

    private TextRank() {
    }

    /** The distinct words (first-occurrence order) and their scores; empty when every term is filtered out. */
    record Ranking(String[] words, float[] scores) {
        int size() {
            return words.length;
        }

        /**
         * The {@code n} best words, highest score first, ties by the word: the order of sorting every entry by
         * {@code (-score, word)}.
         */
        List<String> top(int n) {
            // selection into a sorted array of at most n: n is small (8) and so are the words of one issue
            int k = Math.min(n, words.length);
            if (k <= 0) {
                return List.of();
            }
            int[] best = new int[k];
            int size = 0;
            for (int i = 0; i < words.length; i++) {
                if (size == k && !before(i, best[k - 1])) {
                    continue;
                }
                int at = size < k ? size++ : k - 1;
                while (at > 0 && before(i, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = i;
            }
            String[] out = new String[size];
            for (int i = 0; i < size; i++) {
                out[i] = words[best[i]];
            }
            return List.of(out);
        }

        /** Whether word a ranks before word b: higher score first, ties by the word. */
        private boolean before(int a, int b) {
            int c = Double.compare(-(double) scores[a], -(double) scores[b]);
            return c != 0 ? c < 0 : words[a].compareTo(words[b]) < 0;
        }

        Map<String, Float> asMap() {
            Map<String, Float> m = new HashMap<>();
            for (int i = 0; i < words.length; i++) {
                m.put(words[i], scores[i]);
            }
            return m;
        }
    }

    static Ranking ranking(List<Term> terms) {
        Map<String, Integer> ids = new HashMap<>(2 * terms.size());
        String[] vocabulary = new String[terms.size()];
        int[] sequence = new int[terms.size()];
        int n = 0;
        int length = 0;
        for (Term t : terms) {
            if (!StopWords.shouldInclude(t)) {
                continue;
            }
            Integer id = ids.putIfAbsent(t.word, n);
            if (id == null) {
                id = n;
                vocabulary[n++] = t.word;
            }
            sequence[length++] = id;
        }
        Graph graph = Graph.of(sequence, length, n);
        Slices slices = Slices.of(graph, n);
        int[] order = slices.order;
        float[] share = new float[n];
        for (int p = 0; p < n; p++) {
            int degree = graph.from[order[p] + 1] - graph.from[order[p]];
            share[p] = degree > 0 ? DAMPING / degree : 0;
        }
        // each node's share of its score, multiplied once per iteration instead of once per edge (same float product)
        float[] score = new float[n];
        float[] next = new float[n];
        float[] passed = new float[n];
        int[] columnStart = slices.columnStart;
        int[] columnLength = slices.columnLength;
        int[] neighbour = slices.neighbour;
        // the first iteration of a start from 0 gives every node 1 - DAMPING: begun there, every later one is the same
        Arrays.fill(score, 1 - DAMPING);
        for (int p = 0; p < n; p++) {
            passed[p] = share[p] * score[p];
        }
        int linked = columnStart.length == 0 ? 0 : columnLength[0];
        for (int iteration = 1; iteration < MAX_ITERATIONS; iteration++) {
            // column k adds every node's k-th neighbour: the same additions in the same order per node as a walk over
            // its row, but the nodes' sums advance side by side instead of one long chain of dependent additions each
            for (int p = 0; p < linked; p++) {
                next[p] = (1 - DAMPING) + passed[neighbour[p]];
            }
            for (int p = linked; p < n; p++) {
                next[p] = 1 - DAMPING;
            }
            for (int k = 1; k < columnStart.length; k++) {
                int at = columnStart[k];
                for (int p = 0, end = columnLength[k]; p < end; p++) {
                    next[p] += passed[neighbour[at + p]];
                }
            }
            float maxDiff = 0;
            for (int p = 0; p < n; p++) {
                maxDiff = Math.max(maxDiff, Math.abs(next[p] - score[p]));
                passed[p] = share[p] * next[p];
            }
            float[] swap = score;
            score = next;
            next = swap;
            if (maxDiff <= MIN_DIFF) {
                break;
            }
        }
        float[] scores = new float[n];
        for (int p = 0; p < n; p++) {
            scores[order[p]] = score[p];
        }
        return new Ranking(Arrays.copyOf(vocabulary, n), scores);
    }

    /**
     * The graph's rows as columns: nodes renumbered by falling degree (position p is node {@code order[p]}), column k
     * holding the k-th neighbour (renumbered) of every node with more than k, which are positions 0 until
     * {@code columnLength[k]}.
     */
    private record Slices(int[] order, int[] columnStart, int[] columnLength, int[] neighbour) {
        static Slices of(Graph graph, int n) {
            int[] from = graph.from;
            int[] to = graph.to;
            // a counting sort, stable: positions by falling degree
            int maxDegree = 0;
            for (int i = 0; i < n; i++) {
                maxDegree = Math.max(maxDegree, from[i + 1] - from[i]);
            }
            int[] firstOfDegree = new int[maxDegree + 2];
            for (int i = 0; i < n; i++) {
                firstOfDegree[maxDegree - (from[i + 1] - from[i]) + 1]++;
            }
            for (int d = 1; d < firstOfDegree.length; d++) {
                firstOfDegree[d] += firstOfDegree[d - 1];
            }
            int[] order = new int[n];
            int[] position = new int[n];
            for (int i = 0; i < n; i++) {
                int p = firstOfDegree[maxDegree - (from[i + 1] - from[i])]++;
                order[p] = i;
                position[i] = p;
            }
            int[] columnLength = new int[maxDegree];
            int[] columnStart = new int[maxDegree];
            int[] neighbour = new int[to.length];
            int at = 0;
            for (int k = 0, p = n; k < maxDegree; k++) {
                while (p > 0 && from[order[p - 1] + 1] - from[order[p - 1]] <= k) {
                    p--;
                }
                columnStart[k] = at;
                columnLength[k] = p;
                for (int q = 0; q < p; q++) {
                    neighbour[at++] = position[to[from[order[q]] + k]];
                }
            }
            return new Slices(order, columnStart, columnLength, neighbour);
        }
    }

    /**
     * The co-occurrence graph in compressed rows: the neighbours of node i are {@code to[from[i] .. from[i+1])}, in the
     * order they first co-occurred with i.
     */
    private record Graph(int[] from, int[] to) {
        static Graph of(int[] sequence, int length, int n) {
            // every edge (a, b) with a != b once, in the order the window walk first meets it
            int maxEdges = 2 * (WINDOW - 1) * length;
            int[] edgeA = new int[maxEdges];
            int[] edgeB = new int[maxEdges];
            int edges = 0;
            Seen seen = n <= MATRIX_NODES ? new PairMatrix(n) : new EdgeSet(maxEdges);
            int[] degree = new int[n];
            for (int i = 0; i < length; i++) {
                int w = sequence[i];
                for (int j = Math.max(0, i - WINDOW + 1); j < i; j++) {
                    int other = sequence[j];
                    if (other != w) {
                        if (seen.add(w, other)) {
                            edgeA[edges] = w;
                            edgeB[edges++] = other;
                            degree[w]++;
                        }
                        if (seen.add(other, w)) {
                            edgeA[edges] = other;
                            edgeB[edges++] = w;
                            degree[other]++;
                        }
                    }
                }
            }
            int[] from = new int[n + 1];
            for (int i = 0; i < n; i++) {
                from[i + 1] = from[i] + degree[i];
            }
            int[] fill = Arrays.copyOf(from, n);
            int[] to = new int[edges];
            for (int e = 0; e < edges; e++) {
                to[fill[edgeA[e]]++] = edgeB[e];
            }
            return new Graph(from, to);
        }
    }

    /** Directed pairs of node ids seen so far. */
    private interface Seen {
        /** Adds (a, b); false when it was there. */
        boolean add(int a, int b);
    }

    /** Up to this many distinct words (an issue's are a few dozen) the pairs are a bit matrix: 128 KB at most. */
    private static final int MATRIX_NODES = 1024;

    /** One bit per directed pair: no hashing on the walk. */
    private static final class PairMatrix implements Seen {
        private final long[] bits;
        private final int n;

        PairMatrix(int n) {
            this.n = n;
            this.bits = new long[(int) (((long) n * n + 63) >>> 6)];
        }

        @Override
        public boolean add(int a, int b) {
            int i = a * n + b;
            long mask = 1L << i;
            long word = bits[i >>> 6];
            if ((word & mask) != 0) {
                return false;
            }
            bits[i >>> 6] = word | mask;
            return true;
        }
    }

    /** Directed pairs of node ids seen so far: open addressing over longs, sized for the most edges a walk can add. */
    private static final class EdgeSet implements Seen {
        private final long[] slots;
        private final int mask;

        EdgeSet(int capacity) {
            int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
            slots = new long[size];
            mask = size - 1;
        }

        /** Node ids are below 2^31, so a key + 1 is never 0 (the empty slot). */
        @Override
        public boolean add(int a, int b) {
            long key = (((long) a << 32) | b) + 1;
            int h = (int) (key * 0x9E3779B97F4A7C15L >>> 32) & mask;
            while (true) {
                long k = slots[h];
                if (k == 0) {
                    slots[h] = key;
                    return true;
                }
                if (k == key) {
                    return false;
                }
                h = (h + 1) & mask;
            }
        }
    }
}
