package org.rectifywatch.sink.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.config.SinkConfig;

/** Channels, policy and digest settings as configured, with secrets masked and mistakes named. */
class NotificationConfigTest {

    private static NotificationConfig of(Map<String, String> m) {
        return NotificationConfig.from(new ConfigSource(m, Map.of()));
    }

    @Test
    void byDefaultCommitmentAndReportOverdueAreRaisedAndResolvedAndRectificationOverdueIsNotPushed() {
        AlertPolicy p = of(Map.of()).policy();
        assertThat(p.pushes(AlertKind.commitment_overdue, AlertState.raised)).isTrue();
        assertThat(p.pushes(AlertKind.commitment_overdue, AlertState.resolved)).isTrue();
        assertThat(p.pushes(AlertKind.report_overdue, AlertState.raised)).isTrue();
        assertThat(p.pushes(AlertKind.report_overdue, AlertState.resolved)).isTrue();
        assertThat(p.pushes(AlertKind.rectification_overdue, AlertState.raised)).isFalse();
        assertThat(p.pushes(AlertKind.commitment_overdue, AlertState.withdrawn)).isFalse();
        AlertPolicy all = AlertPolicy.parse("rectification_overdue:raised, report_overdue, *:withdrawn");
        assertThat(all.pushes(AlertKind.rectification_overdue, AlertState.raised)).isTrue();
        assertThat(all.pushes(AlertKind.report_overdue, AlertState.superseded)).isTrue();
        assertThat(all.pushes(AlertKind.commitment_overdue, AlertState.withdrawn)).isTrue();
        assertThat(all.pushes(AlertKind.commitment_overdue, AlertState.raised)).isFalse();
        assertThat(AlertPolicy.parse("none").pushed()).isEmpty();
        assertThatThrownBy(() -> AlertPolicy.parse("commitment_overdue:open")).hasMessageContaining("sink.notify.push")
                .hasMessageContaining("'commitment_overdue:open'").hasMessageContaining("RECTIFY_SINK_NOTIFY_PUSH");
    }

    @Test
    void severalChannelsEachWithKindRateAndSecretsThatNeverShow() {
        Map<String, String> m = new HashMap<>();
        m.put("sink.webhook.url", "https://oapi.dingtalk.com/robot/send?access_token=TOKEN-1");
        m.put("sink.webhook.format", "dingtalk");
        m.put("sink.webhook.secret", "SEC-SECRET-1");
        m.put("sink.channels", "henan, office");
        m.put("sink.channel.henan.kind", "wecom");
        m.put("sink.channel.henan.url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY-2");
        m.put("sink.channel.henan.rate", "10/1m");
        m.put("sink.channel.office.kind", "email");
        m.put("sink.channel.office.smtp.host", "smtp.example.org");
        m.put("sink.channel.office.smtp.username", "robot");
        m.put("sink.channel.office.smtp.password", "PASSWORD-3");
        m.put("sink.channel.office.from", "rectify@example.org");
        m.put("sink.channel.office.to", "a@example.org, b@example.org");
        m.put("sink.notify.alert.channels", "default,office");
        NotificationConfig c = of(m);
        assertThat(c.channels()).extracting(ChannelConfig::name).containsExactly("default", "henan", "office");
        assertThat(c.channel("default").kind()).isEqualTo(ChannelKind.dingtalk);
        assertThat(c.channel("default").rate()).isEqualTo(new Rate(20, Duration.ofMinutes(1)));
        assertThat(c.channel("henan").rate()).isEqualTo(new Rate(10, Duration.ofMinutes(1)));
        assertThat(c.channel("office").email().port()).isEqualTo(587);
        assertThat(c.channel("office").email().to()).containsExactly("a@example.org", "b@example.org");
        assertThat(c.alertChannels()).containsExactly("default", "office");
        String shown = SinkConfig.from(new ConfigSource(m, Map.of())).toString();
        assertThat(shown).doesNotContain("TOKEN-1", "SEC-SECRET-1", "KEY-2", "PASSWORD-3").contains("signed").contains("oapi.dingtalk.com/***");
    }

    @Test
    void mistakesNameTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> of(Map.of("sink.channels", "x", "sink.channel.x.kind", "email")))
                .hasMessage("configuration sink.channel.x.smtp.host (env RECTIFY_SINK_CHANNEL_X_SMTP_HOST) is missing: set it to the SMTP server's host name");
        assertThatThrownBy(() -> of(Map.of("sink.channels", "x", "sink.channel.x.kind", "slack")))
                .hasMessageContaining("sink.channel.x.kind").hasMessageContaining("'slack'").hasMessageContaining("dingtalk");
        assertThatThrownBy(() -> of(Map.of("sink.channels", "x")))
                .hasMessageContaining("sink.channel.x.url");
        assertThatThrownBy(() -> of(Map.of("sink.notify.alert.channels", "gd")))
                .hasMessageContaining("sink.notify.alert.channels").hasMessageContaining("'gd'");
        assertThatThrownBy(() -> of(Map.of("sink.notify.interval", "0s"))).hasMessageContaining("sink.notify.interval")
                .hasMessageContaining("at least 1ms, not 0ms");
        assertThatThrownBy(() -> of(Map.of("sink.webhook.url", "https://x/y", "sink.webhook.rate", "many")))
                .hasMessageContaining("sink.webhook.rate");
    }
}
