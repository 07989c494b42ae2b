package org.rectifywatch.processor.parse;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyword patterns that are fast on long texts: java.util.regex tries every alternative at every position, so
 * instead a plain loop looks for the characters a match can start with and runs the regex only there. This
 * keeps a 50,000-character report well under the parser's time budget.
 */
public final class FastPatterns {
    private FastPatterns() {
    }

    /** A pattern plus the set of characters its matches can start with (null: unknown, use plain find()). */
    public static final class KeywordPattern {
        private final Pattern pattern;
        private final boolean[] first;

        private KeywordPattern(Pattern pattern, boolean[] first) {
            this.pattern = pattern;
            this.first = first;
        }

        public Pattern pattern() {
            return pattern;
        }

        /** The first match at or after {@code from}, or null. */
        public Matcher find(CharSequence text, int from) {
            Matcher m = pattern.matcher(text);
            if (first == null) {
                return m.find(from) ? m : null;
            }
            m.useTransparentBounds(true).useAnchoringBounds(false);
            int n = text.length();
            for (int i = from; i < n; i++) {
                if (first[text.charAt(i)]) {
                    m.region(i, n);
                    if (m.lookingAt()) {
                        return m;
                    }
                }
            }
            return null;
        }

        public boolean foundIn(CharSequence text) {
            return find(text, 0) != null;
        }
    }

    /** A pattern whose matches start with one of {@code firstChars}. */
    public static KeywordPattern of(String firstChars, String regex) {
        boolean[] first = new boolean[65536];
        for (int i = 0; i < firstChars.length(); i++) {
            first[firstChars.charAt(i)] = true;
        }
        return new KeywordPattern(Pattern.compile(regex), first);
    }

    /** An alternation of keywords; the first characters are read from the alternatives. */
    public static KeywordPattern alternation(String regex) {
        Set<Character> firsts = new LinkedHashSet<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= regex.length(); i++) {
            char c = i < regex.length() ? regex.charAt(i) : '|';
            if (c == '\\' && i + 1 < regex.length()) {
                i++;
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '|' && depth == 0) {
                Character f = firstLiteral(regex.substring(start, i));
                if (f == null) {
                    return new KeywordPattern(Pattern.compile(regex), null);
                }
                firsts.add(f);
                start = i + 1;
            }
        }
        StringBuilder chars = new StringBuilder();
        firsts.forEach(chars::append);
        return of(chars.toString(), regex);
    }

    private static Character firstLiteral(String alt) {
        String a = alt;
        while (a.startsWith("(?<!") || a.startsWith("(?<=")) {
            int close = a.indexOf(')');
            if (close < 0) {
                return null;
            }
            a = a.substring(close + 1);
        }
        if (a.isEmpty()) {
            return null;
        }
        char c = a.charAt(0);
        if ("()[]\\.^$*+?{}|".indexOf(c) >= 0) {
            return null;
        }
        if (a.length() > 1 && "*?{".indexOf(a.charAt(1)) >= 0) {
            return null; // optional first character
        }
        return c;
    }
}
