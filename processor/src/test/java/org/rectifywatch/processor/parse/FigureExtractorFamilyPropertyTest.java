package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** The generated family ({@link FigureFamily}) as a jqwik property: each paragraph gives exactly its figures. */
class FigureExtractorFamilyPropertyTest {
    private static final FigureExtractorFamilyTest.Score SCORE = new FigureExtractorFamilyTest.Score();

    @Provide
    Arbitrary<FigureFamily.Paragraph> paragraphs() {
        return Arbitraries.randomValue(FigureFamily::generate);
    }

    @Property(tries = 2000, seed = "7355608")
    void figuresAreExact(@ForAll("paragraphs") FigureFamily.Paragraph p) {
        Map<String, Number> got = FigureExtractor.extract(p.text());
        synchronized (SCORE) {
            SCORE.add(p, got);
        }
        assertThat(FigureExtractorFamilyTest.same(p.expected(), got))
                .as("%s%n expected %s%n got      %s", p.text(), new TreeMap<>(p.expected()), new TreeMap<>(got))
                .isTrue();
    }

    @AfterContainer
    static void report() {
        System.out.println("FigureExtractor generated family (jqwik):\n" + SCORE.table());
    }
}
