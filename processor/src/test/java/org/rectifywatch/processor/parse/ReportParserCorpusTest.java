package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rectifywatch.processor.eval.EvalCorpus;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.eval.FileScore;

/** The parser on every annotated real report of the shared corpus (skipped when the corpus is absent). */
class ReportParserCorpusTest {
    private static final ReportParser PARSER = new ReportParser();

    @TestFactory
    Stream<DynamicTest> everyCorpusReportMatchesItsGold() {
        List<Evaluator.GoldReport> corpus = EvalCorpus.load(SharedCorpus.dir().resolve("gold"),
                SharedCorpus.dir().resolve("reports"));
        assertThat(corpus).isNotEmpty();
        return corpus.stream().map(g -> DynamicTest.dynamicTest(g.file(), () -> {
            FileScore s = Evaluator.compare(PARSER.parse(ReportInput.ofText(g.text()).withFile(g.file())), g.gold());
            assertThat(s.f1()).as("segmentation F1; missed %s extra %s", s.unmatchedGold(), s.unmatchedPredicted())
                    .isGreaterThanOrEqualTo(0.97);
            assertThat(s.metaMismatches()).as("metadata").isEmpty();
            assertThat(s.commitmentMisses()).as("gold commitments").isEmpty();
            assertThat(s.figureMismatches()).as("figures").isEmpty();
        }));
    }
}
