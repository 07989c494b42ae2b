package org.rectifywatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.SinkFixture;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;

/** Email digests through an in-process SMTP server (GreenMail): the same digest as the robots get, in HTML and plain text. */
class EmailDigestTest {
    private GreenMail smtp;
    private final AtomicLong ticker = new AtomicLong();

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("robot@example.org", "robot", "mail-secret");
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private AlertNotifier notifier(String password) {
        Map<String, String> m = new HashMap<>();
        m.put("sink.channels", "office");
        m.put("sink.channel.office.kind", "email");
        m.put("sink.channel.office.smtp.host", "127.0.0.1");
        m.put("sink.channel.office.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        m.put("sink.channel.office.smtp.starttls", "false");
        m.put("sink.channel.office.smtp.username", "robot");
        m.put("sink.channel.office.smtp.password", password);
        m.put("sink.channel.office.from", "rectify@example.org");
        m.put("sink.channel.office.to", "analysts@example.org, lead@example.org");
        m.put("sink.notify.dashboard.url", "https://kibana.example.org/");
        m.put("sink.notify.backfill.old", "100");
        SinkConfig config = SinkConfig.from(new ConfigSource(m, Map.of()));
        return new AlertNotifier(config, NotifiedLedger.inMemory(), new SinkCounters(), null,
                Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneId.of("Asia/Shanghai")), ticker::get, null);
    }

    private static void feed(AlertNotifier n, AlertRecord a, long offset) {
        n.intake(new ConsumerRecord<>("alerts.overdue", 0, offset, a.alertId(), Json.bytes(a)));
    }

    @Test
    void aDigestArrivesAsOneMailWithPlainTextAndHtmlOfTheSameItems() throws Exception {
        AlertNotifier n = notifier("mail-secret");
        feed(n, SinkFixture.alert("a1", AlertState.raised), 0);
        feed(n, SinkFixture.reportOverdue("p1", AlertState.resolved), 1);
        ticker.addAndGet(Duration.ofMinutes(2).toNanos());
        n.deliverDue();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2); // one copy per recipient
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("整改动态汇总：2 条");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("rectify@example.org");
        assertThat(mail.getHeader("Idempotency-Key")[0]).startsWith("digest-");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String plain = null;
        String html = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain")) {
                plain = (String) p.getContent();
            } else if (p.isMimeType("text/html")) {
                html = (String) p.getContent();
            }
        }
        assertThat(plain).contains("整改逾期提醒：卫滨区").contains("问题：问题 a1").contains("期限：2021-12-31（逾期 1796 天）")
                .contains("报告：整改通报 (https://example.gov.cn/r1.html)").contains("整改报告已公开：中共松岭县委")
                .contains("在看板中查看 (https://kibana.example.org/app/dashboards#/view/rw-dashboard-overdue)")
                .doesNotContain("**").doesNotContain("](");
        assertThat(html).contains("<b>整改逾期提醒：卫滨区</b>").contains("<li>问题：问题 a1</li>")
                .contains("<a href=\"https://example.gov.cn/r1.html\">整改通报</a>")
                .contains("<a href=\"https://kibana.example.org/app/dashboards#/view/rw-dashboard-overdue\">在看板中查看</a>");
        assertThat(n.stats().items()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsARefusalNotARetryLoop() throws Exception {
        AlertNotifier n = notifier("wrong");
        feed(n, SinkFixture.alert("a1", AlertState.raised), 0);
        ticker.addAndGet(Duration.ofMinutes(2).toNanos());
        n.deliverDue();
        assertThat(n.stats().refused()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
