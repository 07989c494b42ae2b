package org.rectifywatch.processor.classify;

import java.util.List;

/** A trained statistical model over {@link ProblemFeatures}: immutable after training, so thread-safe. */
interface TopicModel {

    /** Log posterior per topic (index = {@link Topic#ordinal()}), normalised so the probabilities sum to 1. */
    double[] logPosterior(List<String> features);

    /** The same as {@link #logPosterior(List)} of {@link ProblemFeatures#strings()}, bit for bit. */
    default double[] logPosterior(ProblemFeatures features) {
        return logPosterior(features.strings());
    }

    /** How much one feature pushes towards a topic (for explaining a decision). */
    double contribution(Topic topic, String feature);

    /** One labelled training document. */
    record Document(Topic topic, List<String> features) {
    }

    static double[] normalizeLog(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] - log;
        }
        return out;
    }
}
