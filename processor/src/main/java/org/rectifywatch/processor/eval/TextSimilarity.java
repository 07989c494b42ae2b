package org.rectifywatch.processor.eval;

import java.util.HashMap;
import java.util.Map;

/** Character-bigram Dice similarity on text with punctuation and quotes removed; containment counts as a match. */
public final class TextSimilarity {
    private TextSimilarity() {
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.equals(y) ? 1.0 : 0.0;
        }
        if (x.equals(y)) {
            return 1.0;
        }
        if (Math.min(x.length(), y.length()) >= 4 && (x.contains(y) || y.contains(x))) {
            return 0.9;
        }
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + 1 < x.length(); i++) {
            grams.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 1 < y.length(); i++) {
            String g = y.substring(i, i + 2);
            Integer n = grams.get(g);
            if (n != null && n > 0) {
                common++;
                grams.put(g, n - 1);
            }
        }
        int total = Math.max(1, x.length() - 1) + Math.max(1, y.length() - 1);
        return 2.0 * common / total;
    }
}
