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
        for (Document d : documents) {
            for (String f : d.features()) {
                weights.computeIfAbsent(f, x -> new double[K]);
            }
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            double rate = learningRate / (1 + epoch * 0.1);
            for (Document d : documents) {
                double[] p = probabilities(d.features());
                int y = d.topic().ordinal();
                for (int k = 0; k < K; k++) {
                    double g = (k == y ? 1 : 0) - p[k];
                    bias[k] += rate * g;
                    for (String f : distinct(d.features())) {
                        double[] w = weights.get(f);
                        w[k] += rate * (g - l2 * w[k]);
                    }
                }
            }
        }
    }

    private static List<String> distinct(List<String> features) {
        return features.stream().distinct().toList();
    }

    private double[] probabilities(List<String> features) {
        double[] lp = logPosterior(features);
        double[] p = new double[K];
        for (int k = 0; k < K; k++) {
            p[k] = Math.exp(lp[k]);
        }
        return p;
    }

    @Override
    public double[] logPosterior(List<String> features) {
        double[] scores = bias.clone();
        for (String f : distinct(features)) {
            double[] w = weights.get(f);
            if (w != null) {
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
