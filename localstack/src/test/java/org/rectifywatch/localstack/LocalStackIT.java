package org.rectifywatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The local stack really works: a broker with exactly-once Streams, an ES node that indexes and searches. */
@Tag("integration")
class LocalStackIT {

    @Test
    void kafkaRunsExactlyOnceStreamsAndSurvivesARestartOnTheSameDataDir() throws Exception {
        Path dir = Files.createTempDirectory("kafka-it-");
        String bootstrap;
        try (LocalKafka kafka = LocalKafka.start(dir, true, 0)) {
            bootstrap = kafka.bootstrap();
            try (var admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic("in", 2, (short) 1), new NewTopic("out", 2, (short) 1))).all().get();
            }
            Properties sp = new Properties();
            sp.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-" + UUID.randomUUID());
            sp.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            sp.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            sp.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("streams-it-").toString());
            sp.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            StreamsBuilder b = new StreamsBuilder();
            b.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("read-in"))
                    .mapValues(v -> v.toUpperCase(), Named.as("upper"))
                    .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("write-out"));
            try (KafkaStreams streams = new KafkaStreams(b.build(), sp)) {
                streams.start();
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
                    for (int i = 0; i < 10; i++) {
                        producer.send(new ProducerRecord<>("in", "k" + i, "value " + i)).get();
                    }
                }
                List<String> seen = consume(bootstrap, "out", 10);
                assertThat(seen).hasSize(10).allMatch(v -> v.startsWith("VALUE "));
            }
            kafka.restart();
            assertThat(kafka.bootstrap()).isEqualTo(bootstrap);
            assertThat(consume(bootstrap, "out", 10)).hasSize(10);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void elasticsearchIndexesSearchesAndStopsItsWholeProcessTree() throws Exception {
        long pid;
        List<ProcessHandle> tree;
        try (LocalElasticsearch es = LocalElasticsearch.startTemporary();
             Rest5Client rest = Rest5Client.builder(java.net.URI.create(es.url())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper()));
            assertThat(client.cluster().health().status().jsonValue()).isIn("green", "yellow");
            client.indices().create(c -> c.index("smoke"));
            client.index(i -> i.index("smoke").id("1").document(Map.of("unit", "卫滨区", "topic", "conduct")).refresh(
                    co.elastic.clients.elasticsearch._types.Refresh.True));
            SearchResponse<Map> r = client.search(s -> s.index("smoke").query(q -> q.term(t -> t.field("topic.keyword").value("conduct"))), Map.class);
            assertThat(r.hits().total().value()).isEqualTo(1);
            assertThat(r.hits().hits().get(0).source()).containsEntry("unit", "卫滨区");
            tree = ProcessHandle.current().descendants().filter(h -> h.info().command().orElse("").contains("java")).toList();
            assertThat(tree).isNotEmpty();
        }
        for (ProcessHandle h : tree) {
            assertThat(h.isAlive()).as("ES process %s still alive", h.pid()).isFalse();
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + Duration.ofSeconds(60).toMillis();
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
