package org.rectifywatch.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.service.ProcessorItSupport.config;
import static org.rectifywatch.processor.service.ProcessorItSupport.pollUntil;
import static org.rectifywatch.processor.service.ProcessorItSupport.publish;
import static org.rectifywatch.processor.service.ProcessorItSupport.reader;
import static org.rectifywatch.processor.service.ProcessorItSupport.report;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;

/**
 * How long processing pauses when a processor stops and starts again, or another instance takes its partitions
 * over, on the real broker: from the moment the old instance is gone until a report published then is on
 * {@code reports.parsed} (read_committed). Each figure is printed with the machine's load; each must be at most
 * 10 s. On a machine loaded beyond its cores the same work takes longer whatever the group does, so the bound
 * stretches with the load average per core, up to 40 s: still below the 45 s that waiting for the default
 * session timeout (dynamic members that never leave, as before static membership) takes on its own.
 */
@Tag("integration")
class ProcessorRestartIT {
    private static final double MAX_PAUSE_SECONDS = 10;
    private static final double MAX_PAUSE_LOADED_SECONDS = 40;
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** 10 s, stretched by the load average per core when the machine is overloaded (at most 40 s). */
    static double maxPause() {
        double perCore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        return Math.min(MAX_PAUSE_LOADED_SECONDS, MAX_PAUSE_SECONDS * Math.max(1, perCore));
    }

