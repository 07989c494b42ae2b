package org.rectifywatch.processor.classify;

import java.nio.file.Path;

/**
 * Not a test: prints leave-one-report-out and 5-fold accuracy for each model kind and a grid of evidence
 * weights, which is how {@link IssueClassifier.Settings#DEFAULT} was chosen (see docs/CLASSIFIER.md).
 * Run: java -cp … org.rectifywatch.processor.classify.ModelComparison [--grid]
 */
final class ModelComparison {
    public static void main(String[] args) {
        Path gold = SharedCorpus.goldDir().orElseThrow();
        TrainingData data = TrainingData.bundled();
        boolean grid = args.length > 0 && args[0].equals("--grid");
        double[] modelWeights = grid ? new double[] {0.0, 0.2, 0.5, 0.75, 1.0} : new double[] {
                IssueClassifier.Settings.DEFAULT.modelWeight()};
        double[] pathWeights = grid ? new double[] {0, 1.5, 3} : new double[] {
                IssueClassifier.Settings.DEFAULT.pathWeight()};
        for (IssueClassifier.ModelKind kind : IssueClassifier.ModelKind.values()) {
            for (double mw : modelWeights) {
                for (double pw : pathWeights) {
                    IssueClassifier.Settings d = IssueClassifier.Settings.DEFAULT;
                    IssueClassifier.Settings s = new IssueClassifier.Settings(kind, mw, pw, d.rectificationWeight(),
                            d.topic2Ratio(), d.topic2Min());
                    CrossValidation.Result loo = CrossValidation.leaveOneReportOut(gold, data, s);
                    CrossValidation.Result kf = CrossValidation.kFold(data, s, 5);
                    System.out.printf("%-20s model %.2f path %.1f | LOO strict %.3f lenient %.3f | 5-fold strict "
                                    + "%.3f lenient %.3f%n", kind, mw, pw, loo.strictAccuracy(), loo.lenientAccuracy(),
                            kf.strictAccuracy(), kf.lenientAccuracy());
                    if (args.length > 0 && args[0].equals("--verbose")) {
                        System.out.println(loo.format());
                        System.out.println(kf.format());
                    }
                }
            }
        }
    }
}
