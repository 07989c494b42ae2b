package org.rectifywatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.sink.config.SinkConfig;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml (and the security override on top of it) kept correct by reading them, as no container engine
 * runs here: every variable set for our services is a key they read, the start order, restart policies, memory
 * limits against heap sizes, and health checks.
 */
class ComposeEnvironmentTest {
    /** The long-running pipeline services and the one-shot jobs built from our image. */
    private static final List<String> SERVICES = List.of("ingest", "processor", "sink");
    private static final List<String> JOBS = List.of("topics", "setup", "kibana-setup");
    private static final List<String> INFRA = List.of("kafka", "elasticsearch", "kibana");
    /** Variables for the JVM rather than for our configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    @Test
    void everyEnvironmentVariableSetForThePipelineServicesIsAKeyTheServicesRead() throws IOException {
        Set<String> read = keysTheServicesRead();
        for (Map<String, Map<String, Object>> services : List.of(services(compose()), services(withSecurity()))) {
            Set<String> set = new TreeSet<>();
            for (String name : concat(SERVICES, JOBS)) {
                Map<String, Object> env = env(services.get(name));
                assertThat(env).as("environment of %s", name).isNotEmpty();
                set.addAll(env.keySet());
            }
            set.removeAll(JVM_VARIABLES);
            assertThat(set).isNotEmpty().allSatisfy(var -> assertThat(read).as("keys the services read").contains(var));
        }
    }

    @Test
    void theCheckFailsOnAVariableNoServiceReads() {
        assertThat(keysTheServicesRead()).contains("RECTIFY_ES_CA_CERT", "RECTIFY_SINK_INDEX_PREFIX", "RECTIFY_INGEST_PROFILES")
                .doesNotContain("RECTIFY_SINK_INDEX", "RECTIFY_ES_CA");
    }

    @Test
    void topicsFirstThenTheServicesAndIndexingNeverWaitsForKibana() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        assertThat(services).containsKeys(concat(concat(SERVICES, JOBS), INFRA).toArray(String[]::new));
        assertThat(services.get("topics").get("command").toString()).isEqualTo("[topics]");
        assertThat(dependsOn(services.get("topics"))).containsEntry("kafka", "service_healthy");
        for (String name : concat(SERVICES, List.of("setup", "kibana-setup"))) {
            assertThat(dependsOn(services.get(name))).as(name).containsEntry("topics", "service_completed_successfully");
        }
        assertThat(dependsOn(services.get("sink"))).containsEntry("setup", "service_completed_successfully")
                .containsEntry("elasticsearch", "service_healthy");
        assertThat(services.get("setup").get("command").toString()).isEqualTo("[setup]");
        assertThat(services.get("kibana-setup").get("command").toString()).contains("setup", "--kibana-only", "--kibana");
        assertThat(dependsOn(services.get("kibana-setup"))).containsEntry("kibana", "service_healthy")
                .containsEntry("setup", "service_completed_successfully");
        // nothing on the indexing path reaches Kibana, not even through another service
        for (String name : List.of("sink", "setup", "topics", "processor", "ingest")) {
            assertThat(reachable(services, name)).as("what %s waits for", name).doesNotContain("kibana", "kibana-setup");
        }
        assertThat(services.get("elasticsearch").get("image").toString()).endsWith(":9.2.8");
        assertThat(services.get("kibana").get("image").toString()).endsWith(":9.2.8");
    }

    @Test
    void everyServiceRestartsUnlessStoppedAndTheJobsRunOnce() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        for (String name : concat(SERVICES, INFRA)) {
            assertThat(services.get(name).get("restart")).as("restart policy of %s", name).isEqualTo("unless-stopped");
        }
        for (String name : JOBS) {
            assertThat(services.get(name).get("restart")).as("restart policy of %s", name).isEqualTo("no");
        }
    }

    @Test
    void everyServiceHasAMemoryLimitAndItsHeapFitsInIt() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        for (String name : services.keySet()) {
            assertThat(services.get(name)).as("mem_limit of %s", name).containsKey("mem_limit");
        }
        for (String name : concat(SERVICES, JOBS)) {
            String opts = String.valueOf(env(services.get(name)).get("JAVA_TOOL_OPTIONS"));
            Matcher m = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(opts);
            assertThat(m.find()).as("heap share of %s in %s", name, opts).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as(name).isBetween(25, 75);
            // the heap in huge pages where the host offers them on request (see the Dockerfile)
            assertThat(opts).as("JVM options of %s", name).contains("-XX:+UseTransparentHugePages");
        }
        assertThat(heapMb(env(services.get("elasticsearch")).get("ES_JAVA_OPTS"), "-Xmx(\\d+)([mg])"))
                .as("Elasticsearch heap at most half its limit").isLessThanOrEqualTo(megabytes(services.get("elasticsearch")) / 2);
        assertThat(heapMb(env(services.get("kafka")).get("KAFKA_HEAP_OPTS"), "-Xmx(\\d+)([mg])"))
                .isLessThan(megabytes(services.get("kafka")));
        assertThat(heapMb(env(services.get("kibana")).get("NODE_OPTIONS"), "--max-old-space-size=(\\d+)()"))
                .isLessThan(megabytes(services.get("kibana")));
        long total = services.values().stream().mapToLong(ComposeEnvironmentTest::megabytes).sum();
        assertThat(total).as("the whole stack, MiB").isLessThanOrEqualTo(10 * 1024);
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckOnItsHealthEndpoint() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        for (String name : concat(SERVICES, INFRA)) {
            assertThat(services.get(name)).as(name).containsKey("healthcheck");
        }
        for (String name : SERVICES) {
            assertThat(String.valueOf(((Map<?, ?>) services.get(name).get("healthcheck")).get("test")))
                    .as(name).contains("curl").contains("http://localhost:8080/health/ready");
        }
    }

    @Test
    void theSecurityOverrideTurnsOnTlsApiKeysAndAKibanaServiceToken() throws IOException {
        Map<String, Map<String, Object>> services = services(withSecurity());
        Map<String, Object> es = env(services.get("elasticsearch"));
        assertThat(es).containsEntry("xpack.security.enabled", "true").containsEntry("xpack.security.http.ssl.enabled", "true")
                .containsEntry("xpack.security.transport.ssl.enabled", "true");
        assertThat(dependsOn(services.get("elasticsearch"))).containsEntry("certs", "service_completed_successfully");
        assertThat(services.get("certs").get("restart")).isEqualTo("no");
        assertThat(String.valueOf(((Map<?, ?>) services.get("elasticsearch").get("healthcheck")).get("test"))).contains("https://");
        Map<String, Object> kibana = env(services.get("kibana"));
        assertThat(kibana.get("ELASTICSEARCH_HOSTS").toString()).contains("https://elasticsearch:9200");
        assertThat(kibana.get("ELASTICSEARCH_SERVICEACCOUNTTOKEN").toString()).startsWith("${KIBANA_SERVICE_TOKEN:?");
        assertThat(kibana).containsKey("ELASTICSEARCH_SSL_CERTIFICATEAUTHORITIES");
        for (String name : List.of("setup", "kibana-setup", "sink")) {
            Map<String, Object> env = env(services.get(name));
            assertThat(env.get("RECTIFY_ES_URL")).as(name).isEqualTo("https://elasticsearch:9200");
            assertThat(env.get("RECTIFY_ES_API_KEY").toString()).as("%s needs the API key", name).startsWith("${RECTIFY_ES_API_KEY:?");
            String ca = env.get("RECTIFY_ES_CA_CERT").toString();
            assertThat(services.get(name).get("volumes").toString()).as("%s mounts the CA", name)
                    .contains(":" + ca.substring(0, ca.indexOf('/', 1)));
            assertThat(env).as("%s keeps the base settings", name).containsKey("RECTIFY_KAFKA_BOOTSTRAP");
        }
        assertThat(services.keySet()).as("the override names only services of the base file, or its own job")
                .containsAll(services(compose()).keySet()).hasSize(services(compose()).size() + 1);
    }

    private static Set<String> keysTheServicesRead() {
        ConfigSource source = new ConfigSource(Map.of(), Map.of());
        IngestConfig.from(source);
        ProcessorConfig.from(source);
        SinkConfig.from(source);
        ElasticsearchSettings.from(source);
        return source.askedEnvNames();
    }

    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(repoRoot().resolve("docker-compose.yml")));
    }

    /** docker-compose.yml with docker-compose.security.yml on top, merged as compose merges them (maps key by key). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withSecurity() throws IOException {
        Map<String, Object> override = new Yaml().load(Files.readString(repoRoot().resolve("docker-compose.security.yml")));
        return (Map<String, Object>) merge(compose(), override);
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object base, Object over) {
        if (base instanceof Map<?, ?> b && over instanceof Map<?, ?> o) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
            ((Map<String, Object>) o).forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v) : v));
            return out;
        }
        if (base instanceof List<?> b && over instanceof List<?> o) {
            List<Object> out = new java.util.ArrayList<>(b);
            out.addAll(o);
            return out;
        }
        return over;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> out = new LinkedHashMap<>();
        Object deps = service.get("depends_on");
        if (deps instanceof Map<?, ?> m) {
            ((Map<String, Map<String, String>>) m).forEach((k, v) -> out.put(k, v == null ? "service_started" : v.get("condition")));
        }
        return out;
    }

    private static Set<String> reachable(Map<String, Map<String, Object>> services, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new java.util.ArrayList<>(dependsOn(services.get(from)).keySet());
        while (!todo.isEmpty()) {
            String next = todo.remove(0);
            if (seen.add(next)) {
                todo.addAll(dependsOn(services.get(next)).keySet());
            }
        }
        return seen;
    }

    private static long megabytes(Map<String, Object> service) {
        String limit = String.valueOf(service.get("mem_limit"));
        Matcher m = Pattern.compile("(\\d+)([mg])").matcher(limit);
        assertThat(m.matches()).as("mem_limit %s", limit).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
    }

    private static long heapMb(Object options, String regex) {
        Matcher m = Pattern.compile(regex).matcher(String.valueOf(options));
        assertThat(m.find()).as("%s in %s", regex, options).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docker-compose.yml"))) {
            p = p.getParent();
        }
        assertThat(p).as("repository root with docker-compose.yml").isNotNull();
        return p;
    }
}
