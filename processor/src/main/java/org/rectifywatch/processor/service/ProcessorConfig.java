package org.rectifywatch.processor.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.processor.deadline.DeadlineSettings;

/**
 * The processor's configuration (keys {@code processor.*}, env {@code RECTIFY_PROCESSOR_*}), validated when read.
 *
 * @param deadlines how overdue is judged: {@code processor.punctuation.interval} (how often the wall clock looks
 *                  for what fell due), {@code processor.rectification.window.months} (months after feedback an
 *                  in-progress issue without a dated commitment becomes overdue), {@code processor.report.months.central}
 *                  and {@code processor.report.months.other} (months after feedback a unit's rectification report is
 *                  overdue), {@code processor.retention.days} (days closed entries are kept), {@code processor.time.zone}
 */
public record ProcessorConfig(
        KafkaSettings kafka,
        String applicationId,
        DeadlineSettings deadlines,
        int threads,
        Path stateDir,
        Duration commitInterval,
        Duration summaryInterval) {

    public static ProcessorConfig from(ConfigSource c) {
        DeadlineSettings d = DeadlineSettings.defaults();
        return new ProcessorConfig(
                KafkaSettings.from(c),
                c.string("processor.application.id", "rectify-processor"),
                new DeadlineSettings(
                        c.integer("processor.rectification.window.months", d.windowMonths()),
                        c.integer("processor.report.months.central", d.reportMonthsCentral()),
                        c.integer("processor.report.months.other", d.reportMonthsOther()),
                        c.integer("processor.retention.days", d.retentionDays()),
                        ZoneId.of(c.string("processor.time.zone", d.zone().getId())),
                        c.duration("processor.punctuation.interval", d.punctuation())),
                c.integer("processor.threads", Runtime.getRuntime().availableProcessors()),
                Path.of(c.string("processor.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "rectify-streams").toString())),
                c.duration("processor.commit.interval", Duration.ofMillis(200)),
                c.duration("processor.summary.interval", Duration.ofMinutes(1)));
    }
}
