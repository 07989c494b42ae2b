package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issues are matched across a unit's reports by {@link ProblemSimilarity}, now on precomputed shapes (sorted bigram
 * numbers): every decision and score must be those of the straightforward computation on sets of bigram strings,
 * or an upgrade would close or reopen alerts.
 */
class ProblemSimilarityEquivalenceTest {

    @Property(tries = 1000)
    void shapesDecideAsBigramSetsDo(@ForAll("problems") String a, @ForAll("problems") String b) {
        assertThat(ProblemSimilarity.sameProblem(a, b)).isEqualTo(referenceSameProblem(a, b));
        assertThat(ProblemSimilarity.of(a, b)).isEqualTo(referenceOf(a, b));
        assertThat(ProblemSimilarity.shape(a).size()).isEqualTo(bigrams(ProblemSimilarity.normalise(a)).size());
    }

    @Provide
    Arbitrary<String> problems() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.strings().withChars("整改问题落实责任党委干部楼盘处置进度缓慢").ofMinLength(0).ofMaxLength(30),
                Arbitraries.strings().withChars("，。、“”：（）() \t").ofMinLength(0).ofMaxLength(4),
                Arbitraries.strings().withChars("𠀀𪚥整aA0").ofMinLength(0).ofMaxLength(6),
                Arbitraries.of("关于", "针对", "问题", "的问题", "问题的整改情况", "整改情况", "整", ""));
        return part.list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    private static boolean referenceSameProblem(String a, String b) {
        Set<String> x = bigrams(ProblemSimilarity.normalise(a));
        Set<String> y = bigrams(ProblemSimilarity.normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        int common = common(x, y);
        int smaller = Math.min(x.size(), y.size());
        return 2.0 * common / (x.size() + y.size()) >= ProblemSimilarity.SAME_PROBLEM
                || (smaller >= 6 && (double) common / smaller >= 0.9);
    }

    private static double referenceOf(String a, String b) {
        Set<String> x = bigrams(ProblemSimilarity.normalise(a));
        Set<String> y = bigrams(ProblemSimilarity.normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        return 2.0 * common(x, y) / (x.size() + y.size());
    }

    private static int common(Set<String> x, Set<String> y) {
        int common = 0;
        for (String s : x) {
            if (y.contains(s)) {
                common++;
            }
        }
        return common;
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        if (s.length() == 1) {
            out.add(s);
        }
        return out;
    }
}
