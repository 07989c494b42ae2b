package org.rectifywatch.processor.eval;

import java.util.List;
import java.util.Map;

/** Scores of one parsed report against its gold annotation; counts so that files can be summed. */
public record FileScore(
        String file,
        int goldIssues,
        int predictedIssues,
        int matchedIssues,
        int metaCorrect,
        int metaTotal,
        List<String> metaMismatches,
        int statusCorrect,
        int topicScored,
        int topicStrict,
        int topicLenient,
        Map<String, Map<String, Integer>> topicConfusion,
        int goldCommitments,
        int goldCommitmentsFound,
        int predictedCommitments,
        int predictedCommitmentsMatched,
        List<String> commitmentMisses,
        int goldFigures,
        int goldFiguresFound,
        List<String> figureMismatches,
        List<String> unmatchedGold,
        List<String> unmatchedPredicted,
        int lostWithWarning,
        int lostSilently) {

    public double precision() {
        return ratio(matchedIssues, predictedIssues);
    }

    public double recall() {
        return ratio(matchedIssues, goldIssues);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double metaAccuracy() {
        return ratio(metaCorrect, metaTotal);
    }

    public double statusAccuracy() {
        return ratio(statusCorrect, matchedIssues);
    }

    public double commitmentRecall() {
        return ratio(goldCommitmentsFound, goldCommitments);
    }

    public double commitmentPrecision() {
        return ratio(predictedCommitmentsMatched, predictedCommitments);
    }

    public double figureRecall() {
        return ratio(goldFiguresFound, goldFigures);
    }

    /** n/d, or 1.0 when there is nothing to find (0/0). */
    static double ratio(int n, int d) {
        return d == 0 ? (n == 0 ? 1.0 : 0.0) : (double) n / d;
    }
}
