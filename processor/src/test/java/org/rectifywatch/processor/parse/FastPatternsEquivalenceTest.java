package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

/**
 * The two scans of {@link FastPatterns.KeywordPattern#find} — {@code String.indexOf} per first character for a String,
 * the character loop for any other CharSequence — and the reuse of one matcher along a loop find the same matches
 * for every keyword pattern of the parser: on the sample reports and on generated texts dense in first characters.
 */
class FastPatternsEquivalenceTest {
    private static final List<String> CLASSES = List.of(
            "org.rectifywatch.processor.parse.StatusEvidence", "org.rectifywatch.processor.parse.StatusClassifier",
            "org.rectifywatch.processor.parse.FigureExtractor", "org.rectifywatch.processor.deadline.CommitmentExtractor",
            "org.rectifywatch.processor.segment.ProblemText", "org.rectifywatch.processor.segment.SectionKinds",
            "org.rectifywatch.processor.parse.MetadataExtractor");

    private static final List<FastPatterns.KeywordPattern> PATTERNS = parserPatterns();

    @Test
    void sampleReportsGiveTheSameMatchesBothWays() {
        int matches = 0;
        for (var sample : SampleReports.all()) {
            for (FastPatterns.KeywordPattern p : PATTERNS) {
                List<int[]> indexed = matches(p, sample.text(), true);
                assertThat(indexed).as("%s in %s", p.pattern(), sample.name())
                        .usingRecursiveFieldByFieldElementComparator().isEqualTo(matches(p, sample.text(), false));
                matches += indexed.size();
            }
        }
        assertThat(matches).as("matches over the samples").isGreaterThan(100);
    }

    /** Texts over the characters of one pattern's regex (plus a few breaks): dense in candidates, repeats and matches. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PATTERNS).flatMap(p -> {
            StringBuilder alphabet = new StringBuilder("，。了");
            for (char c : p.pattern().pattern().toCharArray()) {
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || Character.isDigit(c)) {
                    alphabet.append(c);
                }
            }
            return Arbitraries.strings().withChars(alphabet.toString().toCharArray()).ofMinLength(0).ofMaxLength(60);
        });
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.OFF, seed = "1201")
    void generatedTextsGiveTheSameMatchesBothWays(@ForAll("texts") String text) {
        for (FastPatterns.KeywordPattern p : PATTERNS) {
            assertThat(matches(p, text, true)).as("%s in %s", p.pattern(), text)
                    .usingRecursiveFieldByFieldElementComparator().isEqualTo(matches(p, text, false));
        }
    }

    /** Every match left to right; indexed: on the String with one reused matcher, else on a StringBuilder, fresh ones. */
    private static List<int[]> matches(FastPatterns.KeywordPattern p, String text, boolean indexed) {
        List<int[]> out = new ArrayList<>();
        CharSequence seq = indexed ? text : new StringBuilder(text);
        int from = 0;
        Matcher m = null;
        while (from <= text.length() && (m = indexed ? p.find(seq, from, m) : p.find(seq, from)) != null) {
            out.add(new int[] {m.start(), m.end()});
            from = Math.max(m.end(), m.start() + 1);
        }
        return out;
    }

    private static List<FastPatterns.KeywordPattern> parserPatterns() {
        List<FastPatterns.KeywordPattern> out = new ArrayList<>();
        try {
            for (String name : CLASSES) {
                for (Field f : Class.forName(name).getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object value = f.get(null);
                    if (value instanceof FastPatterns.KeywordPattern p) {
                        out.add(p);
                    } else if (value instanceof java.util.Collection<?> items) {
                        // tables of records holding a keyword pattern (the figure codes)
                        for (Object item : items) {
                            if (item instanceof Record r) {
                                for (var component : r.getClass().getRecordComponents()) {
                                    if (component.getType() == FastPatterns.KeywordPattern.class) {
                                        var accessor = component.getAccessor();
                                        accessor.setAccessible(true);
                                        out.add((FastPatterns.KeywordPattern) accessor.invoke(r));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
