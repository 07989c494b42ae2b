package org.rectifywatch.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's topics that do not exist yet (idempotent; every service calls it at start). */
public final class TopicInstaller {
    private TopicInstaller() {
    }

    public static void ensure(Properties clientProperties) {
        try (Admin admin = Admin.create(clientProperties)) {
            ensure(admin, Topics.ALL);
        }
    }

    public static void ensure(Admin admin, Collection<Topics.Spec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.Spec s : specs) {
                if (!existing.contains(s.name())) {
                    missing.add(new NewTopic(s.name(), s.partitions(), (short) -1).configs(s.config()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("creating the pipeline topics failed (" + e.getCause()
                        + "): check that the Kafka cluster is reachable and that this client may create topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 60 s while creating the pipeline topics: check kafka.bootstrap", e);
        }
    }
}
