package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Problems phrased unlike the training rows (heldout.tsv, never used for tuning): a generalisation check. */
class HeldOutTest {

    @Test
    void heldOutProblemsAreClassifiedWell() throws IOException {
        String tsv;
        try (InputStream in = HeldOutTest.class.getResourceAsStream("heldout.tsv")) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TrainingData heldOut = TrainingData.parse(tsv, "heldout.tsv");
        CrossValidation.Result result = CrossValidation.evaluate(IssueClassifier.shared(), heldOut.examples(),
                "held-out problems");
        System.out.println(result.format());
        assertThat(heldOut.size()).isEqualTo(90);
        assertThat(result.strictAccuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(result.lenientAccuracy()).isGreaterThanOrEqualTo(0.85);
    }
}
