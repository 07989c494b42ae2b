package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every keyword pattern of the parser keeps the fast path: a slow one costs the parser its time budget. */
class FastPatternsTest {
    private static final List<String> CLASSES = List.of(
            "org.rectifywatch.processor.parse.StatusEvidence", "org.rectifywatch.processor.parse.StatusClassifier",
            "org.rectifywatch.processor.parse.FigureExtractor", "org.rectifywatch.processor.deadline.CommitmentExtractor",
            "org.rectifywatch.processor.segment.ProblemText", "org.rectifywatch.processor.segment.SectionKinds");

    @Test
    void alternationsWithLeadingGroupsKeepTheirFirstCharacters() {
        FastPatterns.KeywordPattern p = FastPatterns.alternation("正在|(?:力争|争取)(?=年底)|(?<!接)待批复");
        assertThat(p.isFast()).isTrue();
        assertThat(p.foundIn("计划争取年底完成")).isTrue();
        assertThat(p.foundIn("已接待批复")).isFalse();
        assertThat(FastPatterns.alternation("(?:甲|乙)?丙").isFast()).as("optional leading group").isFalse();
        // second characters narrow the candidates, never the matches
        FastPatterns.KeywordPattern q = FastPatterns.alternation("正在|正按|将于|前完成|前|(?:加快|全力)推进");
        assertThat(q.foundIn("目前正按计划")).isTrue();
        assertThat(q.foundIn("年底前")).isTrue();
        assertThat(q.foundIn("全力推进中")).isTrue();
        assertThat(q.foundIn("正常运行，将要")).isFalse();
    }

    @Test
    void everyKeywordPatternOfTheParserIsFast() throws Exception {
        List<String> slow = new ArrayList<>();
        int seen = 0;
        for (String name : CLASSES) {
            for (Field f : Class.forName(name).getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == FastPatterns.KeywordPattern.class) {
                    f.setAccessible(true);
                    seen++;
                    if (!((FastPatterns.KeywordPattern) f.get(null)).isFast()) {
                        slow.add(name + "." + f.getName());
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(10);
        assertThat(slow).isEmpty();
    }
}
