package org.rectifywatch.processor.report;

import java.util.Arrays;

/**
 * A MinHash signature of a report's body, for telling mirrors (the same report published on another site) from
 * different reports. The body is reduced to what a copy keeps: page furniture lines (navigation, 来源, 责任编辑,
 * 字号, 打印 …) and short lines are dropped, and only Chinese characters, digits and letters remain, so
 * whitespace, full-width or ASCII punctuation and boilerplate do not count. The similarity of two signatures
 * estimates the Jaccard similarity of their 5-character shingles.
 */
public record ContentSignature(int[] minHashes, int length) {
    private static final int HASHES = 64;
    private static final int SHINGLE = 5;
    /** Mirrors share almost all shingles; a follow-up report of the same unit shares its problem statements only. */
    public static final double MIRROR_SIMILARITY = 0.8;
    private static final String FURNITURE = "来源|责任编辑|编辑:|编辑：|字号|打印|关闭|分享|浏览|访问量|点击|发布时间|首页|当前位置|扫一扫";
    private static final java.util.regex.Pattern FURNITURE_LINE = java.util.regex.Pattern.compile(FURNITURE);
    private static final int[] SEEDS = new int[HASHES];

    static {
        java.util.Random r = new java.util.Random(20261201L);
        for (int i = 0; i < HASHES; i++) {
            SEEDS[i] = r.nextInt() | 1;
        }
    }

    public static ContentSignature of(String text) {
        String core = core(text == null ? "" : text);
        int[] mins = new int[HASHES];
        int[] shingles = shingleHashes(core);
        // one hash function at a time over all shingles, the minimum in a register: the same minima as shingle by
        // shingle, and the fastest of the loop shapes measured
        for (int k = 0; k < HASHES; k++) {
            int seed = SEEDS[k];
            int min = Integer.MAX_VALUE;
            for (int h : shingles) {
                int x = mix(h * seed + k);
                if (x < min) {
                    min = x;
                }
            }
            mins[k] = min;
        }
        return new ContentSignature(mins, core.length());
    }

    /** {@code String.hashCode()} of every 5-character window, rolled along the text instead of cut out of it. */
    static int[] shingleHashes(String core) {
        int n = core.length() - SHINGLE + 1;
        if (n <= 0) {
            return new int[0];
        }
        int[] out = new int[n];
        int top = 1; // 31^(SHINGLE-1): the weight of the character leaving the window
        for (int i = 1; i < SHINGLE; i++) {
            top *= 31;
        }
        int h = 0;
        for (int i = 0; i < SHINGLE; i++) {
            h = 31 * h + core.charAt(i);
        }
        out[0] = h;
        for (int i = 1; i < n; i++) {
            h = 31 * (h - top * core.charAt(i - 1)) + core.charAt(i + SHINGLE - 1);
            out[i] = h;
        }
        return out;
    }

    /** Estimated Jaccard similarity of the two bodies' shingle sets, 0 when either is too short to say. */
    public double similarity(ContentSignature other) {
        if (length < SHINGLE || other.length < SHINGLE) {
            return 0;
        }
        int same = 0;
        for (int k = 0; k < HASHES; k++) {
            if (minHashes[k] == other.minHashes[k]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Whether {@code other} is a copy of the same report: nearly the same shingles and a similar length. */
    public boolean isMirrorOf(ContentSignature other) {
        double ratio = (double) Math.max(length, other.length) / Math.max(1, Math.min(length, other.length));
        return ratio <= 1.25 && similarity(other) >= MIRROR_SIMILARITY;
    }

    /** The body as a copy keeps it: substantive lines, Chinese characters, digits and letters only. */
    static String core(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd - lineStart >= 80 || !FURNITURE_LINE.matcher(text).region(lineStart, lineEnd).find()) {
                int mark = b.length();
                for (int i = lineStart; i < lineEnd; ) {
                    int cp = text.codePointAt(i);
                    if (Character.isLetterOrDigit(cp)) {
                        b.appendCodePoint(Character.toLowerCase(cp));
                    }
                    i += Character.charCount(cp);
                }
                if (b.length() - mark < 12) {
                    b.setLength(mark); // short lines are page furniture more often than report text
                }
            }
            lineStart = lineEnd + 1;
        }
        return b.toString();
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentSignature s && s.length == length && Arrays.equals(s.minHashes, minHashes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minHashes) + length;
    }

    @Override
    public String toString() {
        return "ContentSignature[length=" + length + "]";
    }
}
