package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;

class ElasticsearchWorkTest {
    private static ElasticsearchWork stats(long docs, long indexMs, long refreshes, long refreshMs) throws Exception {
        return ElasticsearchWork.of(Json.MAPPER.readTree("{\"nodes\":{\"n1\":{\"indices\":{"
                + "\"indexing\":{\"index_total\":" + docs + ",\"index_time_in_millis\":" + indexMs + "},"
                + "\"refresh\":{\"total\":" + refreshes + ",\"total_time_in_millis\":" + refreshMs + "},"
                + "\"merges\":{\"total\":3,\"total_time_in_millis\":900},"
                + "\"flush\":{\"total\":1,\"total_time_in_millis\":10}},"
                + "\"jvm\":{\"gc\":{\"collectors\":{\"young\":{\"collection_count\":" + refreshes + ",\"collection_time_in_millis\":"
                + refreshMs + "},\"old\":{\"collection_count\":1,\"collection_time_in_millis\":7}}}}}}}"));
    }

    @Test
    void aWindowIsTheDifferenceOfItsSnapshotsAndIsDescribedPerDocument() throws Exception {
        ElasticsearchWork w = stats(3000, 1500, 40, 600).since(stats(1000, 500, 10, 100));
        assertThat(w.indexed()).isEqualTo(2000);
        assertThat(w.indexingMs()).isEqualTo(1000);
        assertThat(w.refreshes()).isEqualTo(30);
        assertThat(w.mergeMs()).isZero();
        assertThat(w.collections()).isEqualTo(30);
        assertThat(w.gcMs()).isEqualTo(500);
        assertThat(w.describe()).startsWith("2,000 documents indexed: indexing 500 µs, refreshes 250 µs (30), merges 0 µs (0)")
                .endsWith("its JVM's GC 250 µs (30 collections)");
    }

    @Test
    void eachIndexWithDocumentsInTheWindowIsShownWithItsIndexingTimePerDocument() throws Exception {
        ElasticsearchWork before = stats(1000, 500, 10, 100).withIndices(Json.MAPPER.readTree("{\"indices\":{"
                + "\"r-issues-v1\":{\"primaries\":{\"indexing\":{\"index_total\":900,\"index_time_in_millis\":400}}},"
                + "\"r-alerts-v2\":{\"primaries\":{\"indexing\":{\"index_total\":100,\"index_time_in_millis\":100}}}}}"));
        ElasticsearchWork after = stats(3000, 1500, 40, 600).withIndices(Json.MAPPER.readTree("{\"indices\":{"
                + "\"r-issues-v1\":{\"primaries\":{\"indexing\":{\"index_total\":2900,\"index_time_in_millis\":1400}}},"
                + "\"r-alerts-v2\":{\"primaries\":{\"indexing\":{\"index_total\":100,\"index_time_in_millis\":100}}}}}"));
        ElasticsearchWork w = after.since(before);
        assertThat(w.byIndex()).containsOnlyKeys("r-issues-v1");
        assertThat(w.describe()).endsWith("indexing by index: r-issues-v1 2,000 at 500 µs");
    }

    @Test
    void mergesRunningAreSummedOverTheNodes() throws Exception {
        assertThat(ElasticsearchWork.mergesRunning(Json.MAPPER.readTree("{\"nodes\":{"
                + "\"n1\":{\"indices\":{\"merges\":{\"current\":2,\"total\":9}}},"
                + "\"n2\":{\"indices\":{\"merges\":{\"current\":1,\"total\":4}}}}}"))).isEqualTo(3);
        assertThat(ElasticsearchWork.mergesRunning(Json.MAPPER.readTree("{\"nodes\":{"
                + "\"n1\":{\"indices\":{\"merges\":{\"current\":0,\"total\":9}}}}}"))).isZero();
    }
}
