package org.rectifywatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SiteArticle;

/**
 * The demo's flow as a test: sample site (plus the shared corpus when present) → crawler → Kafka → processor →
 * sink → Elasticsearch. Exact issue counts per report, the overdue alerts the commitments imply, and a second
 * crawl pass that changes nothing.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private DemoRunner demo;
    private SearchClient search;
    private Path corpus;
    private PassSummary firstPass;
    /** Gold annotation per article URL. */
    private final Map<String, JsonNode> goldByUrl = new LinkedHashMap<>();

    @BeforeAll
    void runThePipeline() throws Exception {
        Path shared = Path.of(System.getProperty("rectify.shared.dir", "../../shared"));
        corpus = Files.isDirectory(shared.resolve("corpus/gold")) ? shared.resolve("corpus") : null;
        demo = new DemoRunner(new PrintStream(output, true, StandardCharsets.UTF_8), null, corpus == null ? null : corpus.resolve("reports"));
        demo.start();
        firstPass = demo.crawlAndSettle(Duration.ofMinutes(4));
        search = new SearchClient(ElasticsearchSettings.local(demo.stack().elasticsearch().url()));
        refresh();
        for (SampleReports.Sample s : SampleReports.all()) {
            goldByUrl.put(demo.site().urlOf(s.name()), Json.read(s.expectedJson(), JsonNode.class));
        }
        if (corpus != null) {
            for (SiteArticle a : demo.site().corpusReports()) {
                Path gold = corpus.resolve("gold").resolve(a.name().replaceFirst("^corpus-", "") + ".json");
                if (Files.exists(gold)) {
                    goldByUrl.put(demo.site().url() + a.path(), Json.read(Files.readString(gold), JsonNode.class));
                }
            }
        }
    }

    @AfterAll
    void stop() {
        if (search != null) {
            search.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void everyReportHasExactlyItsExpectedIssuesSearchable() {
        assertThat(firstPass.published()).isEqualTo(goldByUrl.size());
        Map<String, Long> expected = new TreeMap<>();
        Map<String, Long> actual = new TreeMap<>();
        goldByUrl.forEach((url, gold) -> {
            expected.put(url, gold.get("issue_count").asLong());
            actual.put(url, search.count("rectify-issues", "{\"term\":{\"report_url\":\"" + url + "\"}}"));
        });
        assertThat(actual).isEqualTo(expected);
        assertThat(search.count("rectify-reports", "{\"match_all\":{}}")).isEqualTo(goldByUrl.size());
    }

    @Test
    @Order(2)
    void overdueAlertsAreThoseTheCommitmentsImply() {
        LocalDate today = LocalDate.now(SHANGHAI);
        Set<String> raised = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        // the shipped samples' expected outputs are exact (status included); the corpus gold is checked for issue counts
        List<JsonNode> golds = new ArrayList<>();
        List<String> sampleUrls = new ArrayList<>();
        for (SampleReports.Sample sample : SampleReports.all()) {
            sampleUrls.add(demo.site().urlOf(sample.name()));
            golds.add(goldByUrl.get(demo.site().urlOf(sample.name())));
        }
        String samplesOnly = Json.write(sampleUrls);
        for (JsonNode gold : golds) {
            String target = gold.at("/meta/target").asText();
            LocalDate feedback = date(gold.at("/meta/feedback_date").asText());
            for (JsonNode issue : gold.get("issues")) {
                if (issue.get("status").asText().equals("completed")) {
                    continue;
                }
                Set<String> dues = new HashSet<>();
                issue.get("commitments").forEach(c -> {
                    if (!c.get("due").isNull()) {
                        dues.add(c.get("due").asText());
                    }
                });
                List<String> keys = new ArrayList<>();
                dues.stream().filter(d -> LocalDate.parse(d).isBefore(today)).forEach(d -> keys.add(target + "|" + issue.get("problem").asText() + "|" + d));
                if (dues.isEmpty() && issue.get("status").asText().equals("in_progress") && feedback != null
                        && feedback.plusMonths(6).isBefore(today)) {
                    keys.add(target + "|" + issue.get("problem").asText() + "|window");
                }
                boolean completedLater = golds.stream().anyMatch(other -> other != gold
                        && other.at("/meta/target").asText().equals(target)
                        && other.at("/meta/published_date").asText("").compareTo(gold.at("/meta/published_date").asText("")) > 0
                        && stream(other.get("issues")).anyMatch(i -> i.get("status").asText().equals("completed")
                                && i.get("problem").asText().equals(issue.get("problem").asText())));
                (completedLater ? resolved : raised).addAll(keys);
            }
        }
        assertThat(search.count("rectify-alerts", alertsOf(samplesOnly, "raised"))).as("open alerts").isEqualTo(raised.size());
        assertThat(search.count("rectify-alerts", alertsOf(samplesOnly, "resolved"))).as("resolved alerts").isEqualTo(resolved.size());
        assertThat(raised).isNotEmpty();
        assertThat(resolved).isNotEmpty();
    }

    @Test
    @Order(3)
    void aSecondCrawlPassChangesNothingInElasticsearch() throws Exception {
        Map<String, Long> before = snapshot();
        PassSummary second = demo.crawlAndSettle(Duration.ofMinutes(2));
        assertThat(second.published()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.notModified()).isPositive();
        Thread.sleep(1500);
        refresh();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("crawl: pages fetched");
    }

    private static String alertsOf(String urlsJson, String state) {
        return "{\"bool\":{\"filter\":[{\"term\":{\"state\":\"" + state + "\"}},{\"terms\":{\"report_url\":" + urlsJson + "}}]}}";
    }

    /** Every document's id and sequence number: any write would change it. */
    private Map<String, Long> snapshot() {
        Map<String, Long> docs = new TreeMap<>();
        for (String index : List.of("rectify-reports", "rectify-issues", "rectify-alerts")) {
            JsonNode hits = search.search(index, "{\"size\":2000,\"seq_no_primary_term\":true,\"_source\":false}");
            for (JsonNode h : hits.at("/hits/hits")) {
                docs.put(index + "/" + h.path("_id").asText(), h.path("_seq_no").asLong());
            }
        }
        assertThat(docs).isNotEmpty();
        return docs;
    }

    private void refresh() {
        for (String index : List.of("rectify-reports", "rectify-issues", "rectify-alerts")) {
            search.refresh(index);
        }
    }

    private static LocalDate date(String s) {
        return s != null && s.length() == 10 ? LocalDate.parse(s) : null;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l.stream();
    }
}
