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

    @Override
    public double contribution(Topic topic, String feature) {
        double[] w = weights.get(feature);
        return w == null ? 0 : w[topic.ordinal()];
    }
}
