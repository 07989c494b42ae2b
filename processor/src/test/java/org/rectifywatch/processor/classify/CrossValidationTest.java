package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void leaveOneReportOutOnTheSharedGoldReachesTheBar() {
        Optional<Path> gold = SharedCorpus.goldDir();
        assumeTrue(gold.isPresent(), "shared corpus not present; skipping");
        CrossValidation.Result result = CrossValidation.leaveOneReportOut(gold.get());
        System.out.println(result.format());
        assertThat(result.items()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(result.strictAccuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.lenientAccuracy()).isGreaterThanOrEqualTo(result.strictAccuracy());
    }

    @Test
    void kFoldOverTheSyntheticRowsGeneralises() {
        CrossValidation.Result result = CrossValidation.kFold(TrainingData.bundled(),
                IssueClassifier.Settings.DEFAULT, 5);
        System.out.printf("%s: strict %.3f lenient %.3f over %d rows%n", result.method(), result.strictAccuracy(),
                result.lenientAccuracy(), result.items().size());
        assertThat(result.strictAccuracy()).isGreaterThanOrEqualTo(0.75);
    }
}
