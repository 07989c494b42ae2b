package org.rectifywatch.processor.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial naive Bayes with Laplace smoothing and a uniform class prior (the training file's class sizes
 * reflect how much was written, not how often a topic occurs). Features unseen in training are ignored.
 */
final class NaiveBayesModel implements TopicModel {
    private static final int K = Topic.values().length;
    private final Map<String, double[]> logLikelihood = new HashMap<>();

    NaiveBayesModel(List<Document> documents, double alpha) {
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[K];
        for (Document d : documents) {
            int k = d.topic().ordinal();
            for (String f : d.features()) {
                counts.computeIfAbsent(f, x -> new double[K])[k] += 1;
                totals[k] += 1;
            }
        }
        int vocabulary = counts.size();
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            double[] ll = new double[K];
            for (int k = 0; k < K; k++) {
                ll[k] = Math.log((e.getValue()[k] + alpha) / (totals[k] + alpha * vocabulary));
            }
            logLikelihood.put(e.getKey(), ll);
        }
    }

    @Override
    public double[] logPosterior(List<String> features) {
        double[] scores = new double[K];
        for (String f : features) {
            double[] ll = logLikelihood.get(f);
            if (ll != null) {
                for (int k = 0; k < K; k++) {
                    scores[k] += ll[k];
                }
            }
        }
        return TopicModel.normalizeLog(scores);
    }

    @Override
    public double contribution(Topic topic, String feature) {
        double[] ll = logLikelihood.get(feature);
        if (ll == null) {
            return 0;
        }
        double mean = 0;
        for (double v : ll) {
            mean += v / K;
        }
        return ll[topic.ordinal()] - mean;
    }
}
