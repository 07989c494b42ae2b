package org.rectifywatch.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;

/** UrlState on the crawl.state topic: continuation pages and judgement version survive, records from before still read. */
class UrlStateTest {
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void continuationPagesAndJudgementRoundTrip() {
        UrlState s = new UrlState("http://a/t1.html", "\"e1\"", "Mon, 30 Nov 2026 08:00:00 GMT", "abc", T, T,
                List.of("http://a/t1_1.html", "http://a/t1_2.html"), null);
        String json = Json.write(s);
        assertThat(json).contains("\"parts\":[\"http://a/t1_1.html\",\"http://a/t1_2.html\"]");
        assertThat(Json.read(json, UrlState.class)).isEqualTo(s);
        UrlState noise = new UrlState("http://a/t2.html", null, null, null, T, null, List.of(), "0123456789abcdef");
        assertThat(Json.read(Json.write(noise), UrlState.class)).isEqualTo(noise);
        assertThat(noise.judgedNotAReport()).isTrue();
        assertThat(s.judgedNotAReport()).isFalse();
    }

    @Test
    void aRecordWrittenBeforeReadsWithNothingKnownOfItsPartsOrJudgement() {
        String old = "{\"url\":\"http://a/t1.html\",\"etag\":\"\\\"e1\\\"\",\"last_modified\":null,\"sha256\":null,"
                + "\"last_seen\":\"2026-11-30T08:00:00Z\",\"published_at\":null}";
        UrlState s = Json.read(old, UrlState.class);
        assertThat(s).isEqualTo(new UrlState("http://a/t1.html", "\"e1\"", null, null, T, null));
        assertThat(s.parts()).isNull();
        assertThat(s.judgement()).isNull();
        assertThat(s.seen(T.plusSeconds(60))).extracting(UrlState::etag, UrlState::lastSeen).containsExactly("\"e1\"", T.plusSeconds(60));
    }
}
