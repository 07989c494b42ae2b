package org.rectifywatch.app.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.rectifywatch.model.TopicInstaller;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline topics}: creates the topics that are missing ({@link TopicInstaller}, {@link Topics#ALL}) and checks
 * the ones that exist against what the pipeline expects: partitions, cleanup policy and record size limit. A topic
 * created by hand or by an older build with other partitions breaks the processor's co-partitioned joins; one that
 * is not compacted loses the latest state of its keys. Differences are reported with the command that fixes them
 * and end with exit code 3, so the deployment's init step stops the services that would run on them.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Creates the pipeline's Kafka topics that are missing and checks the existing ones (partitions, "
                + "cleanup.policy, max.message.bytes); exit code 3 when a topic differs. Idempotent.")
public final class TopicsCommand implements Callable<Integer> {
    /** Exit code when an existing topic differs from what the pipeline expects. */
    public static final int DIFFERS = 3;
    private static final long TIMEOUT_S = 60;

    @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
    String bootstrap;

    @Mixin
    ConfigOptions config;

    /** A topic as the cluster has it: partitions and the configuration values this check compares. */
    public record Actual(int partitions, Map<String, String> config) {
    }

    @Override
    public Integer call() throws Exception {
        KafkaSettings kafka = KafkaSettings.from(config.source("kafka.bootstrap", bootstrap));
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            TopicInstaller.ensure(admin, Topics.ALL);
            List<String> differences = differences(Topics.ALL, describe(admin, Topics.ALL));
            if (differences.isEmpty()) {
                System.out.println(Topics.ALL.size() + " topics present as the pipeline expects them at " + kafka.bootstrap());
                return 0;
            }
            differences.forEach(System.err::println);
            System.err.println(differences.size() + " difference(s) between the topics at " + kafka.bootstrap()
                    + " and what the pipeline expects; fix them (commands above) and run pipeline topics again");
            return DIFFERS;
        }
    }

    /** One sentence per difference, naming the topic, the value found, the value expected and the fix. Pure. */
    public static List<String> differences(Collection<Topics.Spec> expected, Map<String, Actual> actual) {
        List<String> out = new ArrayList<>();
        for (Topics.Spec spec : expected) {
            Actual found = actual.get(spec.name());
            if (found == null) {
                out.add("topic " + spec.name() + " is missing although it was just created: check the ACLs of this client");
                continue;
            }
            if (found.partitions() != spec.partitions()) {
                out.add("topic " + spec.name() + " has " + found.partitions() + " partitions, the pipeline expects "
                        + spec.partitions() + (found.partitions() < spec.partitions()
                        ? ": kafka-topics.sh --alter --topic " + spec.name() + " --partitions " + spec.partitions()
                        : ": partitions cannot be removed; recreate the topic (its data is lost) or restore it from a backup"));
            }
            String policy = spec.config().getOrDefault("cleanup.policy", "delete");
            String foundPolicy = found.config().getOrDefault("cleanup.policy", "delete");
            if (!policy.equals(foundPolicy)) {
                out.add("topic " + spec.name() + " has cleanup.policy=" + foundPolicy + ", the pipeline expects " + policy
                        + ": " + alter(spec.name(), "cleanup.policy", policy));
            }
            String maxBytes = spec.config().get("max.message.bytes");
            if (maxBytes != null) {
                String foundMax = found.config().get("max.message.bytes");
                if (foundMax == null || Long.parseLong(foundMax) < Long.parseLong(maxBytes)) {
                    out.add("topic " + spec.name() + " has max.message.bytes=" + foundMax + ", the pipeline needs at least "
                            + maxBytes + ": " + alter(spec.name(), "max.message.bytes", maxBytes));
                }
            }
        }
        return out;
    }

    private static String alter(String topic, String key, String value) {
        return "kafka-configs.sh --alter --entity-type topics --entity-name " + topic + " --add-config " + key + "=" + value;
    }

    /**
     * Describes the topics, retrying while the broker answers with a retriable error: topics just created are known to
     * the controller before every broker's metadata cache has them ({@code UnknownTopicOrPartitionException}).
     */
    private static Map<String, Actual> describe(Admin admin, Collection<Topics.Spec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            try {
                return describeOnce(admin, specs);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Map<String, Actual> describeOnce(Admin admin, Collection<Topics.Spec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> names = specs.stream().map(Topics.Spec::name).toList();
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<String, Actual> out = new HashMap<>();
        for (Map.Entry<String, TopicDescription> e : topics.entrySet()) {
            Map<String, String> values = new HashMap<>();
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, e.getKey()));
            if (c != null) {
                for (String key : List.of("cleanup.policy", "max.message.bytes")) {
                    ConfigEntry entry = c.get(key);
                    if (entry != null && entry.value() != null) {
                        values.put(key, entry.value());
                    }
                }
            }
            out.put(e.getKey(), new Actual(e.getValue().partitions().size(), values));
        }
        return out;
    }
}
