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
        private static final int INDEXED_FIRSTS = 4;
        private final Pattern pattern;
        /**
         * The characters a match can start with, one bit each (8 KB rather than a 64 KB boolean table: the scans of many
         * patterns over Chinese text hit it all over, and the smaller table stays in the processor's cache); null when
         * unknown.
         */
        private final long[] first;
        /**
         * For a first character (sorted, binary-searched: no boxing on the scan), the characters a match may continue
         * with (absent: any).
         */
        private final char[] secondKeys;
        /** The characters set in {@code first}: with few of them the scan runs on {@link String#indexOf(int, int)}. */
        private final char[] firstChars;
        private final String[] secondValues;

        private KeywordPattern(Pattern pattern, boolean[] first, java.util.Map<Character, String> seconds) {
            this.pattern = pattern;
            this.first = first == null ? null : new long[first.length / 64];
            StringBuilder firsts = new StringBuilder();
            if (first != null) {
                for (int c = 0; c < first.length; c++) {
                    if (first[c]) {
                        firsts.append((char) c);
                        this.first[c >>> 6] |= 1L << c;
                    }
                }
            }
            this.firstChars = firsts.toString().toCharArray();
            java.util.TreeMap<Character, String> sorted = new java.util.TreeMap<>(seconds);
            this.secondKeys = new char[sorted.size()];
            this.secondValues = new String[sorted.size()];
            int i = 0;
            for (var e : sorted.entrySet()) {
                secondKeys[i] = e.getKey();
                secondValues[i++] = e.getValue();
            }
        }

        public Pattern pattern() {
            return pattern;
        }

        /** True when a scan runs the regex only where a match can start (false: a plain find over every position). */
        public boolean isFast() {
            return first != null;
        }

        /** The first match at or after {@code from}, or null. */
        public Matcher find(CharSequence text, int from) {
            return find(text, from, null);
        }

        /**
         * The first match at or after {@code from}, or null; {@code reuse} (a matcher this method returned for the same
         * text, or null) is reset and returned instead of a new one, so a loop over the matches allocates one matcher.
         */
        public Matcher find(CharSequence text, int from, Matcher reuse) {
            if (first == null) {
                Matcher m = reuse != null ? reuse : pattern.matcher(text);
                return m.find(from) ? m : null;
            }
            if (text instanceof String s && firstChars.length <= INDEXED_FIRSTS) {
                return findIndexed(s, from, reuse);
            }
            Matcher m = reuse;
            int n = text.length();
            for (int i = from; i < n; i++) {
                char c = text.charAt(i);
                if ((first[c >>> 6] & 1L << c) == 0 || !secondAllows(c, text, i)) {
                    continue;
                }
                if (m == null) {
                    m = newMatcher(text);
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    return m;
                }
            }
            return null;
        }

        /**
         * The same candidates in the same order as the character scan, found with {@link String#indexOf(int, int)} per
         * first character (vectorised by the JVM, much faster than a loop when the characters are rare): the next
         * occurrence of each is kept and only the one just tried is looked up again.
         */
        private Matcher findIndexed(String text, int from, Matcher reuse) {
            Matcher m = reuse;
            int n = text.length();
            int k = firstChars.length;
            int[] next = new int[k];
            for (int j = 0; j < k; j++) {
                next[j] = from < n ? text.indexOf(firstChars[j], from) : -1;
            }
            while (true) {
                int at = -1;
                int which = -1;
                for (int j = 0; j < k; j++) {
                    int p = next[j];
                    if (p >= 0 && (at < 0 || p < at)) {
                        at = p;
                        which = j;
                    }
                }
                if (at < 0) {
                    return null;
                }
                next[which] = at + 1 < n ? text.indexOf(firstChars[which], at + 1) : -1;
                if (!secondAllows(firstChars[which], text, at)) {
                    continue;
                }
                if (m == null) {
                    m = newMatcher(text);
                }
                m.region(at, n);
                if (m.lookingAt()) {
                    return m;
                }
            }
        }

        /** False when the alternatives opening with {@code c} all need another second character than the text's. */
        private boolean secondAllows(char c, CharSequence text, int i) {
            if (secondKeys.length == 0) {
                return true;
            }
            int k = java.util.Arrays.binarySearch(secondKeys, c);
            return k < 0 || i + 1 < text.length() && secondValues[k].indexOf(text.charAt(i + 1)) >= 0;
        }

        private Matcher newMatcher(CharSequence text) {
            return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
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
        return new KeywordPattern(Pattern.compile(regex), first, java.util.Map.of());
    }

    /** An alternation of keywords; the first characters are read from the alternatives. */
    public static KeywordPattern alternation(String regex) {
        Set<Character> firsts = firstsOfAlternation(regex);
        if (firsts == null) {
            return new KeywordPattern(Pattern.compile(regex), null, java.util.Map.of());
        }
        boolean[] first = new boolean[65536];
        firsts.forEach(c -> first[c] = true);
        return new KeywordPattern(Pattern.compile(regex), first, secondsOf(regex));
    }

    /**
     * For each first character, the second characters the alternatives allow, read from alternatives that open with
     * two literal characters (持续, 正在); a first character with any other kind of alternative is left out (any).
     */
    private static java.util.Map<Character, String> secondsOf(String regex) {
        java.util.Map<Character, StringBuilder> seconds = new java.util.HashMap<>();
        Set<Character> open = new java.util.HashSet<>();
        for (String alt : topLevelAlternatives(regex)) {
            String a = alt;
            while (a.startsWith("(?<!") || a.startsWith("(?<=")) {
                a = a.substring(a.indexOf(')') + 1);
            }
            if (a.startsWith("(?:")) {
                int close = closingParen(a);
                String rest = a.substring(close + 1);
                for (String inner : topLevelAlternatives(a.substring(3, close))) {
                    addPrefix(inner + rest, seconds, open);
                }
            } else {
                addPrefix(a, seconds, open);
            }
        }
        java.util.Map<Character, String> out = new java.util.HashMap<>();
        seconds.forEach((c, b) -> {
            if (!open.contains(c)) {
                out.put(c, b.toString());
            }
        });
        return out;
    }

    private static void addPrefix(String alt, java.util.Map<Character, StringBuilder> seconds, Set<Character> open) {
        if (alt.isEmpty()) {
            return;
        }
        char c = alt.charAt(0);
        boolean literalSecond = alt.length() > 2 && isLiteral(alt.charAt(1)) && "*?{+".indexOf(alt.charAt(2)) < 0
                || alt.length() == 2 && isLiteral(alt.charAt(1));
        if (literalSecond) {
            seconds.computeIfAbsent(c, k -> new StringBuilder()).append(alt.charAt(1));
        } else {
            open.add(c);
        }
    }

    private static boolean isLiteral(char c) {
        return "()[]\\.^$*+?{}|".indexOf(c) < 0;
    }

    /** The alternatives of {@code regex} at parenthesis depth 0. */
    private static java.util.List<String> topLevelAlternatives(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
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
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** The characters the top-level alternatives of {@code regex} can start with, or null when unknown. */
    private static Set<Character> firstsOfAlternation(String regex) {
        Set<Character> firsts = new LinkedHashSet<>();
        for (String alt : topLevelAlternatives(regex)) {
            Set<Character> f = firstLiterals(alt);
            if (f == null) {
                return null;
            }
            firsts.addAll(f);
        }
        return firsts;
    }

    /** First characters of one alternative: a literal, or the alternatives of a leading (?:a|b) group. */
    private static Set<Character> firstLiterals(String alt) {
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
        if (a.startsWith("(?:")) {
            int close = closingParen(a);
            if (close < 0 || close + 1 < a.length() && "*?{".indexOf(a.charAt(close + 1)) >= 0) {
                return null; // an optional group: the match may start after it
            }
            return firstsOfAlternation(a.substring(3, close));
        }
        char c = a.charAt(0);
        if ("()[]\\.^$*+?{}|".indexOf(c) >= 0) {
            return null;
        }
        if (a.length() > 1 && "*?{".indexOf(a.charAt(1)) >= 0) {
            return null; // optional first character
        }
        return Set.of(c);
    }

    /** Index of the parenthesis closing the one at index 0, or -1. */
    private static int closingParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
