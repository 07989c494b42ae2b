package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * {@link TextNormalizer#normalize} returns a text that is already normal as it is (the hot path normalises the same
 * problem and rectification several times): on generated texts rich in what it changes — quotes, white space of every
 * kind, full-width and upper-case letters — the result is the full normalisation's, and normalising it again gives
 * the same instance.
 */
class TextNormalizerEquivalenceTest {
    private static final String NEARLY_NORMAL = "问题整改 a9,。";
    private static final String ALPHABET = "问题整改村两委班子 \t\n\u3000\u00A0\"'“”‘’「」ＡＢ１２，。（）Ab9,.;：ǅΣ";

    /** Texts over every kind of character, and texts that are normal but for a space or two out of place. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(30),
                Arbitraries.strings().withChars(NEARLY_NORMAL.toCharArray()).ofMinLength(0).ofMaxLength(12));
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF, seed = "20261201")
    void sameResultAsTheFullPassAndIdempotentWithoutCopying(@ForAll("texts") String text) {
        String normalized = TextNormalizer.normalize(text);
        assertThat(normalized).isEqualTo(reference(text));
        assertThat(TextNormalizer.normalize(normalized)).isSameAs(normalized);
        assertThat(TextNormalizer.isNormal(text)).isEqualTo(reference(text).equals(text));
    }

    /** The full pass (the normaliser before its shortcut). */
    private static String reference(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean lastSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextNormalizer.isQuote(c)) {
                continue;
            }
            if (c == '\u3000' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!lastSpace && out.length() > 0) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }
}
