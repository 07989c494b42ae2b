package org.rectifywatch.processor.deadline;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How alike two problem statements are: Dice coefficient over character bigrams of the text with
 * punctuation, quotes and the 关于/问题 wrapper removed. A follow-up report restates the same problem in
 * nearly the same words, so bigram overlap is a robust, dictionary-free match.
 */
public final class ProblemSimilarity {
    /** Statements at least this alike are taken to be the same problem. */
    public static final double SAME_PROBLEM = 0.6;

    private ProblemSimilarity() {
    }

    /** Below this many bigrams a statement is too generic to be matched by containment alone. */
    private static final int MIN_CONTAINED_BIGRAMS = 6;
    private static final double CONTAINED = 0.9;

    public static double of(String a, String b) {
        Set<String> x = bigrams(normalise(a));
        Set<String> y = bigrams(normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        return 2.0 * common(x, y) / (x.size() + y.size());
    }

    /**
     * The same problem: alike as a whole, or one statement (of some length) restated inside the other — a
     * follow-up often repeats only the head of a long problem ("传统产业改造提升滞后" for
     * "传统产业改造提升滞后,园区亩均税收低于全省平均水平").
     */
    public static boolean sameProblem(String a, String b) {
        Set<String> x = bigrams(normalise(a));
        Set<String> y = bigrams(normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        int common = common(x, y);
        int smaller = Math.min(x.size(), y.size());
        return 2.0 * common / (x.size() + y.size()) >= SAME_PROBLEM
                || (smaller >= MIN_CONTAINED_BIGRAMS && (double) common / smaller >= CONTAINED);
    }

    private static int common(Set<String> x, Set<String> y) {
        int common = 0;
        for (String s : x) {
            if (y.contains(s)) {
                common++;
            }
        }
        return common;
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = PUNCTUATION_SYMBOLS_SPACE.matcher(s).replaceAll("");
        t = LEADING_TOPIC.matcher(t).replaceFirst("");
        return TRAILING_PROBLEM.matcher(t).replaceFirst("");
    }

    // compiled once: normalise runs for every issue of every report (its id anchor)
    private static final Pattern PUNCTUATION_SYMBOLS_SPACE = Pattern.compile("[\\p{P}\\p{S}\\s]");
    private static final Pattern LEADING_TOPIC = Pattern.compile("^(针对|关于)");
    private static final Pattern TRAILING_PROBLEM = Pattern.compile("(的)?问题(的整改情况|整改情况)?$");

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        if (s.length() == 1) {
            out.add(s);
        }
        return out;
    }
}
