package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HanLP's standard (Viterbi) segmenter with the inspection vocabulary of {@code dictionary.txt} on top, so
 * terms like 两个责任, 三重一大 or 村两委 stay whole tokens. The domain terms live in a dictionary private to
 * this segmenter (HanLP's global custom dictionary is only read, never changed). Loaded once per process;
 * after construction nothing is mutated, so all methods are safe to call from many threads.
 */
public final class ChineseTokenizer {
    private static final Logger LOG = LoggerFactory.getLogger(ChineseTokenizer.class);
    static final String DICTIONARY_RESOURCE = "dictionary.txt";

    /** Genre words that say nothing about what an issue is about (every issue "存在问题" and "落实不到位"). */
    private static final Set<String> GENRE_STOP_WORDS = Set.of(
            "问题", "存在", "不够", "不到位", "到位", "落实", "工作", "方面", "情况", "有的", "部分", "一些", "个别",
            "仍然", "依然", "仍有", "进一步", "加强", "推进", "建立", "完善", "健全", "开展", "整改", "措施", "全面",
            "持续", "切实", "扎实", "有效", "不断", "深入", "严格", "突出", "不力", "有待", "差距", "薄弱环节",
            "短板", "以来", "要求", "目前", "截至", "已经", "其中", "同时", "今年", "明显", "不足", "较为", "还有");

    private static final class Holder {
        static final ChineseTokenizer SHARED = new ChineseTokenizer(loadDomainTerms());
    }

    private final Segment segment;
    /** Same dictionaries in HanLP's index mode: long words also yield their dictionary sub-words. */
    private final Segment indexSegment;
    private final Set<String> domainTerms;

    ChineseTokenizer(Set<String> domainTerms) {
        DynamicCustomDictionary base = CustomDictionary.DEFAULT;
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary(base.dat, new BinTrie<>(), base.path);
        for (String term : domainTerms) {
            dictionary.add(term, "nz 1024");
        }
        this.domainTerms = Set.copyOf(domainTerms);
        this.segment = new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enablePartOfSpeechTagging(true);
        this.indexSegment = new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enableIndexMode(2);
    }

    /** The process-wide tokenizer (HanLP's dictionaries are loaded on first use, about half a second). */
    public static ChineseTokenizer shared() {
        return Holder.SHARED;
    }

    /** The domain terms this segmenter keeps whole (normalised form). */
    public Set<String> domainTerms() {
        return domainTerms;
    }

    /** HanLP terms of the normalised text, white space dropped. */
    List<Term> terms(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return List.of();
        }
        List<Term> terms = segment.seg(normalized);
        List<Term> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            if (!t.word.isBlank()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The words of the text in order, punctuation included. */
    public List<String> tokens(String text) {
        return terms(text).stream().map(t -> t.word).collect(Collectors.toList());
    }

    /**
     * The text segmented and space-joined with punctuation dropped — for an Elasticsearch field analysed
     * with the {@code whitespace} analyzer. Index mode: a long word is followed by the dictionary words
     * inside it (中央八项规定 八项规定 规定), so a search for the shorter term finds it too. Empty for empty input.
     */
    public String searchTokens(String text) {
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Term t : indexSegment.seg(normalized)) {
            if (t.word.isBlank()) {
                continue;
            }
            if (!isPunctuation(t.word)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(t.word);
            }
        }
        return out.toString();
    }

    /** Content words: no punctuation, no numbers, no HanLP or genre stop words. Used as classifier features. */
    public List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (Term t : terms(text)) {
            if (isContent(t)) {
                out.add(t.word);
            }
        }
        return out;
    }

    /**
     * The n most central words by TextRank (HanLP {@link TextRankKeyword}) over content words of two or more
     * characters. Ties are broken by the word itself so the result is deterministic.
     */
    public List<String> keywords(String text, int n) {
        if (n <= 0) {
            return List.of();
        }
        List<Term> candidates = new ArrayList<>();
        for (Term t : terms(text)) {
            if (isContent(t) && t.word.length() > 1) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Float> ranks = new TextRankKeyword(segment).getTermAndRank(candidates);
        if (ranks.isEmpty()) {
            // a single distinct word has no graph edges; it is still the keyword
            return List.of(candidates.get(0).word);
        }
        return ranks.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Float>>comparingDouble(e -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    private static boolean isContent(Term t) {
        String w = t.word;
        if (isPunctuation(w) || w.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (t.nature != null && (t.nature.startsWith("m") || t.nature.startsWith("q"))) {
            return false; // numerals and measure words (5项, 三个) say nothing about the topic
        }
        return !GENRE_STOP_WORDS.contains(w) && !CoreStopWordDictionary.contains(w);
    }

    static boolean isPunctuation(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static Set<String> loadDomainTerms() {
        Set<String> terms = new LinkedHashSet<>();
        try (InputStream in = ChineseTokenizer.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource org/rectifywatch/processor/classify/"
                        + DICTIONARY_RESOURCE + " is missing: the processor jar is incomplete, rebuild it");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String term = TextNormalizer.normalize(line.strip());
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read domain dictionary " + DICTIONARY_RESOURCE, e);
        }
        LOG.debug("loaded {} domain terms", terms.size());
        return terms;
    }
}
