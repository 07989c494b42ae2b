package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

/**
 * The metadata extractor asks whether a line names an inspector with a pattern that finds only the team or the named
 * round: it must say yes exactly where the full inspector pattern finds a match — on every line of the sample reports
 * and on generated lines dense in bodies, rounds, teams and numerals.
 */
class InspectorPrefilterTest {
    private static final Pattern INSPECTOR = field("INSPECTOR");
    private static final FastPatterns.KeywordPattern HAS_INSPECTOR = field("HAS_INSPECTOR");

    @SuppressWarnings("unchecked")
    private static <T> T field(String name) {
        try {
            Field f = MetadataExtractor.class.getDeclaredField(name);
            f.setAccessible(true);
            return (T) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sampleLinesAgree() {
        int found = 0;
        for (var sample : SampleReports.all()) {
            for (String line : sample.text().split("\n")) {
                boolean full = INSPECTOR.matcher(line).find();
                assertThat(HAS_INSPECTOR.foundIn(line)).as(line).isEqualTo(full);
                found += full ? 1 : 0;
            }
        }
        assertThat(found).as("lines naming an inspector").isGreaterThan(10);
    }

    @Provide
    Arbitrary<String> lines() {
        List<String> pieces = List.of("省委", "市委", "县委", "中共中央", "党委", "党组", "街道党工委", "第", "一", "二", "十",
                "3", "轮", "巡视", "巡察", "组", "机动", "专项", "于", "对", "，", ",", "。", "年", "月", "反馈", "某某", "集团");
        return Arbitraries.of(pieces).list().ofMinSize(0).ofMaxSize(16).map(l -> String.join("", l));
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF, seed = "1203")
    void generatedLinesAgree(@ForAll("lines") String line) {
        assertThat(HAS_INSPECTOR.foundIn(line)).as(line).isEqualTo(INSPECTOR.matcher(line).find());
    }
}
