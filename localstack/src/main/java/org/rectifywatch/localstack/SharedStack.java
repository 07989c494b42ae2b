package org.rectifywatch.localstack;


/**
 * One local Kafka and one local Elasticsearch per JVM for integration tests, started on first use and
 * stopped when the JVM exits, so a test module pays their start-up once.
 */
public final class SharedStack {
    private static LocalKafka kafka;
    private static LocalElasticsearch elasticsearch;

    private SharedStack() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            LocalKafka k = LocalKafka.startTemporary();
            k.createPipelineTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(k::close, "shared-kafka-stop"));
            kafka = k;
        }
        return kafka;
    }

    public static synchronized LocalElasticsearch elasticsearch() {
        if (elasticsearch == null) {
            LocalElasticsearch es = LocalElasticsearch.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(es::close, "shared-es-stop"));
            elasticsearch = es;
        }
        return elasticsearch;
    }
}
