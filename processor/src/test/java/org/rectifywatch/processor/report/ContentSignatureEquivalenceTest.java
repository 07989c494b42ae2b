package org.rectifywatch.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Signatures are stored in the report stage's state and compared with those of later pages: the rolled, vectorisable
 * computation must give exactly the values of the straightforward one (a substring's hash per shingle, every hash
 * function per shingle), or mirrors would stop being recognised after an upgrade.
 */
class ContentSignatureEquivalenceTest {
    private static final int HASHES = 64;
    private static final int SHINGLE = 5;

    @Property(tries = 300)
    void signaturesAreThoseOfTheStraightforwardComputation(@ForAll("pages") String text) {
        assertThat(ContentSignature.core(text)).isEqualTo(referenceCore(text));
        ContentSignature s = ContentSignature.of(text);
        assertThat(s.minHashes()).containsExactly(referenceMinHashes(referenceCore(text)));
        assertThat(s.length()).isEqualTo(referenceCore(text).length());
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars("整改巡视问题落实责任党委干部群众一二三四五六七八九十").ofMinLength(0).ofMaxLength(120),
                Arbitraries.strings().withChars("abcXYZ0123456789 ，。、：:（）()\t\r").ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withChars("𠀀𠀁𪚥整改ÄÖ") .ofMinLength(0).ofMaxLength(30),
                Arbitraries.of("来源：新华网", "责任编辑：张三", "打印 关闭", "当前位置：首页 > 巡视巡察", "字号：大 中 小"),
                Arbitraries.strings().withChars("整改巡视问题落实").ofMinLength(80).ofMaxLength(100).map(s -> "来源" + s));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    private static String referenceCore(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            if (java.util.regex.Pattern.compile("来源|责任编辑|编辑:|编辑：|字号|打印|关闭|分享|浏览|访问量|点击|发布时间|首页|当前位置|扫一扫")
                    .matcher(line).find() && line.length() < 80) {
                continue;
            }
            StringBuilder l = new StringBuilder(line.length());
            line.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(l::appendCodePoint);
            if (l.length() >= 12) {
                b.append(l);
            }
        }
        return b.toString();
    }

    private static int[] referenceMinHashes(String core) {
        int[] seeds = new int[HASHES];
        java.util.Random r = new java.util.Random(20261201L);
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = r.nextInt() | 1;
        }
        int[] mins = new int[HASHES];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= core.length(); i++) {
            int h = core.substring(i, i + SHINGLE).hashCode();
            for (int k = 0; k < HASHES; k++) {
                int x = mix(h * seeds[k] + k);
                if (x < mins[k]) {
                    mins[k] = x;
                }
            }
        }
        return mins;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
