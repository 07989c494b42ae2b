package org.rectifywatch.processor.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial logistic regression over binary features, trained by plain stochastic gradient descent with
 * L2 regularisation in a fixed document order (so training is deterministic).
 */
final class LogisticModel implements TopicModel {
    private static final int K = Topic.values().length;
    private final Map<String, double[]> weights = new HashMap<>();
    private final double[] bias = new double[K];
    /** The rows of the "w:" features by their word, and of the "b:" features by their bigram: built after training. */
    private final Map<String, double[]> wordRows = new HashMap<>();
    private final BigramRows bigramRows;

    LogisticModel(List<Document> documents, int epochs, double learningRate, double l2) {
        // resolve each document's distinct features to their weight rows once
        List<double[][]> rows = new java.util.ArrayList<>(documents.size());
        for (Document d : documents) {
            List<String> features = distinct(d.features());
            double[][] r = new double[features.size()][];
            for (int i = 0; i < r.length; i++) {
                r[i] = weights.computeIfAbsent(features.get(i), x -> new double[K]);
            }
            rows.add(r);
        }
        double[] scores = new double[K];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double rate = learningRate / (1 + epoch * 0.1);
            for (int n = 0; n < documents.size(); n++) {
                double[][] r = rows.get(n);
                int y = documents.get(n).topic().ordinal();
                System.arraycopy(bias, 0, scores, 0, K);
                for (double[] w : r) {
                    for (int k = 0; k < K; k++) {
                        scores[k] += w[k];
                    }
                }
                double[] lp = TopicModel.normalizeLog(scores);
                for (int k = 0; k < K; k++) {
                    double g = (k == y ? 1 : 0) - Math.exp(lp[k]);
                    bias[k] += rate * g;
                    for (double[] w : r) {
                        w[k] += rate * (g - l2 * w[k]);
                    }
                }
            }
        }
        List<String> bigrams = new java.util.ArrayList<>();
        weights.forEach((feature, row) -> {
            if (feature.startsWith("w:")) {
                wordRows.put(feature.substring(2), row);
            } else if (feature.startsWith("b:") && feature.length() == 4) {
                bigrams.add(feature);
            }
        });
        bigramRows = new BigramRows(bigrams.size());
        for (String b : bigrams) {
            bigramRows.put(ProblemFeatures.bigram(b.charAt(2), b.charAt(3)), weights.get(b));
        }
    }

    private static List<String> distinct(List<String> features) {
        return features.stream().distinct().toList();
    }

    @Override
    public double[] logPosterior(List<String> features) {
        double[] scores = bias.clone();
        // each feature counts once (binary features); every feature has its own weight row, so the rows tell them apart
        java.util.Set<double[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(features.size()));
        for (String f : features) {
            double[] w = weights.get(f);
            if (w != null && seen.add(w)) {
                for (int k = 0; k < K; k++) {
                    scores[k] += w[k];
                }
            }
        }
        return TopicModel.normalizeLog(scores);
    }

    /** Adds each row once, in the features' order (words, then bigrams): the sums of the string lookups, bit for bit. */
    @Override
    public double[] logPosterior(ProblemFeatures features) {
        double[] scores = bias.clone();
        java.util.Set<double[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.function.Consumer<double[]> add = w -> {
            if (w != null && seen.add(w)) {
                for (int k = 0; k < K; k++) {
                    scores[k] += w[k];
                }
            }
        };
        for (String word : features.words()) {
            add.accept(wordRows.get(word));
        }
        features.forEachBigram(key -> add.accept(bigramRows.get(key)));
        return TopicModel.normalizeLog(scores);
    }

    /** Rows by bigram key ({@code a << 16 | b}, never 0 for two Han characters): open addressing, no boxing. */
    private static final class BigramRows {
        private final int[] keys;
        private final double[][] rows;
        private final int mask;

        BigramRows(int expected) {
            int size = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new int[size];
            rows = new double[size][];
            mask = size - 1;
        }

        private int slot(int key) {
            int h = key * 0x9E3779B9;
            h = (h ^ h >>> 16) & mask;
            while (keys[h] != 0 && keys[h] != key) {
                h = (h + 1) & mask;
            }
            return h;
        }

        void put(int key, double[] row) {
            int h = slot(key);
            keys[h] = key;
            rows[h] = row;
        }

        double[] get(int key) {
            return rows[slot(key)];
        }
    }

    @Override
    public double contribution(Topic topic, String feature) {
        double[] w = weights.get(feature);
        return w == null ? 0 : w[topic.ordinal()];
    }
}
