package org.rectifywatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Elasticsearch as a supervised child: restarted when it dies, never left running when its parent dies. */
@Tag("integration")
class SupervisedElasticsearchIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledNodeIsRestartedOnTheSameDataAndServesTheSameIndices() throws Exception {
        try (LocalElasticsearch es = LocalElasticsearch.startTemporary()) {
            es.superviseRestarts();
            assertThat(send("PUT", es.url() + "/supervised-it", "{}")).isEqualTo(200);
            assertThat(send("PUT", es.url() + "/supervised-it/_doc/1?refresh=true", "{\"n\":1}")).isBetween(200, 201);
            long first = serverPid(es);

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            int status = -1;
            while (System.nanoTime() < deadline && status != 200) {
                Thread.sleep(1000);
                status = sendQuietly("GET", es.url() + "/supervised-it/_doc/1");
            }
            assertThat(status).as("the document is served again after the restart").isEqualTo(200);
            assertThat(serverPid(es)).as("a new node process").isNotEqualTo(first);
            assertThat(es.isRunning()).isTrue();
        }
    }

    @Test
    void killingTheParentJvmWithSigkillStopsElasticsearchWithinSeconds() throws Exception {
        Path dir = Files.createTempDirectory(ElasticsearchUser.runningAsRoot() ? Path.of("/var/tmp") : Path.of(System.getProperty("java.io.tmpdir")),
                "es-parent-it-");
        ElasticsearchDistribution.makeTraversable(dir);
        Path out = dir.resolve("parent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath(), ElasticsearchParent.class.getName(),
                dir.resolve("node").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        List<ProcessHandle> tree = List.of();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && !Files.readString(out).contains(ElasticsearchParent.READY)) {
                assertThat(parent.isAlive()).as("parent JVM alive; its log:\n%s", Files.readString(out)).isTrue();
                Thread.sleep(500);
            }
            assertThat(Files.readString(out)).contains(ElasticsearchParent.READY);
            long server = Long.parseLong(Files.readString(dir.resolve("node/es.pid")).trim());
            tree = parent.descendants().toList();
            assertThat(ProcessHandle.of(server)).isPresent();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
            parent.waitFor();

            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < gone && tree.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(200);
            }
            assertThat(tree.stream().filter(ProcessHandle::isAlive).map(h -> h.pid() + " " + h.info().command().orElse("")))
                    .as("processes left after the parent was killed").isEmpty();
        } finally {
            tree.forEach(ProcessHandle::destroyForcibly); // what a failed check left behind
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
            LocalKafka.deleteRecursively(dir);
        }
    }

    /** The node's own JVM (not the launcher), from its pid file. */
    private static long serverPid(LocalElasticsearch es) throws Exception {
        return Long.parseLong(Files.readString(es.pidFile()).trim());
    }

    private int send(String method, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int sendQuietly(String method, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).method(method,
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
