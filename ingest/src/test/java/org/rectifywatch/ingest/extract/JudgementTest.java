package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.TitleFilter;

class JudgementTest {
    @Test
    void theVersionFollowsTheFilterPatternsAndNothingElse() {
        String defaults = Judgement.of(TitleFilter.defaults());
        assertThat(defaults).hasSize(16).matches("[0-9a-f]+");
        assertThat(Judgement.of(new TitleFilter(List.copyOf(TitleFilter.DEFAULT_INCLUDE), List.copyOf(TitleFilter.DEFAULT_EXCLUDE))))
                .isEqualTo(defaults);
        List<String> include = new ArrayList<>(TitleFilter.DEFAULT_INCLUDE);
        include.add("巡察整改工作情况");
        assertThat(Judgement.of(new TitleFilter(include, null))).isNotEqualTo(defaults);
        assertThat(Judgement.of(new TitleFilter(null, List.of("进驻")))).isNotEqualTo(defaults);
        // an include pattern moved to the excludes is another filter
        assertThat(Judgement.of(new TitleFilter(List.of("a"), List.of("b")))).isNotEqualTo(Judgement.of(new TitleFilter(List.of("b"), List.of("a"))));
    }
}