    private static String load() {
        return String.format("load average %.1f on %d cores, bound %.0f s",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), maxPause());
    }

    @Test
    void aRestartedProcessorResumesWithinTenSecondsWhetherItLeftTheGroupOrNot() throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        Map<CloseOptions.GroupMembershipOperation, Double> pauses = new java.util.LinkedHashMap<>();
        Map<CloseOptions.GroupMembershipOperation, Double> bounds = new java.util.LinkedHashMap<>();
        for (CloseOptions.GroupMembershipOperation close : List.of(CloseOptions.GroupMembershipOperation.LEAVE_GROUP,
                CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)) {
            String run = ProcessorItSupport.run();
            ProcessorConfig config = config(kafka.bootstrap(), "it-restart-" + run, Map.of());
            try (KafkaConsumer<String, byte[]> parsed = reader(kafka.bootstrap(), Topics.REPORTS_PARSED)) {
                ProcessorService first = new ProcessorService(config);
                first.start();
                String warmUp = publish(kafka.bootstrap(), -1, "https://a.example.gov.cn/" + run + "/t0.html", report(run, 0, "已全部整改到位。"));
                awaitReports(parsed, Set.of(warmUp));
                first.close(close);

                long stopped = System.nanoTime();
                try (ProcessorService second = new ProcessorService(config)) {
                    second.start();
                    double started = (System.nanoTime() - stopped) / 1e9;
                    String after = publish(kafka.bootstrap(), -1, "https://a.example.gov.cn/" + run + "/t1.html", report(run, 1, "已全部整改到位。"));
                    awaitReports(parsed, Set.of(after));
                    double pause = (System.nanoTime() - stopped) / 1e9;
                    System.out.printf("processor restart after a clean close (%s): processing resumed in %.1f s (start() returned after %.1f s; %s)%n",
                            close, pause, started, load());
                    pauses.put(close, pause);
                    bounds.put(close, maxPause());
                }
            }
        }
        pauses.forEach((close, pause) -> assertThat(pause).as("pause after a restart (%s)", close).isLessThanOrEqualTo(bounds.get(close)));
    }

    @Test
    void anotherInstanceTakesOverWithinTenSecondsAfterAnInstanceStoppedWithoutLeaving() throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        String run = ProcessorItSupport.run();
        String app = "it-takeover-" + run;
        try (KafkaConsumer<String, byte[]> parsed = reader(kafka.bootstrap(), Topics.REPORTS_PARSED);
             ProcessorService stays = new ProcessorService(config(kafka.bootstrap(), app, Map.of()))) {
            ProcessorService leaves = new ProcessorService(config(kafka.bootstrap(), app, Map.of()));
            stays.start();
            leaves.start();
            awaitBothWorking(stays, leaves);
            String warmUp = publish(kafka.bootstrap(), -1, "https://b.example.gov.cn/" + run + "/t0.html", report(run, 0, "已全部整改到位。"));
            awaitReports(parsed, Set.of(warmUp));

            leaves.close(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP); // as a killed instance: the group is not told
            long stopped = System.nanoTime();
            StatePhases phases = StatePhases.watch(stays, stopped);
            Set<String> expected = new HashSet<>();
            for (int p = 0; p < 6; p++) {
                expected.add(publish(kafka.bootstrap(), p, "https://b.example.gov.cn/" + run + "/p" + p + ".html", report(run, p + 1, "已全部整改到位。")));
            }
            awaitReports(parsed, expected);
            double pause = (System.nanoTime() - stopped) / 1e9;
            phases.stop();
            System.out.printf("processor takeover by a second instance after one stopped without leaving the group: processing "
                    + "resumed on all partitions in %.1f s (%s; %s)%n", pause, phases, load());
            assertThat(pause).isLessThanOrEqualTo(maxPause());
        }
    }

    @Test
    void aProcessorKilledWithSigkillAndRestartedResumesWithinTenSeconds() throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        String run = ProcessorItSupport.run();
        ProcessorConfig config = config(kafka.bootstrap(), "it-kill-" + run, Map.of());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), ProcessorChild.class.getName(),
                kafka.bootstrap(), config.applicationId(), config.stateDir().toString()).redirectErrorStream(true).start();
        try (KafkaConsumer<String, byte[]> parsed = reader(kafka.bootstrap(), Topics.REPORTS_PARSED)) {
            awaitLine(child, "RUNNING");
            String warmUp = publish(kafka.bootstrap(), -1, "https://c.example.gov.cn/" + run + "/t0.html", report(run, 0, "已全部整改到位。"));
            awaitReports(parsed, Set.of(warmUp));
            child.destroyForcibly(); // SIGKILL: no close, no commit, no leave
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            long killed = System.nanoTime();
            try (ProcessorService restarted = new ProcessorService(config)) {
                restarted.start();
                double started = (System.nanoTime() - killed) / 1e9;
                String after = publish(kafka.bootstrap(), -1, "https://c.example.gov.cn/" + run + "/t1.html", report(run, 1, "已全部整改到位。"));
                awaitReports(parsed, Set.of(after));
                double pause = (System.nanoTime() - killed) / 1e9;
                System.out.printf("processor restart after kill -9: processing resumed in %.1f s (start() returned after %.1f s; %s)%n",
                        pause, started, load());
                assertThat(pause).isLessThanOrEqualTo(maxPause());
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** When the instance that stays noticed the rebalance and when it ran again, sampled every 20 ms: where a pause went. */
    private static final class StatePhases {
        private final Thread sampler;
        private volatile double rebalancing = Double.NaN;
        private volatile double running = Double.NaN;

        private StatePhases(ProcessorService service, long since) {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    KafkaStreams.State state = service.state();
                    double at = (System.nanoTime() - since) / 1e9;
                    if (state == KafkaStreams.State.REBALANCING && Double.isNaN(rebalancing)) {
                        rebalancing = at;
                    } else if (state == KafkaStreams.State.RUNNING && !Double.isNaN(rebalancing) && Double.isNaN(running)) {
                        running = at;
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "state-phases");
            sampler.setDaemon(true);
        }

        static StatePhases watch(ProcessorService service, long since) {
            StatePhases phases = new StatePhases(service, since);
            phases.sampler.start();
            return phases;
        }

        void stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }

        @Override
        public String toString() {
            return String.format("rebalance noticed after %.1f s, running again after %.1f s", rebalancing, running);
        }
    }

    private static void awaitReports(KafkaConsumer<String, byte[]> parsed, Set<String> reportIds) {
        Set<String> seen = new HashSet<>();
        pollUntil(parsed, WAIT, rs -> {
            rs.stream().map(ConsumerRecord::key).filter(reportIds::contains).forEach(seen::add);
            return seen.containsAll(reportIds);
        });
        assertThat(seen).as("reports on reports.parsed").containsAll(reportIds);
    }

    /** Both instances running with tasks of their own (the group has settled). */
    private static void awaitBothWorking(ProcessorService... services) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int stable = 0;
        while (System.nanoTime() < deadline && stable < 10) {
            boolean all = true;
            for (ProcessorService s : services) {
                all &= s.state() == KafkaStreams.State.RUNNING
                        && s.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() > 0;
            }
            stable = all ? stable + 1 : 0;
            Thread.sleep(200);
        }
        assertThat(stable).as("both instances running with tasks").isEqualTo(10);
    }

    private static void awaitLine(Process child, String line) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> tail = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String l;
        while (System.nanoTime() < deadline && (l = out.readLine()) != null) {
            if (l.equals(line)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the child's output flowing
                        }
                    } catch (java.io.IOException ignored) {
                        // the child is gone
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
            tail.add(l);
            if (tail.size() > 40) {
                tail.remove(0);
            }
        }
        throw new AssertionError("the child processor did not report " + line + ":\n" + String.join("\n", tail));
    }
}
