package org.rectifywatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.testutil.StubSite;
import org.rectifywatch.model.config.ConfigSource;

/** A redirect whose Location header is not a URL is a counted skip of that URL, never an exception. */
class MalformedRedirectTest {
    static IngestConfig config() {
        Map<String, String> o = new HashMap<>();
        o.put("kafka.bootstrap", "127.0.0.1:9");
        o.put("ingest.host.delay", "10ms");
        o.put("ingest.connect.timeout", "1s");
        o.put("ingest.read.timeout", "1s");
        o.put("ingest.retries", "1");
        o.put("ingest.backoff.base", "10ms");
        o.put("ingest.backoff.max", "20ms");
        return IngestConfig.from(new ConfigSource(o, Map.of()));
    }

    @Test
    void malformedLocationIsABadRedirectSkip() {
        try (StubSite site = StubSite.start()) {
            site.redirect("/spaces.html", 302, "http://exa mple.gov.cn/a b.html")
                    .redirect("/bracket.html", 301, "http://[broken/x.html")
                    .redirect("/empty.html", 302, " ")
                    .redirect("/good.html", 302, "/target.html")
                    .html("/target.html", "<html><body><p>ok</p></body></html>");
            HttpFetcher fetcher = new HttpFetcher(config());
            AllowList allow = new AllowList(List.of("127.0.0.1"));
            for (String p : List.of("/spaces.html", "/bracket.html", "/empty.html")) {
                FetchOutcome o = fetcher.get(site.url() + p, null, null, allow);
                assertThat(o.status()).as(p).isEqualTo(FetchOutcome.Status.SKIPPED);
                assertThat(o.reason()).as(p).isEqualTo(SkipReason.BAD_REDIRECT);
                assertThat(o.reason().failure()).isTrue();
                assertThat(o.detail()).as(p).contains("malformed Location");
            }
            FetchOutcome ok = fetcher.get(site.url() + "/good.html", null, null, allow);
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.finalUrl()).isEqualTo(site.url() + "/target.html");
        }
    }

    @Test
    void locationResolution() {
        assertThat(HttpFetcher.resolveLocation("http://a.gov.cn/x/y.html", "../z.html")).isEqualTo("http://a.gov.cn/z.html");
        assertThat(HttpFetcher.resolveLocation("http://a.gov.cn/x/y.html", "https://b.gov.cn/")).isEqualTo("https://b.gov.cn/");
        assertThat(HttpFetcher.resolveLocation("http://a.gov.cn/x/y.html", "http://a b/")).isNull();
        assertThat(HttpFetcher.resolveLocation("http://a.gov.cn/x/y.html", "http:///nohost")).isNull();
        assertThat(HttpFetcher.resolveLocation("http://a.gov.cn/x/y.html", "")).isNull();
    }
}
