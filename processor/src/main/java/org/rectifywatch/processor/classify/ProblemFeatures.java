package org.rectifywatch.processor.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Model features of a problem statement: HanLP content words ("w:") plus character bigrams of its Chinese
 * runs ("b:"). Bigrams carry the evidence of words the segmenter splits differently in unseen phrasings
 * (督导问效 / 问效); words carry whole domain terms. Kept as the words and the text they came from: a model asks for
 * the bigrams as numbers ({@link #forEachBigram}) rather than as a string each, which was most of a lookup's cost.
 *
 * @param words      the content words, in order
 * @param normalized the normalised text whose bigrams are features
 */
record ProblemFeatures(List<String> words, String normalized) {

    static ProblemFeatures of(ChineseTokenizer tokenizer, String normalized) {
        return new ProblemFeatures(tokenizer.contentWords(normalized), normalized);
    }

    /** The features as strings, in the order a model adds them up: every word, then every bigram. */
    List<String> strings() {
        List<String> features = new ArrayList<>();
        for (String w : words) {
            features.add("w:" + w);
        }
        forEachBigram(key -> features.add("b:" + (char) (key >>> 16) + (char) key));
        return features;
    }

    /** Each bigram of two Han characters a and b as {@code a << 16 | b}, in text order. */
    void forEachBigram(java.util.function.IntConsumer action) {
        for (int i = 0; i + 1 < normalized.length(); i++) {
            char a = normalized.charAt(i);
            char b = normalized.charAt(i + 1);
            if (TextNormalizer.isHan(a) && TextNormalizer.isHan(b)) {
                action.accept(bigram(a, b));
            }
        }
    }

    static int bigram(char a, char b) {
        return a << 16 | b;
    }
}
