package org.rectifywatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.sink.config.SinkConfig;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml is kept correct by reading it: every variable it sets for our services is a key they read. */
class ComposeEnvironmentTest {
    private static final List<String> PIPELINE_SERVICES = List.of("ingest", "processor", "sink", "setup");

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariableSetForThePipelineServicesIsAKeyTheServicesRead() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(repoRoot().resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("kafka", "elasticsearch", "kibana", "ingest", "processor", "sink", "setup");

        ConfigSource source = new ConfigSource(Map.of(), Map.of());
        IngestConfig.from(source);
        ProcessorConfig.from(source);
        SinkConfig.from(source);
        ElasticsearchSettings.from(source);
        Set<String> read = source.askedEnvNames();

        Set<String> set = new TreeSet<>();
        for (String name : PIPELINE_SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            assertThat(service).as("service %s", name).isNotNull();
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(env).as("environment of %s", name).isNotEmpty();
            set.addAll(env.keySet());
        }
        assertThat(set).isNotEmpty().allSatisfy(var -> assertThat(read).as("keys the services read").contains(var));
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartInOrderBehindHealthChecks() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(repoRoot().resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String infra : List.of("kafka", "elasticsearch", "kibana")) {
            assertThat(services.get(infra)).as(infra).containsKey("healthcheck");
        }
        Map<String, Map<String, String>> sinkDeps = (Map<String, Map<String, String>>) services.get("sink").get("depends_on");
        assertThat(sinkDeps.get("setup")).containsEntry("condition", "service_completed_successfully");
        assertThat(sinkDeps.get("elasticsearch")).containsEntry("condition", "service_healthy");
        Map<String, Map<String, String>> setupDeps = (Map<String, Map<String, String>>) services.get("setup").get("depends_on");
        assertThat(setupDeps.get("kibana")).containsEntry("condition", "service_healthy");
        assertThat(services.get("setup").get("command").toString()).contains("setup", "--kibana");
        assertThat(services.get("elasticsearch").get("image").toString()).endsWith(":9.2.8");
        assertThat(services.get("kibana").get("image").toString()).endsWith(":9.2.8");
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
