package org.rectifywatch.processor.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Model features of a problem statement: HanLP content words ("w:") plus character bigrams of its Chinese
 * runs ("b:"). Bigrams carry the evidence of words the segmenter splits differently in unseen phrasings
 * (督导问效 / 问效); words carry whole domain terms.
 */
final class ProblemFeatures {
    private ProblemFeatures() {
    }

    static List<String> of(ChineseTokenizer tokenizer, String normalized) {
        List<String> features = new ArrayList<>();
        for (String w : tokenizer.contentWords(normalized)) {
            features.add("w:" + w);
        }
        for (int i = 0; i + 1 < normalized.length(); i++) {
            char a = normalized.charAt(i);
            char b = normalized.charAt(i + 1);
            if (TextNormalizer.isHan(a) && TextNormalizer.isHan(b)) {
                features.add("b:" + a + b);
            }
        }
        return features;
    }
}
