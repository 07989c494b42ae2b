package org.rectifywatch.processor.classify;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weighted domain terms per topic (resource {@code lexicon.tsv}: topic, term, weight). A term found in a
 * problem statement adds its weight to its topic's score; each term counts once per text. Matching runs on
 * the normalised text with one Aho-Corasick pass, so it costs less than segmenting the same text.
 */
public final class Lexicon {
    static final String RESOURCE = "lexicon.tsv";

    record Entry(Topic topic, String term, double weight) {
    }

    /** An entry with the number of its (topic, term) pair, so that a match counts each pair once without building keys. */
    private record Numbered(Entry entry, int pair) {
    }

    /** Per-topic score of one text and the terms that produced it. */
    public record Match(double[] scores, Map<Topic, List<String>> terms) {
        public double score(Topic t) {
            return scores[t.ordinal()];
        }

        public double total() {
            double sum = 0;
            for (double s : scores) {
                sum += s;
            }
            return sum;
        }
    }

    private final AhoCorasickDoubleArrayTrie<List<Numbered>> trie = new AhoCorasickDoubleArrayTrie<>();
    private final int pairs;
    private final String sha256;

    private Lexicon(List<Entry> entries, String sha256) {
        TreeMap<String, List<Numbered>> byTerm = new TreeMap<>();
        Map<String, Integer> pairIds = new java.util.HashMap<>();
        for (Entry e : entries) {
            int pair = pairIds.computeIfAbsent(e.topic().ordinal() + e.term(), k -> pairIds.size());
            byTerm.computeIfAbsent(e.term(), k -> new ArrayList<>()).add(new Numbered(e, pair));
        }
        trie.build(byTerm);
        this.pairs = pairIds.size();
        this.sha256 = sha256;
    }

    public static Lexicon bundled() {
        String tsv = TrainingData.Resources.read(RESOURCE);
        return parse(tsv, RESOURCE);
    }

    static Lexicon parse(String tsv, String name) {
        List<Entry> entries = new ArrayList<>();
        for (TsvRows.Row row : TsvRows.of(tsv, name, 3, "topic<TAB>term<TAB>weight")) {
            String[] f = row.fields();
            int lineNo = row.line();
            Topic topic = Topic.ofCode(f[0]).orElseThrow(() -> new IllegalArgumentException(
                    name + " line " + lineNo + ": unknown topic code '" + f[0] + "'; use one of the 18 taxonomy codes"));
            String term = TextNormalizer.normalize(f[1]);
            double weight;
            try {
                weight = Double.parseDouble(f[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": weight '" + f[2] + "' is not a number");
            }
            entries.add(new Entry(topic, term, weight));
        }
        return new Lexicon(entries, TrainingData.Resources.sha256(tsv));
    }

    public String sha256() {
        return sha256;
    }

    /** Scores a text that has already been through {@link TextNormalizer#normalize}. */
    public Match match(String normalized) {
        double[] scores = new double[Topic.values().length];
        Map<Topic, List<String>> terms = new EnumMap<>(Topic.class);
        if (normalized == null || normalized.isEmpty()) {
            return new Match(scores, terms);
        }
        boolean[] seen = new boolean[pairs];
        // hits reported as found, in the order the list form would hold them, without building that list
        trie.parseText(normalized, (begin, end, value) -> {
            for (Numbered n : value) {
                Entry e = n.entry();
                if (!seen[n.pair()]) {
                    seen[n.pair()] = true;
                    scores[e.topic().ordinal()] += e.weight();
                    terms.computeIfAbsent(e.topic(), k -> new ArrayList<>()).add(e.term());
                }
            }
        });
        return new Match(scores, terms);
    }
}
