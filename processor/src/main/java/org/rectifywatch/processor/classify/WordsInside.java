package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.seg.common.Vertex;
import com.hankcs.hanlp.seg.common.WordNet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HanLP's standard segmenter without index mode, and the dictionary words inside each long word listed as index mode
 * lists them, read from the word net the segmentation built anyway. Index mode itself (HanLP 1.8) scans every long word
 * for custom-dictionary words, adds each to the word net as a new vertex, and makes a term of every word inside: a
 * tenth of the segmenter's time. Here the custom dictionary's words inside a word are looked up once per distinct word
 * (they depend on the word alone) and nothing is added to the net.
 * <p>What index mode lists after a word of more than two characters ({@code WordBasedSegment.decorateResultForIndexMode}
 * after {@code Segment.combineByCustomDictionary(List, DoubleArrayTrie, WordNet)}): for each position of the word in
 * turn, the word net's vertices there from the last added to the first — the core dictionary's words and atoms from
 * building the net, then the custom dictionary's words found in the long word (not the word itself), each only where
 * no vertex of its length is there yet — keeping those of two characters or more (or measure words after a
 * number-measure word) that end inside the word and are not the word's own vertex. This rests on HanLP's internals:
 * an upgrade that changes them fails {@code WordsInsideEquivalenceTest}, which holds the result to index mode's.
 */
final class WordsInside {
    /** Distinct long words remembered, then forgotten at once: a few megabytes at most. */
    private static final int MAX_REMEMBERED = 50_000;

    /** A custom-dictionary word inside a long word: where it starts and ends in the word, and what it may be. */
    private record Hit(int begin, int end, boolean measure) {
    }

    private final DynamicCustomDictionary custom;
    private final ConcurrentHashMap<String, List<Hit>> hits = new ConcurrentHashMap<>();
    private final Capturing segment;

    WordsInside(DynamicCustomDictionary custom) {
        this.custom = custom;
        this.segment = new Capturing();
        segment.enableCustomDictionary(custom)
                .enableIndexMode(false)
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                // index mode does not tag parts of speech either: each word keeps its most frequent one
                .enablePartOfSpeechTagging(false)
                .enableOffset(true);
    }

    /** The terms of a text and, for each, the words inside it as index mode lists them (none for short words). */
    record Segmentation(List<Term> terms, List<List<String>> inside) {
    }

    Segmentation segment(String text) {
        List<Term> terms;
        WordNet net;
        List<Vertex> words;
        try {
            terms = segment.seg(text);
            net = segment.net.get();
            words = segment.words.get();
        } finally {
            segment.net.remove();
            segment.words.remove();
        }
        List<List<String>> inside = new ArrayList<>(terms.size());
        LinkedList<Vertex>[] lines = net.getVertexes();
        int line = 1;
        // the words without the net's start and end vertices: one per term, in order
        for (int i = 1; i < words.size() - 1; i++) {
            Vertex word = words.get(i);
            inside.add(word.realWord.length() > 2 ? inside(lines, line, word) : List.of());
            line += word.realWord.length();
        }
        return new Segmentation(terms, inside);
    }

    private List<String> inside(LinkedList<Vertex>[] lines, int line, Vertex word) {
        String w = word.realWord;
        int length = w.length();
        boolean afterNumberMeasure = word.guessNature() == Nature.mq;
        List<Hit> found = hits.get(w);
        if (found == null) {
            found = customWordsInside(w);
            if (hits.size() >= MAX_REMEMBERED) {
                hits.clear();
            }
            hits.put(w, found);
        }
        List<String> out = new ArrayList<>();
        List<Hit> added = new ArrayList<>(2);
        for (int at = line; at < line + length; at++) {
            LinkedList<Vertex> vertices = lines[at];
            // the custom words the net would have received here: those of a length not there yet, in the order found
            added.clear();
            for (Hit h : found) {
                if (line + h.begin() == at && !hasLength(vertices, added, h.end() - h.begin())) {
                    added.add(h);
                }
            }
            int room = line + length - at;
            for (int j = added.size() - 1; j >= 0; j--) {
                Hit h = added.get(j);
                int n = h.end() - h.begin();
                if ((afterNumberMeasure && h.measure() || n >= 2) && n <= room) {
                    out.add(w.substring(h.begin(), h.end()));
                }
            }
            for (Iterator<Vertex> it = vertices.descendingIterator(); it.hasNext(); ) {
                Vertex v = it.next();
                int n = v.realWord.length();
                if ((afterNumberMeasure && v.hasNature(Nature.q) || n >= 2) && v != word && n <= room) {
                    out.add(v.realWord);
                }
            }
        }
        return out;
    }

    private static boolean hasLength(LinkedList<Vertex> vertices, List<Hit> added, int length) {
        for (Vertex v : vertices) {
            if (v.realWord.length() == length) {
                return true;
            }
        }
        for (Hit h : added) {
            if (h.end() - h.begin() == length) {
                return true;
            }
        }
        return false;
    }

    private List<Hit> customWordsInside(String word) {
        List<Hit> out = new ArrayList<>();
        custom.parseText(word, (begin, end, value) -> {
            if (end - begin != word.length()) {
                out.add(new Hit(begin, end, value.getNatureFrequency(Nature.q) > 0));
            }
        });
        return List.copyOf(out);
    }

    /**
     * The standard segmenter, keeping for the caller (on this thread) the word net it built and the words it chose
     * after the custom dictionary's merges: what index mode reads its inner words from.
     */
    private static final class Capturing extends ViterbiSegment {
        final ThreadLocal<WordNet> net = new ThreadLocal<>();
        final ThreadLocal<List<Vertex>> words = new ThreadLocal<>();

        @Override
        protected void generateWordNet(WordNet wordNetStorage) {
            super.generateWordNet(wordNetStorage);
            net.set(wordNetStorage);
        }

        @Override
        protected List<Vertex> combineByCustomDictionary(List<Vertex> vertexList,
                                                         DoubleArrayTrie<CoreDictionary.Attribute> dat) {
            List<Vertex> combined = super.combineByCustomDictionary(vertexList, dat);
            words.set(new ArrayList<>(combined));
            return combined;
        }
    }
}
