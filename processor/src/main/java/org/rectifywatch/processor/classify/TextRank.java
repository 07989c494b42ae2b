package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TextRank over a word sequence, the algorithm of HanLP's {@code TextRankKeyword} (co-occurrence window 5,
 * damping 0.85, up to 200 iterations until no score moves more than 0.001) on int-indexed arrays instead
 * of hash maps rebuilt every iteration: same ranking, a fraction of the cost on a hot path that runs for
 * every issue.
 */
final class TextRank {
    private static final int WINDOW = 5;
    private static final float DAMPING = 0.85f;
    private static final int MAX_ITERATIONS = 200;
    private static final float MIN_DIFF = 0.001f;

    private TextRank() {
    }

    static Map<String, Float> rank(List<Term> terms) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<Integer> sequence = new ArrayList<>();
        for (Term t : terms) {
            if (!CoreStopWordDictionary.shouldInclude(t)) {
                continue;
            }
            Integer id = ids.get(t.word);
            if (id == null) {
                id = vocabulary.size();
                ids.put(t.word, id);
                vocabulary.add(t.word);
            }
            sequence.add(id);
        }
        int n = vocabulary.size();
        List<Set<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < sequence.size(); i++) {
            int w = sequence.get(i);
            for (int j = Math.max(0, i - WINDOW + 1); j < i; j++) {
                int other = sequence.get(j);
                if (other != w) {
                    neighbours.get(w).add(other);
                    neighbours.get(other).add(w);
                }
            }
        }
        // the graph in compressed rows (neighbours of i at from[i]..from[i+1]) and each node's share of its
        // score precomputed: the power iteration below is the hot loop, so it touches flat arrays only
        int[] from = new int[n + 1];
        for (int i = 0; i < n; i++) {
            from[i + 1] = from[i] + neighbours.get(i).size();
        }
        int[] to = new int[from[n]];
        float[] share = new float[n];
        for (int i = 0, at = 0; i < n; i++) {
            for (int other : neighbours.get(i)) {
                to[at++] = other;
            }
            int degree = from[i + 1] - from[i];
            share[i] = degree > 0 ? DAMPING / degree : 0;
        }
        float[] score = new float[n];
        float[] next = new float[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            float maxDiff = 0;
            for (int i = 0; i < n; i++) {
                float s = 1 - DAMPING;
                for (int e = from[i]; e < from[i + 1]; e++) {
                    int other = to[e];
                    s += share[other] * score[other];
                }
                next[i] = s;
                maxDiff = Math.max(maxDiff, Math.abs(s - score[i]));
            }
            float[] swap = score;
            score = next;
            next = swap;
            if (maxDiff <= MIN_DIFF) {
                break;
            }
        }
        Map<String, Float> ranks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ranks.put(vocabulary.get(i), score[i]);
        }
        return ranks;
    }
}
