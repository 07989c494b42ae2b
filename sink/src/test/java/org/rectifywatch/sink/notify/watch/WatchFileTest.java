package org.rectifywatch.sink.notify.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.SinkFixture;

/** The watches file: what it may say, the errors that name file, watch and field, and what a watch matches. */
class WatchFileTest {
    private static final Set<String> CHANNELS = Set.of("default", "henan", "office");

    @Test
    void readsYamlAndJsonWithOneValueOrAList(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("watches.yaml");
        Files.writeString(yaml, """
                watches:
                  - name: 河南经济
                    province: 河南
                    topic: [economy, conduct]
                    unit: 卫滨|红旗
                    alert_kinds: [commitment_overdue]
                    channels: henan
                  - name: 全部报告
                    channels: [office, default]
                """);
        List<Watch> w = WatchFile.load(yaml, CHANNELS);
        assertThat(w).hasSize(2);
        assertThat(w.get(0).provinces()).containsExactly("河南");
        assertThat(w.get(0).topics()).containsExactly("economy", "conduct");
        assertThat(w.get(0).unit().pattern()).isEqualTo("卫滨|红旗");
        assertThat(w.get(0).alertKinds()).containsExactly(AlertKind.commitment_overdue);
        assertThat(w.get(1).channels()).containsExactly("office", "default");
        List<Watch> json = WatchFile.parse("w.json", "[{\"name\": \"a\", \"keyword\": \"扶贫\", \"channels\": \"default\"}]", CHANNELS);
        assertThat(json.get(0).keywords()).containsExactly("扶贫");
    }

    @Test
    void errorsNameTheFileTheWatchAndTheField(@TempDir Path dir) {
        assertThatThrownBy(() -> WatchFile.parse("/etc/w.yaml", "- name: a\n  provnce: 河南\n  channels: default\n", CHANNELS))
                .hasMessage("watches file /etc/w.yaml: watch 'a': field 'provnce' is unknown; the fields are "
                        + "[name, province, unit, topic, pillar, keyword, report_kind, alert_kinds, channels]");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n  channels: gd\n", CHANNELS))
                .hasMessageStartingWith("watches file w.yaml: watch 'a': field 'channels' names 'gd', which is not a configured channel");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n  unit: '卫滨('\n  channels: default\n", CHANNELS))
                .hasMessageStartingWith("watches file w.yaml: watch 'a': field 'unit' is not a valid regular expression");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n  alert_kinds: [late]\n  channels: default\n", CHANNELS))
                .hasMessageStartingWith("watches file w.yaml: watch 'a': field 'alert_kinds' has 'late'");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- province: 河南\n  channels: default\n", CHANNELS))
                .hasMessage("watches file w.yaml: watch #1: field 'name' is missing; give every watch a unique name");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n  channels: default\n- name: a\n  channels: default\n", CHANNELS))
                .hasMessageContaining("watch 'a': field 'name' repeats");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n", CHANNELS))
                .hasMessageContaining("watch 'a': field 'channels' is missing");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "- name: a\n  topic: {x: 1}\n  channels: default\n", CHANNELS))
                .hasMessageContaining("watch 'a': field 'topic' must be a string or a list of strings");
        assertThatThrownBy(() -> WatchFile.parse("w.yaml", "name: [unclosed\n", CHANNELS)).hasMessageStartingWith("watches file w.yaml is not valid YAML/JSON");
        assertThatThrownBy(() -> WatchFile.load(dir.resolve("missing.yaml"), CHANNELS))
                .hasMessageContaining("missing.yaml").hasMessageContaining("sink.watches.file").hasMessageContaining("cannot be read");
    }

    @Test
    void aWatchMatchesWhenEveryCriterionGivenHolds() {
        Watch henanEconomy = WatchFile.parse("w", "- {name: w, province: 河南省, topic: economy, channels: default}", CHANNELS).get(0);
        var issue = SinkFixture.issueOf("i1", "河南", "theory_politics", null);
        assertThat(henanEconomy.matches(issue)).as("other topic").isFalse();
        assertThat(henanEconomy.matches(SinkFixture.issueOf("i2", "河南", "economy", null))).isTrue();
        assertThat(henanEconomy.matches(SinkFixture.issueOf("i3", "河南", "conduct", "economy"))).as("second topic").isTrue();
        assertThat(henanEconomy.matches(SinkFixture.issueOf("i4", "广东", "economy", null))).as("other province").isFalse();
        assertThat(henanEconomy.matches(SinkFixture.reportOf("r1", "河南", "economy"))).isTrue();
        assertThat(henanEconomy.matches(SinkFixture.reportOf("r2", "河南", "conduct"))).isFalse();
        assertThat(henanEconomy.matches(SinkFixture.alert("a1", AlertState.raised))).as("no alert kinds: alerts not watched").isFalse();
        Watch unit = WatchFile.parse("w", "- {name: w, unit: '^卫滨', alert_kinds: commitment_overdue, channels: default}", CHANNELS).get(0);
        assertThat(unit.matches(SinkFixture.alert("a1", AlertState.raised))).isTrue();
        assertThat(unit.matches(SinkFixture.reportOverdue("p1", AlertState.raised))).isFalse();
    }
}
