package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.config.ConfigSource;

/**
 * One crawler instance with several workers over a small loopback farm: hosts are crawled side by side, each host still
 * one request at a time at its delay; every report is published, and the next pass answers the known ones with 304.
 */
@Tag("integration")
class CrawlFarmIT {
    private static final Duration DELAY = Duration.ofMillis(300);

    @Test
    void hostsAreCrawledSideBySideEachAtItsDelay() throws Exception {
        int[] sizes = new int[12];
        java.util.Arrays.fill(sizes, 4);
        try (LocalKafka kafka = LocalKafka.startTemporary(); SiteFarm farm = new SiteFarm(sizes, 4)) {
            kafka.createPipelineTopics();
            List<String> columns = farm.sites().stream().map(SiteFarm.Site::columnUrl).toList();
            IngestConfig config = IngestConfig.from(ConfigSource.of(Map.of("kafka.bootstrap", kafka.bootstrap(),
                    "ingest.host.delay", DELAY.toMillis() + "ms", "ingest.workers", "6")));
            PassSummary first;
            try (Crawler c = new Crawler(config, UrlProfiles.of(columns, 3))) {
                first = c.runOnce();
            }
            assertThat(first.published()).isEqualTo(48);
            assertThat(first.errors()).isZero();
            long before = farm.requestsByHost().values().stream().mapToLong(List::size).sum();

            farm.sites().forEach(SiteFarm.Site::addReport);
            PassSummary second;
            try (Crawler c = new Crawler(config, UrlProfiles.of(columns, 3))) {
                second = c.runOnce();
            }
            assertThat(second.published()).isEqualTo(12);
            assertThat(second.notModified()).isEqualTo(48);
            long requests = farm.requestsByHost().values().stream().mapToLong(List::size).sum() - before;
            // one host after another the pass would take at least requests × delay; six at a time, about a sixth of it
            assertThat(second.took()).isLessThan(DELAY.multipliedBy(requests).dividedBy(2));

            for (Map.Entry<String, List<SiteFarm.Request>> e : farm.requestsByHost().entrySet()) {
                List<SiteFarm.Request> rs = new ArrayList<>(e.getValue());
                rs.sort((x, y) -> Long.compare(x.nanos(), y.nanos()));
                for (int i = 1; i < rs.size(); i++) {
                    assertThat((rs.get(i).nanos() - rs.get(i - 1).nanos()) / 1_000_000).as("gap %d at %s", i, e.getKey())
                            .isGreaterThanOrEqualTo(DELAY.toMillis() * 9 / 10);
                }
            }
        }
    }

    @Test
    void theBenchFarmHasOneBigSiteMidListAmongSmallOnes() {
        int[] sizes = CrawlBench.sizes(500);
        assertThat(sizes[125]).isEqualTo(40);
        assertThat(sizes[375]).isEqualTo(40);
        assertThat(java.util.Arrays.stream(sizes).filter(n -> n < 3 || n > 8 && n != 40).count()).isZero();
        assertThat(SiteFarm.address(0)).isEqualTo("127.0.1.1");
        assertThat(SiteFarm.address(499)).isEqualTo("127.0.2.250");
    }
}
