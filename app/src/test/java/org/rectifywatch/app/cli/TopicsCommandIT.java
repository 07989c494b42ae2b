package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.Topics;

/** {@code pipeline topics} on a real broker of its own: creates every topic, then notices one changed behind its back. */
@Tag("integration")
class TopicsCommandIT {

    @Test
    void createsEveryTopicAndReportsOneThatIsNoLongerCompacted() throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary(); Admin admin = kafka.admin()) {
            CliRun first = CliRun.of("topics", "--bootstrap", kafka.bootstrap());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains(Topics.ALL.size() + " topics present");
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(Topics.Spec::name).toList());

            ConfigResource crawlState = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CRAWL_STATE);
            admin.incrementalAlterConfigs(Map.of(crawlState, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            // the broker applies the change from the metadata log a moment later
            long deadline = System.currentTimeMillis() + 30_000;
            while (!"delete".equals(admin.describeConfigs(List.of(crawlState)).all().get(30, TimeUnit.SECONDS)
                    .get(crawlState).get("cleanup.policy").value()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }

            CliRun second = CliRun.of("topics", "--bootstrap", kafka.bootstrap());
            assertThat(second.exitCode()).isEqualTo(TopicsCommand.DIFFERS);
            assertThat(second.err()).contains("topic crawl.state has cleanup.policy=delete, the pipeline expects compact");
        }
    }
}
