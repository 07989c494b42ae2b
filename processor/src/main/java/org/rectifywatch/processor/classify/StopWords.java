package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.HashSet;
import java.util.Set;

/**
 * HanLP's core stop words and its stop-word filter ({@link CoreStopWordDictionary#shouldInclude(Term)}), answered
 * from a hash set copied once: HanLP keeps them in a word graph (MDAG) whose lookup walks it character by character,
 * which cost as much as a tenth of the classifier's own work, asked for every word of every issue. HanLP's list is
 * only read here; nothing in the pipeline adds to it.
 */
final class StopWords {
    private static final Set<String> WORDS = new HashSet<>(CoreStopWordDictionary.dictionary);

    /**
     * Parts of speech HanLP's filter drops by their first letter: distinguishing words, conjunctions, interjections,
     * numerals, onomatopoeia, prepositions, measure words, pronouns, particles, punctuation, modal and descriptive words.
     */
    private static final String DROPPED_NATURES = "bcemopqruwyz";

    private StopWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }

    /** HanLP's stop words and {@code more}, in one hash set: one lookup per word where two would be asked. */
    static Set<String> with(Set<String> more) {
        Set<String> all = new HashSet<>(WORDS);
        all.addAll(more);
        return java.util.Collections.unmodifiableSet(all);
    }

    /** Exactly {@link CoreStopWordDictionary#shouldInclude(Term)}: a term without a part of speech counts as 空. */
    static boolean shouldInclude(Term term) {
        char first = term.nature == null ? '空' : term.nature.toString().charAt(0);
        return DROPPED_NATURES.indexOf(first) < 0 && !WORDS.contains(term.word);
    }
}
