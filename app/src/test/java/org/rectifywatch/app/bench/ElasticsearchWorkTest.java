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
                + "\"flush\":{\"total\":1,\"total_time_in_millis\":10}}}}}"));
    }

    @Test
    void aWindowIsTheDifferenceOfItsSnapshotsAndIsDescribedPerDocument() throws Exception {
        ElasticsearchWork w = stats(3000, 1500, 40, 600).since(stats(1000, 500, 10, 100));
        assertThat(w.indexed()).isEqualTo(2000);
        assertThat(w.indexingMs()).isEqualTo(1000);
        assertThat(w.refreshes()).isEqualTo(30);
        assertThat(w.mergeMs()).isZero();
        assertThat(w.describe()).startsWith("2,000 documents indexed: indexing 500 µs, refreshes 250 µs (30), merges 0 µs (0)");
    }
}
