package org.rectifywatch.processor.service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * The processor's configuration (keys {@code processor.*}, env {@code RECTIFY_PROCESSOR_*}).
 *
 * @param punctuation     how often the wall clock re-evaluates deadlines
 * @param windowMonths    months after feedback an in-progress issue without a dated commitment becomes overdue
 * @param zone            time zone in which days are counted
 */
public record ProcessorConfig(
        KafkaSettings kafka,
        String applicationId,
        Duration punctuation,
        int windowMonths,
        ZoneId zone,
        int threads,
        Path stateDir,
        Duration commitInterval,
        Duration summaryInterval) {

    public static ProcessorConfig from(ConfigSource c) {
        return new ProcessorConfig(
                KafkaSettings.from(c),
                c.string("processor.application.id", "rectify-processor"),
                c.duration("processor.punctuation.interval", Duration.ofMinutes(1)),
                c.integer("processor.rectification.window.months", 6),
                ZoneId.of(c.string("processor.time.zone", "Asia/Shanghai")),
                c.integer("processor.threads", Runtime.getRuntime().availableProcessors()),
                Path.of(c.string("processor.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "rectify-streams").toString())),
                c.duration("processor.commit.interval", Duration.ofMillis(200)),
                c.duration("processor.summary.interval", Duration.ofMinutes(1)));
    }
}
