package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

/**
 * The model's lookup by words and bigram numbers against its lookup by feature strings: the same log posterior bit
 * for bit, on every training problem and on generated texts mixing the training problems' characters with others
 * (unseen bigrams, repeated ones, Latin letters and digits).
 */
class LogisticModelFastPathTest {
    private static final ChineseTokenizer TOKENIZER = ChineseTokenizer.shared();
    private static final List<TrainingExample> EXAMPLES = TrainingData.bundled().examples();
    private static final LogisticModel MODEL = new LogisticModel(EXAMPLES.stream()
            .map(e -> new TopicModel.Document(e.topic(),
                    ProblemFeatures.of(TOKENIZER, TextNormalizer.normalize(e.problem())).strings()))
            .toList(), 30, 0.2, 0.001);

    @Test
    void everyTrainingProblemScoresAsByItsFeatureStrings() {
        for (TrainingExample e : EXAMPLES) {
            assertSame(TextNormalizer.normalize(e.problem()));
        }
    }

    @Provide
    Arbitrary<String> texts() {
        String pool = String.join("", EXAMPLES.subList(0, Math.min(200, EXAMPLES.size())).stream()
                .map(TrainingExample::problem).toList()) + "abcXYZ0123，。、囧兿";
        return Arbitraries.integers().between(0, pool.length() - 1).map(pool::charAt)
                .list().ofMinSize(0).ofMaxSize(120)
                .map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF, seed = "4711")
    void generatedTextsScoreAsByTheirFeatureStrings(@ForAll("texts") String text) {
        assertSame(TextNormalizer.normalize(text));
    }

    private static void assertSame(String normalized) {
        ProblemFeatures features = ProblemFeatures.of(TOKENIZER, normalized);
        double[] fast = MODEL.logPosterior(features);
        double[] byStrings = MODEL.logPosterior(features.strings());
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < fast.length; i++) {
            a.add(Double.doubleToLongBits(fast[i]));
            b.add(Double.doubleToLongBits(byStrings[i]));
        }
        assertThat(a).as(normalized).isEqualTo(b);
    }
}
