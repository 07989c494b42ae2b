package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    /** The genre's and HanLP's stop words together: a content word is in neither. */
    private static final Set<String> NOT_CONTENT = StopWords.with(GENRE_STOP_WORDS);

    private static final class Holder {
        static final ChineseTokenizer SHARED = new ChineseTokenizer(loadDomainTerms());
    }

    /**
     * What the words and search tokens are defined by: the standard segmenter in index mode, each word followed by the
     * dictionary words inside it (for search), the outer words the segmentation proper, each with its most frequent
     * part of speech (index mode does not tag). Without HanLP's person-name recognition (Chinese and transliterated):
     * it was a sixth of the segmentation's cost, and an issue's topic, keywords and search tokens do not rest on names
     * (reports rarely name people; the classifier's cross-validation, held-out and leave-one-report-out accuracies were
     * the same to the third decimal with and without it). Only tests run it: {@link #wordsInside} gives the same.
     */
    private final Segment indexSegment;
    /** The same segmentation without index mode, the words inside each long word read from its word net. */
    private final WordsInside wordsInside;
    private final Set<String> domainTerms;

    ChineseTokenizer(Set<String> domainTerms) {
        DynamicCustomDictionary base = CustomDictionary.DEFAULT;
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary(base.dat, new BinTrie<>(), base.path);
        for (String term : domainTerms) {
            dictionary.add(term, "nz 1024");
        }
        this.domainTerms = Set.copyOf(domainTerms);
        this.indexSegment = new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enableIndexMode(2)
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enablePartOfSpeechTagging(true)
                .enableOffset(true);
        this.wordsInside = new WordsInside(dictionary);
    }

    /** The process-wide tokenizer (HanLP's dictionaries are loaded on first use, about half a second). */
    public static ChineseTokenizer shared() {
        return Holder.SHARED;
    }

    /** The domain terms this segmenter keeps whole (normalised form). */
    public Set<String> domainTerms() {
        return domainTerms;
    }

    /**
     * One segmentation of a text serves every view of it (words, content words, keywords, search tokens): the
     * processor asks for several views of the same problem and rectification text, and segmentation is the
     * expensive part. The results are kept per thread, so this stays lock-free and thread-safe, for the texts of one
     * report ({@link #startReport()}): all of a long report's problems and rectifications, whose search tokens are
     * asked for after all its issues were classified, but nothing across reports, so that what a report costs never
     * depends on which reports came before it (nor does a benchmark repeating its texts measure a cache).
     */
    record Segmented(List<Term> words, String searchTokens, boolean[] content) {
        static final Segmented EMPTY = new Segmented(List.of(), "", new boolean[0]);
    }

    /** 1,024 texts (a long report's problems and rectifications), each under its given and its normalised form. */
    private static final int MEMO_SIZE = 2048;
    private final ThreadLocal<Map<String, Segmented>> memo = ThreadLocal.withInitial(() ->
            new java.util.LinkedHashMap<>(MEMO_SIZE * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Segmented> eldest) {
                    return size() > MEMO_SIZE;
                }
            });

    /** Forgets this thread's segmentations of the previous report's texts: called as each report's analysis starts. */
    public void startReport() {
        memo.get().clear();
    }

    /** Texts this thread's memo holds (under either key), for tests. */
    int memoEntries() {
        return memo.get().size();
    }

    private Segmented segmented(String text) {
        if (text == null || text.isEmpty()) {
            return Segmented.EMPTY;
        }
        Map<String, Segmented> cache = memo.get();
        // the text as given is a key too: the same problem is asked for several times, normalised once
        Segmented s = cache.get(text);
        if (s != null) {
            return s;
        }
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return Segmented.EMPTY;
        }
        s = cache.get(normalized);
        if (s == null) {
            s = segmentOnce(normalized);
            cache.put(normalized, s);
        }
        if (!normalized.equals(text)) {
            cache.put(text, s);
        }
        return s;
    }

    /**
     * The words of the text and, for search, each followed by the dictionary words inside it: what index mode lists,
     * the words inside a long word read by {@link WordsInside} from the word net of the segmentation without it. Not
     * memoised (tests compare it with {@link #segmentInIndexMode}).
     */
    Segmented segmentOnce(String normalized) {
        WordsInside.Segmentation segmentation = wordsInside.segment(normalized);
        List<Term> terms = segmentation.terms();
        List<Term> words = new ArrayList<>(terms.size());
        StringBuilder search = new StringBuilder(normalized.length() * 2);
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.word.isBlank()) {
                continue;
            }
            words.add(t);
            appendSearchToken(search, t.word);
            for (String inner : segmentation.inside().get(i)) {
                if (!inner.isBlank()) {
                    appendSearchToken(search, inner);
                }
            }
        }
        return segmented(words, search);
    }

    /**
     * Index mode lists each word followed by the dictionary words inside it; the words are the outer ones. The
     * reference {@link #segmentOnce} is tested against.
     */
    Segmented segmentInIndexMode(String normalized) {
        List<Term> words = new ArrayList<>();
        StringBuilder search = new StringBuilder();
        int start = -1;
        int end = -1;
        for (Term t : indexSegment.seg(normalized)) {
            if (t.word.isBlank()) {
                continue;
            }
            boolean inner = !words.isEmpty() && t.offset >= start && t.offset + t.length() <= end;
            if (!inner) {
                words.add(t);
                start = t.offset;
                end = t.offset + t.length();
            }
            appendSearchToken(search, t.word);
        }
        return segmented(words, search);
    }

    private static void appendSearchToken(StringBuilder search, String word) {
        if (!isPunctuation(word)) {
            if (search.length() > 0) {
                search.append(' ');
            }
            search.append(word);
        }
    }

    private static Segmented segmented(List<Term> words, StringBuilder search) {
        boolean[] content = new boolean[words.size()];
        for (int i = 0; i < content.length; i++) {
            content[i] = isContent(words.get(i));
        }
        return new Segmented(List.copyOf(words), search.toString(), content);
    }

    /** HanLP terms of the normalised text, white space dropped. */
    List<Term> terms(String text) {
        return segmented(text).words();
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
        return segmented(text).searchTokens();
    }

    /** Content words: no punctuation, no numbers, no HanLP or genre stop words. Used as classifier features. */
    public List<String> contentWords(String text) {
        Segmented s = segmented(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.content().length; i++) {
            if (s.content()[i]) {
                out.add(s.words().get(i).word);
            }
        }
        return out;
    }

    /**
     * The n most central words by TextRank (HanLP's algorithm, see {@link TextRank}) over content words of two or more
     * characters. Ties are broken by the word itself so the result is deterministic.
     */
    public List<String> keywords(String text, int n) {
        return keywords(n, text);
    }

    /** Keywords of several texts read one after the other (e.g. a problem and its rectification). */
    public List<String> keywords(int n, String... texts) {
        if (n <= 0) {
            return List.of();
        }
        List<Term> candidates = new ArrayList<>();
        for (String text : texts) {
            Segmented s = segmented(text == null ? "" : text);
            for (int i = 0; i < s.content().length; i++) {
                Term t = s.words().get(i);
                if (s.content()[i] && t.word.length() > 1) {
                    candidates.add(t);
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        TextRank.Ranking ranking = TextRank.ranking(candidates);
        if (ranking.size() == 0) {
            // HanLP's own filter left nothing to rank; the first candidate is still the keyword
            return List.of(candidates.get(0).word);
        }
        return new ArrayList<>(ranking.top(n));
    }

    private static boolean isContent(Term t) {
        String w = t.word;
        if (isPunctuation(w) || allDigits(w)) {
            return false;
        }
        if (t.nature != null && (t.nature.startsWith("m") || t.nature.startsWith("q"))) {
            return false; // numerals and measure words (5项, 三个) say nothing about the topic
        }
        return !NOT_CONTENT.contains(w);
    }

    private static boolean allDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
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
