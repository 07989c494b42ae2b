package org.rectifywatch.model.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrashPointTest {

    @Test
    void unsetMeansNoCrashPointAndReachingOneReturns() {
        assertThat(CrashPoint.Armed.parse(null)).isNull();
        assertThat(CrashPoint.Armed.parse("  ")).isNull();
        assertThat(CrashPoint.armed()).isFalse();
        CrashPoint.reach("sink.bulk.sent"); // this JVM is not armed: returns
    }

    @Test
    void aNameAloneHaltsTheFirstTimeThatPointIsReachedOnly() {
        CrashPoint.Armed a = CrashPoint.Armed.parse("crawler.published");
        assertThat(a.halts("sink.bulk.sent")).isFalse();
        assertThat(a.halts("crawler.published")).isTrue();
        assertThat(a.halts("crawler.published")).isFalse();
    }

    @Test
    void aCountHaltsOnThatPassage() {
        CrashPoint.Armed a = CrashPoint.Armed.parse("notifier.delivered:3");
        assertThat(a.point()).isEqualTo("notifier.delivered");
        assertThat(a.halts("notifier.delivered")).isFalse();
        assertThat(a.halts("other")).isFalse();
        assertThat(a.halts("notifier.delivered")).isFalse();
        assertThat(a.halts("notifier.delivered")).isTrue();
    }

    @Test
    void aMalformedValueIsRefusedNamingTheSettingAndTheForm() {
        for (String bad : new String[] {"sink.bulk.sent:0", "sink.bulk.sent:x", ":3", "sink.bulk.sent:"}) {
            assertThatThrownBy(() -> CrashPoint.Armed.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rectify.crash.at").hasMessageContaining("RECTIFY_CRASH_AT").hasMessageContaining(":N")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
