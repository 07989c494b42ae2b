package org.rectifywatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure to start ends with one sentence that names the cause and the fix. */
class StartupFailuresTest {

    @Test
    void aTakenPortNamesThePortAndTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka broker"))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Kafka broker port " + taken.getLocalPort())
                    .hasMessageContaining("already taken")
                    .hasMessageContaining("choose another port");
        }
    }

    @Test
    void noJdk21SaysSoAndHowToUseAnExistingCluster(@TempDir Path jvms) throws Exception {
        Path old = jvms.resolve("jdk-17");
        Files.createDirectories(old.resolve("bin"));
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Files.writeString(old.resolve("bin/java"), "");
        old.resolve("bin/java").toFile().setExecutable(true);
        assertThatThrownBy(() -> JavaRuntimeFinder.find(Map.of("JAVA_HOME", old.toString()), jvms))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("needs a JDK 21+")
                .hasMessageContaining("JAVA_HOME=" + old + " (Java 17)")
                .hasMessageContaining("ES_JAVA_HOME")
                .hasMessageContaining("RECTIFY_ES_URL");
    }

    @Test
    void aJdk21IsFoundUnderTheJvmDirectory(@TempDir Path jvms) throws Exception {
        for (String v : new String[] {"17.0.2", "21.0.5", "25"}) {
            Path home = jvms.resolve("jdk-" + v);
            Files.createDirectories(home.resolve("bin"));
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + v + "\"\n");
            Files.writeString(home.resolve("bin/java"), "");
            home.resolve("bin/java").toFile().setExecutable(true);
        }
        assertThat(JavaRuntimeFinder.find(Map.of(), jvms)).isEqualTo(jvms.resolve("jdk-25"));
    }

    @Test
    void aMissingDistributionNamesTheBuildStepThatFetchesIt(@TempDir Path dir) {
        Path missing = dir.resolve("elasticsearch-9.2.8.zip");
        assertThatThrownBy(() -> ElasticsearchDistribution.home(missing.toString(), dir.resolve("cache")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("was not found at " + missing)
                .hasMessageContaining("mvn -B -DskipTests package")
                .hasMessageContaining("RECTIFY_ES_URL");
    }

    @Test
    void aUserThatCannotBeCreatedSaysWhatToDo() {
        Assumptions.assumeTrue(ElasticsearchUser.runningAsRoot(), "only root creates users");
        assertThatThrownBy(() -> ElasticsearchUser.ensureExists("no such user!"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("could not be created")
                .hasMessageContaining("RECTIFY_ES_USER");
    }

    @Test
    void anUnreachableDataDirIsRefusedBeforeElasticsearchStarts(@TempDir Path dir) throws Exception {
        Path closed = dir.resolve("closed");
        Files.createDirectories(closed.resolve("inner"));
        Files.setPosixFilePermissions(closed, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> ElasticsearchUser.requireReachable(closed.resolve("inner/es"), "rectify-es"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("not traversable")
                .hasMessageContaining("chmod o+x");
    }
}
