package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * {@link TextRank} on primitive arrays against the set-based version it replaced (kept below as the reference):
 * every score bit for bit, and the same top words, on generated word sequences with repeats, stop words and
 * parts of speech that HanLP's filter drops.
 */
class TextRankEquivalenceTest {
    private static final List<String> WORDS = List.of("班子", "党委", "制度", "资金", "项目", "监管", "责任", "巡察",
            "整改", "干部", "村两委", "三重一大", "民主集中制", "财务", "审批", "采购", "管理", "考核", "教育", "风险",
            "我们", "这个", "已经", "因为");
    private static final List<Nature> NATURES = List.of(Nature.n, Nature.n, Nature.vn, Nature.v, Nature.nz, Nature.a,
            Nature.m, Nature.r, Nature.c, Nature.w);

    @Provide
    Arbitrary<List<Term>> sequences() {
        Arbitrary<Term> term = Arbitraries.integers().between(0, WORDS.size() - 1)
                .flatMap(w -> Arbitraries.of(NATURES).map(n -> new Term(WORDS.get(w), n)));
        return term.list().ofMinSize(0).ofMaxSize(400);
    }

    /** More distinct words than the bit matrix takes (1,024): the hashed pair set. */
    @Provide
    Arbitrary<List<Term>> largeVocabularies() {
        Arbitrary<Term> term = Arbitraries.integers().between(0, 1_000_000).map(i -> new Term("词" + i % 2000, Nature.n));
        return term.list().ofMinSize(3000).ofMaxSize(4000);
    }

    @Property(tries = 5, shrinking = ShrinkingMode.OFF, seed = "4711")
    void largeVocabulariesRankAsTheSetBasedVersionToo(@ForAll("largeVocabularies") List<Term> terms) {
        assertThat(terms.stream().map(t -> t.word).distinct().count()).isGreaterThan(1024);
        scoresAndTopWordsAreThoseOfTheSetBasedVersion(terms);
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF, seed = "4711")
    void scoresAndTopWordsAreThoseOfTheSetBasedVersion(@ForAll("sequences") List<Term> terms) {
        Map<String, Float> expected = referenceRank(terms);
        TextRank.Ranking ranking = TextRank.ranking(terms);
        Map<String, Float> actual = ranking.asMap();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((word, score) -> assertThat(Float.floatToIntBits(actual.get(word)))
                .as("score of %s", word).isEqualTo(Float.floatToIntBits(score)));
        for (int n : new int[] {1, 3, 8, 50}) {
            List<String> top = expected.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Float>>comparingDouble(e -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(n).map(Map.Entry::getKey).collect(Collectors.toList());
            assertThat(ranking.top(n)).as("top %d", n).isEqualTo(top);
        }
    }

    /** The previous implementation: neighbour sets, score share multiplied per edge. */
    private static Map<String, Float> referenceRank(List<Term> terms) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<Integer> sequence = new ArrayList<>();
        for (Term t : terms) {
            if (!CoreStopWordDictionary.shouldInclude(t)) {
                continue;
            }
            Integer id = ids.get(t.word);
            if (id == null) {
                id = vocabulary.size();
                ids.put(t.word, id);
                vocabulary.add(t.word);
            }
            sequence.add(id);
        }
        int n = vocabulary.size();
        List<Set<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < sequence.size(); i++) {
            int w = sequence.get(i);
            for (int j = Math.max(0, i - 5 + 1); j < i; j++) {
                int other = sequence.get(j);
                if (other != w) {
                    neighbours.get(w).add(other);
                    neighbours.get(other).add(w);
                }
            }
        }
        int[] from = new int[n + 1];
        for (int i = 0; i < n; i++) {
            from[i + 1] = from[i] + neighbours.get(i).size();
        }
        int[] to = new int[from[n]];
        float[] share = new float[n];
        for (int i = 0, at = 0; i < n; i++) {
            for (int other : neighbours.get(i)) {
                to[at++] = other;
            }
            int degree = from[i + 1] - from[i];
            share[i] = degree > 0 ? 0.85f / degree : 0;
        }
        float[] score = new float[n];
        float[] next = new float[n];
        for (int iteration = 0; iteration < 200; iteration++) {
            float maxDiff = 0;
            for (int i = 0; i < n; i++) {
                float s = 1 - 0.85f;
                for (int e = from[i]; e < from[i + 1]; e++) {
                    int other = to[e];
                    s += share[other] * score[other];
                }
                next[i] = s;
                maxDiff = Math.max(maxDiff, Math.abs(s - score[i]));
            }
            float[] swap = score;
            score = next;
            next = swap;
            if (maxDiff <= 0.001f) {
                break;
            }
        }
        Map<String, Float> ranks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ranks.put(vocabulary.get(i), score[i]);
        }
        return ranks;
    }
}
