package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseTokenizerTest {
    private final ChineseTokenizer tokenizer = ChineseTokenizer.shared();

    @Test
    void dictionaryHoldsAtLeast150DomainTerms() {
        assertThat(tokenizer.domainTerms()).hasSizeGreaterThanOrEqualTo(150)
                .contains("两个责任", "一岗双责", "四风", "八项规定", "三重一大", "软弱涣散", "三会一课", "村两委", "巡察",
                        "以案促改", "保交楼", "吃空饷", "超职数", "小金库");
    }

    @Test
    void everyDomainTermStaysOneTokenInsideASentence() {
        for (String term : tokenizer.domainTerms()) {
            List<String> tokens = tokenizer.tokens("有的单位" + term + "问题比较突出");
            assertThat(tokens).as("segmentation of a sentence around %s", term).contains(term);
        }
    }

    @Test
    void quotedTermsSegmentWholeWhateverTheQuoteCharacters() {
        assertThat(tokenizer.tokens("村“两委”班子软弱涣散")).startsWith("村两委", "班子", "软弱涣散");
        assertThat(tokenizer.tokens("落实‘两个责任’不到位")).contains("两个责任");
        assertThat(tokenizer.tokens("落实\"两个责任\"不到位")).contains("两个责任");
        assertThat(tokenizer.tokens("“三会一课”制度落实不到位")).first().isEqualTo("三会一课");
    }

    /** The memo serves one report: a report's cost never depends on which reports this thread analysed before. */
    @Test
    void segmentationsAreRememberedWithinAReportAndForgottenWhenTheNextStarts() {
        ChineseTokenizer t = new ChineseTokenizer(ChineseTokenizer.loadDomainTerms());
        t.startReport();
        String problem = "落实“两个责任”不到位，村“两委”班子软弱涣散。";
        String first = t.searchTokens(problem);
        t.keywords(5, problem, "已整改完成");
        assertThat(t.memoEntries()).as("the problem under its given and normalised form, and the rectification").isEqualTo(3);
        assertThat(t.searchTokens(problem)).isSameAs(first);
        t.startReport();
        assertThat(t.memoEntries()).isZero();
        assertThat(t.searchTokens(problem)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void searchTokensAreSpaceJoinedWithoutPunctuationAndIncludeSubWords() {
        String tokens = tokenizer.searchTokens("违反中央八项规定精神和“四风”问题时有发生。");
        assertThat(tokens).doesNotContain("。", "“", "”", "  ");
        assertThat(List.of(tokens.split(" "))).contains("中央八项规定", "八项规定", "四风", "精神");
        assertThat(tokenizer.searchTokens("")).isEmpty();
        assertThat(tokenizer.searchTokens("!!!")).isEmpty();
    }

    @Test
    void keywordsAreMultiCharacterContentWordsWithoutGenreStopWords() {
        List<String> keywords = tokenizer.keywords("区委班子党内政治生活不严肃。召开专题民主生活会,严肃开展批评和自我批评,"
                + "认真执行民主集中制,完善三重一大决策制度,规范党委会议事规则。", 5);
        assertThat(keywords).hasSize(5).contains("民主集中制", "三重一大")
                .allSatisfy(k -> assertThat(k.length()).isGreaterThan(1))
                .doesNotContain("问题", "落实", "的");
        assertThat(tokenizer.keywords("", 5)).isEmpty();
        assertThat(tokenizer.keywords("问题", 5)).isEmpty();
    }

    @Test
    void normalizerFoldsFullWidthAndDropsQuotes() {
        assertThat(TextNormalizer.normalize("  村“两委”ＡＢ１２　问题 ")).isEqualTo("村两委ab12 问题");
        assertThat(TextNormalizer.hasChinese("abc 123")).isFalse();
        assertThat(TextNormalizer.hasChinese("abc问题")).isTrue();
    }
}
