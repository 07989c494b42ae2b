package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash-set copy answers exactly as HanLP's stop-word dictionary and filter, for every part of speech HanLP has. */
class StopWordsTest {

    @Test
    void everyStopWordAndSomeContentWordsAnswerAsHanLp() {
        List<String> words = new ArrayList<>(CoreStopWordDictionary.dictionary);
        assertThat(words).hasSizeGreaterThan(500);
        words.addAll(List.of("党委", "三重一大", "资金", "监管", "整改", "", " ", "的的"));
        java.util.Set<String> withGenre = StopWords.with(java.util.Set.of("整改", "落实"));
        for (String w : words) {
            assertThat(StopWords.contains(w)).as("contains %s", w).isEqualTo(CoreStopWordDictionary.contains(w));
            assertThat(withGenre.contains(w)).as("with the genre's, contains %s", w)
                    .isEqualTo(CoreStopWordDictionary.contains(w) || w.equals("整改") || w.equals("落实"));
        }
        assertThat(withGenre).contains("落实");
    }

    @Test
    void theFilterAgreesForEveryNatureAndNone() {
        List<Nature> natures = new ArrayList<>(List.of(Nature.values()));
        natures.add(null);
        assertThat(natures).hasSizeGreaterThan(100);
        for (Nature nature : natures) {
            for (String w : List.of("党委", "资金", "我们", "已经", "的", "3", "，")) {
                Term t = new Term(w, nature);
                assertThat(StopWords.shouldInclude(t)).as("%s/%s", w, nature)
                        .isEqualTo(CoreStopWordDictionary.shouldInclude(t));
            }
        }
    }
}
