package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generated family ({@link FigureFamily}) as a seeded batch: 3,000 composed paragraphs, exact figures for each,
 * and per-code recall and precision printed (a figure with a wrong value counts as a miss and a false figure).
 */
class FigureExtractorFamilyTest {
    static final int PARAGRAPHS = 3000;

    /** Per code: {expected, found right, found (any value)}. */
    static final class Score {
        final Map<String, int[]> byCode = new TreeMap<>();
        final List<String> failures = new ArrayList<>();

        void add(FigureFamily.Paragraph p, Map<String, Number> got) {
            for (String code : FigureFamily.CODES) {
                int[] s = byCode.computeIfAbsent(code, k -> new int[3]);
                Number want = p.expected().get(code);
                Number have = got.get(code);
                if (want != null) {
                    s[0]++;
                }
                if (have != null) {
                    s[2]++;
                }
                if (want != null && have != null && want.doubleValue() == have.doubleValue()) {
                    s[1]++;
                }
            }
            if (!same(p.expected(), got)) {
                failures.add(p.text() + "\n    expected " + new TreeMap<>(p.expected()) + "\n    got      "
                        + new TreeMap<>(got));
            }
        }

        String table() {
            StringBuilder b = new StringBuilder(String.format("%-26s %6s %6s %7s %9s%n", "code", "gold", "found",
                    "recall", "precision"));
            int[] all = new int[3];
            byCode.forEach((code, s) -> {
                b.append(String.format("%-26s %6d %6d %7.3f %9.3f%n", code, s[0], s[2], ratio(s[1], s[0]),
                        ratio(s[1], s[2])));
                for (int i = 0; i < 3; i++) {
                    all[i] += s[i];
                }
            });
            b.append(String.format("%-26s %6d %6d %7.3f %9.3f%n", "ALL", all[0], all[2], ratio(all[1], all[0]),
                    ratio(all[1], all[2])));
            return b.toString();
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    static boolean same(Map<String, Number> want, Map<String, Number> got) {
        if (!want.keySet().equals(got.keySet())) {
            return false;
        }
        for (var e : want.entrySet()) {
            if (e.getValue().doubleValue() != got.get(e.getKey()).doubleValue()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyGeneratedParagraphGivesExactlyItsFigures() {
        Random random = new Random(20240617L);
        Score score = new Score();
        for (int i = 0; i < PARAGRAPHS; i++) {
            FigureFamily.Paragraph p = FigureFamily.generate(random);
            score.add(p, FigureExtractor.extract(p.text()));
        }
        System.out.println("FigureExtractor generated family, " + PARAGRAPHS + " paragraphs:\n" + score.table());
        assertThat(score.failures).as(score.failures.size() + " of " + PARAGRAPHS + " paragraphs wrong; first ones:\n"
                + String.join("\n", score.failures.subList(0, Math.min(15, score.failures.size())))).isEmpty();
    }
}
