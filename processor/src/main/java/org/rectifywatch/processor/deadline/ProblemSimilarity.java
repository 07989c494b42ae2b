package org.rectifywatch.processor.deadline;

import java.util.HashSet;
import java.util.Set;

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

    public static double of(String a, String b) {
        Set<String> x = bigrams(normalise(a));
        Set<String> y = bigrams(normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : x) {
            if (y.contains(s)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    public static boolean sameProblem(String a, String b) {
        return of(a, b) >= SAME_PROBLEM;
    }

    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[\\p{P}\\p{S}\\s]", "");
        t = t.replaceFirst("^(针对|关于)", "").replaceFirst("(的)?问题(的整改情况|整改情况)?$", "");
        return t;
    }

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
