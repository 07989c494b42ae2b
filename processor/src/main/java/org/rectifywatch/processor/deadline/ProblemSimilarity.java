package org.rectifywatch.processor.deadline;

import java.util.Arrays;
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
        return of(shape(a), shape(b));
    }

    public static double of(Shape x, Shape y) {
        if (x.size() == 0 || y.size() == 0) {
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
        return sameProblem(shape(a), shape(b));
    }

    public static boolean sameProblem(Shape x, Shape y) {
        if (x.size() == 0 || y.size() == 0) {
            return false;
        }
        int common = common(x, y);
        int smaller = Math.min(x.size(), y.size());
        return 2.0 * common / (x.size() + y.size()) >= SAME_PROBLEM
                || (smaller >= MIN_CONTAINED_BIGRAMS && (double) common / smaller >= CONTAINED);
    }

    /**
     * A statement as the comparison sees it, computed once: the distinct character bigrams of its normalised text
     * (the text itself when it is one character), each as a number, sorted — a statement compared with many others
     * (a unit's whole history) is normalised and split once, not once per pair.
     */
    public record Shape(long[] bigrams) {
        public int size() {
            return bigrams.length;
        }
    }

    public static Shape shape(String problem) {
        String s = normalise(problem);
        if (s.length() == 1) {
            return new Shape(new long[] {s.charAt(0)});
        }
        long[] codes = new long[Math.max(0, s.length() - 1)];
        for (int i = 0; i + 1 < s.length(); i++) {
            // a pair above 2^32, a lone character below it: never the same number
            codes[i] = (1L << 32) | ((long) s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(codes);
        int distinct = 0;
        for (int i = 0; i < codes.length; i++) {
            if (i == 0 || codes[i] != codes[i - 1]) {
                codes[distinct++] = codes[i];
            }
        }
        return new Shape(Arrays.copyOf(codes, distinct));
    }

    private static int common(Shape x, Shape y) {
        long[] a = x.bigrams;
        long[] b = y.bigrams;
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
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
}
