package org.rectifywatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dockerfile and .dockerignore read as text (no container engine here): layers, image jar, health check. */
class DockerImageTest {

    private static List<String> dockerfile() throws IOException {
        return Files.readAllLines(ComposeEnvironmentTest.repoRoot().resolve("Dockerfile")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static int first(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + start + " in the Dockerfile");
    }

    @Test
    void dependenciesAreResolvedFromThePomsBeforeTheSourcesAreCopied() throws IOException {
        List<String> lines = dockerfile();
        int offline = first(lines, "RUN mvn -q -B -Pimage dependency:go-offline");
        int sources = first(lines, "COPY model model");
        assertThat(offline).isLessThan(sources);
        for (String module : List.of("model", "localstack", "samples", "processor", "ingest", "sink", "app")) {
            assertThat(first(lines, "COPY " + module + "/pom.xml")).as(module).isLessThan(offline);
        }
    }

    @Test
    void theImageRunsTheJarWithoutTheLocalStackAndChecksItsHealth() throws IOException {
        List<String> lines = dockerfile();
        assertThat(lines.get(first(lines, "RUN mvn -q -B -Pimage -DskipTests package"))).contains("-Pimage");
        assertThat(lines.get(first(lines, "COPY --from=build"))).contains("/src/app/target/pipeline-image.jar");
        String all = String.join("\n", lines);
        assertThat(all).contains("RECTIFY_HEALTH_PORT=8080").contains("JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=")
                .contains("-XX:+UseTransparentHugePages");
        assertThat(all).contains("apt-get install -y --no-install-recommends curl");
        int healthcheck = first(lines, "HEALTHCHECK");
        assertThat(lines.get(healthcheck) + lines.get(healthcheck + 1)).contains("curl -fsS").contains("/health/ready");
        assertThat(lines.get(first(lines, "USER"))).isEqualTo("USER rectify");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndHistory() throws IOException {
        List<String> ignored = Files.readAllLines(ComposeEnvironmentTest.repoRoot().resolve(".dockerignore"));
        assertThat(ignored).contains("**/target/", ".git/", ".env");
    }
}
