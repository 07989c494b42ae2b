package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

/**
 * The segmentation without index mode, the words inside long words read by {@link WordsInside} from its word net,
 * against HanLP's index mode: the same words with the same parts of speech and offsets, the same search tokens in the same order, the
 * same content words — on the sample reports (whole and line by line), the training problems, the shared corpus when
 * present, and generated texts dense in the exceptions (numerals before and inside long words, digits, Latin letters,
 * rare characters, the domain terms, words of both dictionaries, punctuation and spaces).
 */
class WordsInsideEquivalenceTest {
    private static final ChineseTokenizer TOKENIZER = ChineseTokenizer.shared();

    @Test
    void sampleReportsAndTrainingProblemsSegmentAsInIndexMode() {
        List<String> texts = new ArrayList<>();
        for (var sample : SampleReports.all()) {
            texts.add(sample.text());
            texts.addAll(List.of(sample.text().split("\n")));
        }
        TrainingData.bundled().examples().forEach(e -> texts.add(e.problem()));
        int longWords = assertSameOnAll(texts);
        assertThat(longWords).as("words of more than two characters met").isGreaterThan(1000);
    }

    @Test
    void sharedCorpusSegmentsAsInIndexMode() throws IOException {
        var gold = SharedCorpus.goldDir();
        org.junit.jupiter.api.Assumptions.assumeTrue(gold.isPresent(), "../shared/corpus is absent");
        Path reports = gold.get().resolveSibling("reports");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(reports), "../shared/corpus/reports is absent");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(f);
                texts.add(text);
                texts.addAll(List.of(text.split("\n")));
            }
        }
        assertSameOnAll(texts);
    }

    @Provide
    Arbitrary<String> texts() {
        List<String> pieces = new ArrayList<>(List.of("一", "二", "三", "十", "两", "百", "千", "万", "零", "〇", "第",
                "个", "项", "次", "年", "2024", "12", "3", "ABC", "x", "G20", "，", "。", "、", "：", " ", "（", "）",
                "“", "”", "%", "．", "龘", "丨", "三重一大", "两个责任", "一把手", "十四五", "第一书记", "一岗双责",
                "四风", "八项规定", "中央八项规定精神", "党风廉政建设", "主体责任", "巡视整改", "全面从严治党", "一二三四",
                "三个以上", "十二个问题", "一百二十万元", "共三十五项", "村两委", "民主集中制", "不担当不作为", "领导班子",
                "负责人", "责任制", "高标准", "走过场", "铺张浪费", "集体经济", "三个月", "五个方面"));
        TOKENIZER.domainTerms().stream().sorted().limit(200).forEach(pieces::add);
        return Arbitraries.of(pieces).list().ofMinSize(1).ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF, seed = "1203")
    void generatedTextsSegmentAsInIndexMode(@ForAll("texts") String text) {
        assertSameOnAll(List.of(text));
    }

    /** The number of words of more than two characters met. */
    private static int assertSameOnAll(List<String> texts) {
        int longWords = 0;
        for (String raw : texts) {
            String normalized = TextNormalizer.normalize(raw);
            if (normalized.isEmpty()) {
                continue;
            }
            ChineseTokenizer.Segmented expected = TOKENIZER.segmentInIndexMode(normalized);
            ChineseTokenizer.Segmented actual = TOKENIZER.segmentOnce(normalized);
            assertThat(describe(actual.words())).as("words of %s", normalized).isEqualTo(describe(expected.words()));
            assertThat(actual.searchTokens()).as("search tokens of %s", normalized).isEqualTo(expected.searchTokens());
            assertThat(actual.content()).as("content words of %s", normalized).isEqualTo(expected.content());
            longWords += (int) expected.words().stream().filter(t -> t.word.length() > 2).count();
        }
        return longWords;
    }

    private static List<String> describe(List<Term> terms) {
        return terms.stream().map(t -> t.word + "/" + t.nature + "@" + t.offset).toList();
    }
}
