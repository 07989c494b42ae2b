package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.sink.write.Misconfigured;

/** Operations faults on the local Kafka and Elasticsearch: configuration faults, lost dead letters, revocations, partitions. */
@Tag("integration")
class SinkOperationsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private SinkFixture fx;
    private Admin admin;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap);
        admin = Admin.create(p);
    }

    @AfterEach
    void tearDown() throws Exception {
        admin.close();
        fx.close();
    }

    private long committed(String group, String topic, int partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata o = m.get(new TopicPartition(topic, partition));
        return o == null ? -1 : o.offset();
    }

    private String topic(String name, int partitions, Map<String, String> configs) throws Exception {
        String t = "t" + fx.id + "." + name;
        admin.createTopics(List.of(new NewTopic(t, partitions, (short) 1).configs(configs))).all().get();
        SinkFixture.await("a leader for " + t, WAIT, () -> {
            try {
                return admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions().stream().allMatch(pi -> pi.leader() != null);
            } catch (Exception e) {
                return false;
            }
        });
        return t;
    }

    @Test
    void aMissingAliasStopsTheSinkWithTheFixAndCommitsNothingForTheRecordItCouldNotWrite() throws Exception {
        String group = "g-" + fx.id;
        fx.send(fx.issues, "ok", SinkFixture.issue("ok", 1, "2021-02-05"));
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config(group, Map.of())).start()) {
            SinkFixture.await("first record", WAIT, () -> sink.counters().acknowledged() == 1);
            fx.request("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + fx.prefix + "-issues-v1\",\"alias\":\""
                    + fx.prefix + "-issues\"}}]}");
            fx.send(fx.issues, "orphan", SinkFixture.issue("orphan", 1, "2021-02-05"));
            SinkFixture.await("the sink stops", WAIT, () -> !sink.isRunning());
            assertThat(sink.failure()).isInstanceOf(Misconfigured.class)
                    .hasMessageContaining("the index alias " + fx.prefix + "-issues does not exist")
                    .hasMessageContaining("run `pipeline setup`");
            assertThat(sink.counters().dlq()).as("a configuration fault is no record's fault").isZero();
        }
        long total = 0;
        for (int p = 0; p < 3; p++) {
            total += Math.max(0, committed(group, fx.issues, p));
        }
        assertThat(total).as("only the first record's offset is committed").isEqualTo(1);
        assertThat(fx.source(fx.prefix + "-issues-v1", "orphan")).isNull();
    }

    @Test
    void aDeadLetterLargerThanTheDeadLetterTopicAllowsIsCountedAndTheSinkGoesOn() throws Exception {
        String smallDlq = topic("small-dlq", 1, Map.of("max.message.bytes", "4096"));
        String group = "g-" + fx.id;
        // both refused by the mapping (the date is not a date); the first one is too large for the dead-letter topic
        fx.send(fx.issues, "huge-bad", issueWithProblem("huge-bad", "问题".repeat(4000), "二〇二一年二月"));
        fx.send(fx.issues, "small-bad", SinkFixture.issue("small-bad", 1, "二〇二一年二月"));
        for (int i = 0; i < 10; i++) {
            fx.send(fx.issues, "ok" + i, SinkFixture.issue("ok" + i, 1, "2021-02-05"));
        }
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config(group, Map.of("sink.topic.dlq", smallDlq))).start()) {
            SinkFixture.await("all 12 records", WAIT, () -> sink.counters().acknowledged() == 12);
            assertThat(sink.counters().indexed()).isEqualTo(10);
            assertThat(sink.counters().dlq()).isEqualTo(1);
            assertThat(sink.counters().deadLettersLost.get()).isEqualTo(1);
            assertThat(sink.isRunning()).isTrue();
        }
        var dead = fx.readAll(smallDlq, 1, Duration.ofSeconds(20));
        assertThat(dead).extracting(r -> new String(r.key())).containsExactly("small-bad");
        long total = 0;
        for (int p = 0; p < 3; p++) {
            total += Math.max(0, committed(group, fx.issues, p));
        }
        assertThat(total).as("every offset committed: nothing wedges on the dead letter that cannot be written").isEqualTo(12);
    }

    private static IssueRecord issueWithProblem(String id, String problem, String feedbackDate) {
        IssueRecord i = SinkFixture.issue(id, 1, feedbackDate);
        return new IssueRecord(i.issueId(), i.reportId(), i.reportVersion(), i.seq(), i.label(), i.path(), problem,
                i.rectification(), i.line(), i.topic(), i.topic2(), i.pillar(), i.topicConfidence(), i.topicTerms(), i.keywords(),
                i.problemTokens(), i.rectificationTokens(), i.status(), i.statusEvidence(),
                i.commitments(), i.classifierVersion(), i.target(), i.provinceHint(),
                i.inspector(), i.inspectionKind(), i.reportKind(), i.inspectionStart(), i.inspectionEnd(), i.feedbackDate(),
                i.publishedDate(), i.reportUrl(), i.reportTitle(), i.site(), i.processedAt());
    }

    @Test
    void aTopicWithMorePartitionsThanTheIndexWasBuiltFromIsRefusedAtStart() throws Exception {
        fx.send(fx.issues, "i1", SinkFixture.issue("i1", 1, "2021-02-05"));
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start()) {
            SinkFixture.await("first record", WAIT, () -> sink.counters().acknowledged() == 1);
        }
        admin.createPartitions(Map.of(fx.issues, NewPartitions.increaseTo(4))).all().get();
        assertThatThrownBy(() -> new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start())
                .isInstanceOf(Misconfigured.class)
                .hasMessageContaining("topic " + fx.issues + " has 4 partitions but index " + fx.prefix + "-issues-v1 was built from its 3")
                .hasMessageContaining("'Adding partitions' in sink/README.md");
        // the other topics are untouched and a restart without the change would start
        assertThat(fx.request("GET", "/" + fx.prefix + "-reports/_mapping", null).elements().next()
                .path("mappings").path("_meta").path("rectify_source_partitions").path(fx.reports).asInt()).isEqualTo(3);
    }

    /**
     * A batch stuck on Elasticsearch (429: the flood-stage block) while its partition is revoked must not commit
     * its offsets when it finally succeeds: meanwhile another member committed further, and the partition came
     * back. Without the fix the committed offset moves back from 30 to 20.
     */
    @Test
    void aBatchStillInFlightAfterARevocationNeverMovesTheCommittedOffsetBackwards() throws Exception {
        String one = topic("one", 1, Map.of());
        String group = "g-" + fx.id;
        Map<String, String> oldMember = new HashMap<>(Map.of("sink.topic.issues", one, "sink.instance.id", "b-old",
                "sink.revocation.timeout", "1s", "sink.backoff.max", "500ms"));
        String otherPrefix = fx.prefix + "-other";
        Map<String, String> newMember = Map.of("sink.topic.issues", one, "sink.instance.id", "a-new", "sink.index.prefix", otherPrefix);
        for (int i = 0; i < 10; i++) {
            fx.send(one, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
        }
        try (ElasticsearchSink a = new ElasticsearchSink(fx.config(group, oldMember)).start()) {
            SinkFixture.await("first 10 acknowledged and committed", WAIT, () -> a.counters().acknowledged() == 10 && committedQuietly(group, one) == 10);
            // the disk monitor releases this block by itself when the disk is not full; with it off the block holds
            fx.request("PUT", "/_cluster/settings", "{\"persistent\":{\"cluster.routing.allocation.disk.threshold_enabled\":false}}");
            fx.request("PUT", "/" + fx.prefix + "-issues/_settings", "{\"index.blocks.read_only_allow_delete\":true}");
            try {
                for (int i = 10; i < 20; i++) {
                    fx.send(one, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
                }
                SinkFixture.await("the old member retrying its batch", WAIT, () -> a.counters().retries.get() > 0);
                try (ElasticsearchSink b = new ElasticsearchSink(fx.config(group, newMember)).start()) {
                    // "a-new" sorts first, so the range assignor gives it the only partition
                    SinkFixture.await("the new member writes what the old one could not", WAIT, () -> b.counters().acknowledged() == 10);
                    for (int i = 20; i < 30; i++) {
                        fx.send(one, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
                    }
                    SinkFixture.await("the new member committed 30", WAIT, () -> committedQuietly(group, one) == 30);
                }
                // the new member left: the partition is the old member's again, its batch still stuck
                SinkFixture.await("the partition back with the old member", WAIT, () -> assignedTo(group, "b-old", one));
                assertThat(a.counters().acknowledged()).isEqualTo(10);
            } finally {
                fx.request("PUT", "/" + fx.prefix + "-issues/_settings", "{\"index.blocks.read_only_allow_delete\":null}");
                fx.request("PUT", "/_cluster/settings", "{\"persistent\":{\"cluster.routing.allocation.disk.threshold_enabled\":null}}");
            }
            // the batches stuck at the revocation finish (records not yet in a batch then were dropped for the new owner)
            SinkFixture.await("a stuck batch done", WAIT, () -> a.counters().acknowledged() > 10);
            Thread.sleep(3000); // the other stuck batches finish and an asynchronous commit of theirs would have landed
            assertThat(committed(group, one, 0)).as("committed offset after the stale batch finished").isEqualTo(30);
            assertThat(a.failure()).isNull();
        }
        assertThat(committed(group, one, 0)).isEqualTo(30);
    }

    private long committedQuietly(String group, String topic) {
        try {
            return committed(group, topic, 0);
        } catch (Exception e) {
            return -1;
        }
    }

    private boolean assignedTo(String group, String instanceId, String topic) {
        try {
            var d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return d.groupState() == org.apache.kafka.common.GroupState.STABLE && d.members().size() == 1
                    && d.members().iterator().next().groupInstanceId().orElse("").equals(instanceId)
                    && d.members().iterator().next().assignment().topicPartitions().contains(new TopicPartition(topic, 0));
        } catch (Exception e) {
            return false;
        }
    }
}
