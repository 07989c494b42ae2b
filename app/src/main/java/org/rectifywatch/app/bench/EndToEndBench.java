package org.rectifywatch.app.bench;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.app.demo.SearchClient;
import org.rectifywatch.localstack.LocalStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.processor.topology.ProcessorTopology;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.bench.SinkBenchmark;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * {@code bench e2e}: a backfill of N report records on {@code reports.raw} (the sample and corpus texts, each
 * published under many mirror URLs, as reports are mirrored across sites), from the first published to a pipeline
 * warmed up and idle until every issue document is searchable, against the {@link Ceiling} its parts allow on the
 * same cores, each part's CPU measured alone in the
 * same run (the analysis on one thread before and again after the backfill, raw concurrent {@code _bulk} of the same
 * issue documents, the broker moving each record once); then a steady load at a fixed rate with publish → searchable
 * latency per report. Beside each part it prints what the same part cost inside the backfill, the analysis's own CPU
 * on the stream threads, and what the broker wrote per report by kind of topic.
 */
public final class EndToEndBench {
    private static final double STEADY_RATE = 10.0;
    private static final int PROCESSOR_THREADS = 2;
    private static final Duration STEADY_FOR = Duration.ofSeconds(30);
    /** How long a window of the processor's solo run lasts, about, at most how many, and each background measurement. */
    private static final Duration SOLO_WINDOW = Duration.ofSeconds(3);
    private static final int SOLO_WINDOWS = 15;
    private static final int SOLO_POOL_ROUNDS = 20;
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(2);
    private static final String SCRATCH_TOPIC = "bench.e2e.issues-scratch";
    private static final String RAW_SCRATCH_TOPIC = "bench.e2e.raw-scratch";
    private static final String WARM_SCRATCH_TOPIC = "bench.e2e.issues-warm";
    private static final String RAW_WARM_TOPIC = "bench.e2e.raw-warm";
    /**
     * Reports the pipeline handles before the measured backfill starts: a long backfill runs on JIT-compiled code in
     * every part (Kafka clients, Streams, broker, sink), as the solo analysis it is compared with does. C2 still
     * compiles Kafka, Streams and broker methods of 50–100 KB (up to half a core) after 5,000 reports, and after
     * 10,000 its threads still took 11–18 % of the process's CPU; Elasticsearch's C2, warmed on issue documents
     * alone, still took 10 % of its CPU after 20,000 (the pipeline's mix of three indices and versioned writes). So the
     * warm-up goes on until the compiler threads of both settle, within these bounds (the upper one four times the
     * measured reports, for short runs).
     */
    private static final int WARMUP_MIN = 5000;
    private static final int WARMUP_MAX = 40000;
    private static final int WARMUP_ROUND = 5000;
    /**
     * How long ago the backfill's (and the warm-up's) reports were crawled, as their Kafka timestamps say: a backfill is
     * a backlog that waited. Stamped now, its first records would count as fresh (the processor committing them every
     * 100 ms, the sink refreshing after a quarter of their age: 45 refreshes in a 38 s backfill instead of a few).
     */
    private static final Duration BACKLOG_AGE = Duration.ofMinutes(10);
    /** Settled: over the last warm-up round the compiler threads used at most this share of their process's CPU. */
    private static final double JIT_SETTLED_SHARE = 0.05;
    /** The longest wait for Elasticsearch's merges of a backfill before the next part is measured. */
    private static final Duration MERGES_MAX = Duration.ofMinutes(3);

    private EndToEndBench() {
    }

    public static void run(List<BenchTexts.Text> texts, int reports, PrintStream out) throws Exception {
        ReportAnalyzer analyzer = ReportAnalyzer.standard();
        WireRecords wire = new WireRecords(ChineseTokenizer.shared());
        Map<String, Integer> issuesPerText = new LinkedHashMap<>();
        Map<String, String> targetPerText = new HashMap<>();
        Map<String, List<IssueRecord>> recordsPerText = new HashMap<>();
        for (BenchTexts.Text t : texts) {
            RawReport raw = raw("bench:" + t.name(), t.text());
            ParsedReport p = analyzer.analyze(raw);
            if (p.warnings().stream().anyMatch(w -> w.code().rejects())) {
                continue;
            }
            issuesPerText.put(t.name(), p.issueCount());
            targetPerText.put(t.name(), p.meta().target());
            List<String> ids = org.rectifywatch.processor.report.IssueIdentity.assign("rb", List.of(), p.issues()).ids();
            List<IssueRecord> recs = new ArrayList<>();
            for (int i = 0; i < p.issues().size(); i++) {
                recs.add(wire.issue(ids.get(i), "rb", 1, raw, p, p.issues().get(i), Instant.now()));
            }
            recordsPerText.put(t.name(), recs);
        }
        List<BenchTexts.Text> usable = texts.stream().filter(t -> issuesPerText.containsKey(t.name())).toList();
        long expectedIssues = 0;
        for (int i = 0; i < reports; i++) {
            expectedIssues += issuesPerText.get(usable.get(i % usable.size()).name());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int warmup = Math.min(WARMUP_MAX, 4 * reports);
        int warmupMin = Math.min(WARMUP_MIN, reports / 2);
        int warmupRound = Math.max(usable.size(), Math.min(WARMUP_ROUND, reports / 2));
        out.printf("bench e2e: %d reports (variants of %d texts, each under another unit's name) → about %d issue documents; %d cores;"
                        + " the pipeline first handles %d to %d other reports to warm up, in rounds of %d each handled to its last"
                        + " searchable document, until the compiler threads use at most %.0f%% of this process's CPU and of"
                        + " Elasticsearch's in a round (not counted); the backfill is measured from its first report published%n",
                reports, usable.size(), expectedIssues, cores, warmupMin, warmup, warmupRound, 100 * JIT_SETTLED_SHARE);

        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            String bootstrap = stack.kafka().bootstrap();
            String esUrl = stack.elasticsearch().url();
            Supplier<Duration> esCpu = stack.elasticsearch()::cpuTime;
            // created now, well before it is written: a topic just created refuses pipelined idempotent batches for a while
            stack.kafka().createTopics(List.of(new Topics.Spec(SCRATCH_TOPIC, 3, Map.of()),
                    new Topics.Spec(RAW_SCRATCH_TOPIC, Topics.UNIT_PARTITIONS, Map.of()),
                    new Topics.Spec(WARM_SCRATCH_TOPIC, 3, Map.of()), new Topics.Spec(RAW_WARM_TOPIC, Topics.UNIT_PARTITIONS, Map.of())));
            // the broker warmed up first, unmeasured, as the pipeline's broker is: the first writes after its start pay for
            // its JIT compilation and for the first touch of its memory (with huge pages, 2 MiB at a time)
            publishVariants(bootstrap, RAW_WARM_TOPIC, usable, targetPerText, reports, "warmsite", 0);
            PartCosts.readAll(bootstrap, RAW_WARM_TOPIC, reports);
            // B's reports: the measured reports themselves, written to a topic of their own (the backfill writes them to
            // reports.raw once the pipeline is warm)
            PartCosts.Window publishRaw = new PartCosts.Window(esCpu).start();
            publishVariants(bootstrap, RAW_SCRATCH_TOPIC, usable, targetPerText, reports, "site", 0);
            publishRaw.stop();
            // both sides measured warm, as a long backfill runs: JIT-compiled analysis code and a warmed-up Elasticsearch
            out.println("warming up the analysis code and Elasticsearch (not counted) …");
            for (int round = 0; round < 10; round++) {
                for (BenchTexts.Text t : usable) {
                    PartCosts.analyse(analyzer, wire, raw("bench:warm:" + t.name(), variant(t.text(), targetPerText.get(t.name()), 7_000 + round)));
                }
            }
            try (Rest5Client es = RestClients.build(ElasticsearchSettings.local(esUrl))) {
                SinkBenchmark.rawBulkRate(es, bulkDocs(recordsPerText, usable, Math.min(20_000, expectedIssues)), "benchwarm");
            }

            // B: the broker moving each report and each of its issue documents once, in and out
            PartCosts.Window readRaw = new PartCosts.Window(esCpu).start();
            PartCosts.readAll(bootstrap, RAW_SCRATCH_TOPIC, reports);
            readRaw.stop();
            List<IssueRecord> issueDocs = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                issueDocs.addAll(recordsPerText.get(usable.get(i % usable.size()).name()));
            }
            PartCosts.publishIssues(bootstrap, WARM_SCRATCH_TOPIC, issueDocs);
            PartCosts.readAll(bootstrap, WARM_SCRATCH_TOPIC, issueDocs.size());
            PartCosts.Window publishIssues = new PartCosts.Window(esCpu).start();
            PartCosts.publishIssues(bootstrap, SCRATCH_TOPIC, issueDocs);
            publishIssues.stop();
            PartCosts.Window readIssues = new PartCosts.Window(esCpu).start();
            PartCosts.readAll(bootstrap, SCRATCH_TOPIC, issueDocs.size());
            readIssues.stop();
            // one background for every part, taken while nothing runs but the idle broker and Elasticsearch: after the
            // backfill the background is not at rest (merges, JIT compilation), and subtracting it there would hide work
            PartCosts.Background idle = PartCosts.background(esCpu, IDLE_WINDOW);
            out.printf(Locale.ROOT, "background with nothing to do: %s%n", idle.describe());
            double brokerCpu = 0;
            for (PartCosts.Window w : List.of(publishRaw, publishIssues, readIssues)) {
                brokerCpu += w.netBroker(idle);
            }
            brokerCpu += readRaw.netBroker(idle);
            out.printf(Locale.ROOT, "broker alone, warm (the same volumes written and read once before, not counted): %d reports written %.2f s CPU, read back %.2f s; their %d issue documents written %.2f s,"
                            + " read back %.2f s (net of background)%n", reports, publishRaw.netBroker(idle), readRaw.netBroker(idle),
                    issueDocs.size(), publishIssues.netBroker(idle), readIssues.netBroker(idle));
            issueDocs = null;

            // P: the analysis alone, on this thread, over the backfill's first rounds of texts
            List<RawReport> soloPool = new ArrayList<>();
            for (int k = 0; k < SOLO_POOL_ROUNDS * usable.size(); k++) {
                BenchTexts.Text t = usable.get(k % usable.size());
                soloPool.add(raw("https://solo.bench.test/" + k + "/" + t.name() + ".html",
                        variant(t.text(), targetPerText.get(t.name()), k / usable.size())));
            }
            PartCosts.Solo solo = PartCosts.solo(analyzer, wire, soloPool, usable.size(), SOLO_WINDOW, esCpu, idle, SOLO_WINDOWS);
            printSolo(out, "processor alone", solo, idle);

            out.printf("starting processor and sink, then warming them up on rounds of %d reports published to %s …%n", warmupRound,
                    Topics.REPORTS_RAW);
            ConfigSource config = ConfigSource.of(Map.of("kafka.bootstrap", bootstrap, "es.url", esUrl))
                    .with("processor.state.dir", Files.createTempDirectory("bench-e2e-").toString())
                    .with("processor.application.id", "bench-e2e")
                    .with("processor.threads", String.valueOf(PROCESSOR_THREADS))
                    .with("sink.group.id", "bench-e2e-sink");
            Backfill backfill;
            try (ProcessorService processor = new ProcessorService(ProcessorConfig.from(config));
                 ElasticsearchSink sink = new ElasticsearchSink(SinkConfig.from(config));
                 Rest5Client esAdmin = RestClients.build(ElasticsearchSettings.local(esUrl));
                 SearchClient search = new SearchClient(ElasticsearchSettings.local(esUrl))) {
                long start = System.nanoTime();
                processor.start();
                sink.start();
                // warm-up: rounds each published and handled to its last searchable document, so that the measured
                // backfill starts with every stream thread idle (left-over warm-up reports on one thread's partitions
                // would end it with that thread alone at work)
                CpuUse.Snapshot jitFrom = CpuUse.take(esCpu);
                long esJitFrom = CpuUse.compilerNanos(stack.elasticsearch().pids());
                long warmedUp = 0;
                int firstVariant = 50_000;
                for (int round = 0; ; round++) {
                    int count = (int) Math.min(warmupRound, warmup - warmedUp);
                    publishVariants(bootstrap, Topics.REPORTS_RAW, usable, targetPerText, count, "warmup" + round + "-", firstVariant);
                    firstVariant += count / usable.size() + 1;
                    warmedUp += count;
                    awaitHandled(processor, search, warmedUp, "the warm-up");
                    CpuUse.Snapshot now = CpuUse.take(esCpu);
                    double jitShare = CpuUse.jvmSeconds(jitFrom, now).get(CpuUse.JIT) * 1e9
                            / Math.max(1, now.processNanos() - jitFrom.processNanos());
                    long esJitNow = CpuUse.compilerNanos(stack.elasticsearch().pids());
                    double esJitShare = (double) (esJitNow - esJitFrom) / Math.max(1,
                            now.nanos().get(CpuUse.ELASTICSEARCH) - jitFrom.nanos().get(CpuUse.ELASTICSEARCH));
                    jitFrom = now;
                    esJitFrom = esJitNow;
                    boolean done = warmedUp >= warmup || warmedUp >= warmupMin && jitShare <= JIT_SETTLED_SHARE && esJitShare <= JIT_SETTLED_SHARE;
                    out.printf(Locale.ROOT, "  %s: %,d reports handled in %.0f s, compiler threads %.1f%% of this process's CPU and %.1f%%"
                            + " of Elasticsearch's in the last round%n", done ? "warmed up" : "warming up", warmedUp,
                            (System.nanoTime() - start) / 1e9, 100 * jitShare, 100 * esJitShare);
                    if (done) {
                        break;
                    }
                }
                // the warm-up's segments merged before, not inside, the measured window (a merge of them cost the
                // backfill +1.6 ms of Elasticsearch CPU per report in one run)
                awaitNoMerges(esAdmin, "the backfill", out);
                ProcessorMetrics m0 = processor.metrics();
                long handledAtStart = handled(m0);
                long issuesAtStart = search.count("rectify-issues", "{\"match_all\":{}}");
                long indexedAtStart = settledIndexed(sink, null);
                long total = handledAtStart + reports;
                CpuUse.Snapshot cpuFrom = CpuUse.take(esCpu);
                ElasticsearchWork esFrom = ElasticsearchWork.take(esAdmin);
                BrokerTraffic trafficFrom = BrokerTraffic.take(stack.kafka());
                long analysisNanosFrom = m0.analysisCpuNanos.get();
                long analysesFrom = m0.analysesTimed.get();
                Map<String, Long> stagesFrom = m0.stageCpuNanos();
                double commitsFrom = commits(processor);
                double blockedFrom = threadMetric(processor, "blocked-time-ns-total");
                Map<String, Double> waitsFrom = kafkaWaits(processor);
                StreamThreadsBusy busy = new StreamThreadsBusy();
                long sinkRefreshesFrom = sink.counters().refreshes.get();
                long backlogEndsFrom = sink.counters().backlogEnds.get();
                long aheadFrom = sink.counters().refreshesAhead.get();
                long t0 = System.nanoTime();
                long t0Epoch = System.currentTimeMillis();
                out.printf("backfill of %,d reports: publishing them to %s, the pipeline at work from the first%n", reports, Topics.REPORTS_RAW);
                // published beside the polls below, which sample the stream threads from the first report on
                java.util.concurrent.FutureTask<Void> publishing = new java.util.concurrent.FutureTask<>(() -> {
                    publishVariants(bootstrap, Topics.REPORTS_RAW, usable, targetPerText, reports, "site", 0);
                    return null;
                });
                new Thread(publishing, "main-backfill-publisher").start();
                long lastPrinted = System.nanoTime();
                long n;
                while (true) {
                    n = search.count("rectify-issues", "{\"match_all\":{}}");
                    ProcessorMetrics m = processor.metrics();
                    long handled = handled(m);
                    if (handled >= total && n >= m.issuesOut.get()) {
                        break;
                    }
                    if (publishing.isDone()) {
                        publishing.get(); // throws what made publishing fail
                    }
                    if (System.nanoTime() - lastPrinted > 5_000_000_000L) {
                        out.printf("  %,d reports processed, %,d issue documents searchable after %.0f s%n", handled - handledAtStart,
                                n - issuesAtStart, (System.nanoTime() - t0) / 1e9);
                        lastPrinted = System.nanoTime();
                    }
                    if (System.nanoTime() - t0 > Duration.ofMinutes(30).toNanos()) {
                        throw new IllegalStateException("backfill did not complete within 30 minutes: " + (handled - handledAtStart) + " of "
                                + reports + " reports, " + (n - issuesAtStart) + " issues");
                    }
                    busy.sample((System.nanoTime() - t0) / 1e9, handled);
                    // finer once the processor is through: the end is timed to within a poll
                    Thread.sleep(handled >= total ? 50 : 250);
                }
                publishing.get();
                CpuUse.Snapshot cpuTo = CpuUse.take(esCpu);
                double blockedSeconds = (threadMetric(processor, "blocked-time-ns-total") - blockedFrom) / 1e9;
                Map<String, Double> waits = kafkaWaits(processor);
                waits.replaceAll((k, v) -> (v - waitsFrom.getOrDefault(k, 0.0)) / 1e9);
                ElasticsearchWork esBackfill = ElasticsearchWork.take(esAdmin).since(esFrom);
                BrokerTraffic traffic = BrokerTraffic.take(stack.kafka()).since(trafficFrom);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long measuredReports = reports;
                expectedIssues = n - issuesAtStart;
                double reportsPerSec = measuredReports / seconds;
                double issuesPerSec = expectedIssues / seconds;
                out.printf("backfill: %,d reports in %.1f s, %.1f reports/s, about %.0f issue documents/s%n", measuredReports, seconds,
                        reportsPerSec, issuesPerSec);
                out.printf(Locale.ROOT, "end of the backfill: %s; every issue document searchable at %.1f s; reports.raw's partitions"
                        + " by stream thread: %s%n", busy.describe(), seconds, rawPartitionsByThread(processor));
                long indexed = settledIndexed(sink, out) - indexedAtStart;
                // read once the sink has settled: Elasticsearch's own refresh can make the end searchable while the
                // sink's last refresh, asked for when it found its input drained, is still on its way
                out.printf("the sink's refreshes for the backfill: %d, of which %d ahead of its input's end and %d once it found its input"
                        + " drained (Elasticsearch refreshes the indices on its own every 30 s besides)%n",
                        sink.counters().refreshes.get() - sinkRefreshesFrom, sink.counters().refreshesAhead.get() - aheadFrom,
                        sink.counters().backlogEnds.get() - backlogEndsFrom);
                out.println(describeEnd(busy.lastRanOut(), sink.counters(), t0Epoch, seconds));

                // E + S: Elasticsearch and the client at raw concurrent _bulk, per document, once the backfill's
                // segments are merged (measured beside those merges, Elasticsearch cost up to twice as much)
                awaitNoMerges(esAdmin, "the raw _bulk", out);
                List<IssueRecord> docs = bulkDocs(recordsPerText, usable, expectedIssues);
                PartCosts.Window bulk = new PartCosts.Window(esCpu);
                double raw;
                ElasticsearchWork esRawFrom = ElasticsearchWork.take(esAdmin);
                try (Rest5Client es = RestClients.build(ElasticsearchSettings.local(esUrl))) {
                    raw = SinkBenchmark.rawBulkRate(es, docs, "benchraw", bulk::start, bulk::stop);
                }
                ElasticsearchWork esRaw = ElasticsearchWork.take(esAdmin).since(esRawFrom);
                out.printf("baseline: raw concurrent _bulk of the same %d issue documents: %.0f docs/s%n", expectedIssues, raw);
                out.printf(Locale.ROOT, "raw _bulk CPU in %.1f s: Elasticsearch %.2f s, this process %.2f s (net of background: %.2f s and %.2f s)"
                                + " = %.0f and %.0f µs per document%n", bulk.wall(), bulk.elasticsearch(), bulk.process(),
                        bulk.netElasticsearch(idle), bulk.netProcess(idle), 1e6 * bulk.netElasticsearch(idle) / docs.size(),
                        1e6 * bulk.netProcess(idle) / docs.size());
                out.println(CpuUse.describe(cpuFrom, cpuTo, cores));
                out.printf("Elasticsearch's own account, backfill: %s%n", esBackfill.describe());
                out.printf("Elasticsearch's own account, raw _bulk: %s%n", esRaw.describe());
                out.printf("broker log written in the backfill: %s%n", traffic.describe(measuredReports));
                out.printf(Locale.ROOT, "the processor's commits (transactions) in the backfill: %.0f, %.1f a second%n",
                        commits(processor) - commitsFrom, (commits(processor) - commitsFrom) / seconds);
                // what keeps the processor's threads off the CPU while records wait: transactions' round trips, full send buffers
                out.printf(Locale.ROOT, "the stream threads blocked on Kafka (polls, sends, commits) in the backfill: %.1f s of %.1f s"
                        + " on %d threads (%.0f%%): %s%n", blockedSeconds, seconds, PROCESSOR_THREADS,
                        100 * blockedSeconds / (seconds * PROCESSOR_THREADS), describeWaits(waits));

                double analysisInside = (processor.metrics().analysisCpuNanos.get() - analysisNanosFrom) / 1e6
                        / Math.max(1, processor.metrics().analysesTimed.get() - analysesFrom);
                out.println(describeStages(stagesFrom, processor.metrics().stageCpuNanos(), analysisInside,
                        CpuUse.processorSeconds(cpuFrom, cpuTo).getOrDefault(CpuUse.STREAM_THREADS, 0.0), measuredReports));
                backfill = new Backfill(reportsPerSec, measuredReports, bulk, docs.size(), indexed, CpuUse.seconds(cpuFrom, cpuTo),
                        CpuUse.processorSeconds(cpuFrom, cpuTo), CpuUse.jvmSeconds(cpuFrom, cpuTo), analysisInside,
                        busy.rateWhileAllWorked(handledAtStart), busy.firstRanOut(), seconds);

                awaitNoMerges(esAdmin, "the steady load", out);
                ElasticsearchWork esSteadyFrom = ElasticsearchWork.take(esAdmin);
                List<Double> latencies = steady(bootstrap, search, usable, issuesPerText, targetPerText, out);
                out.printf("Elasticsearch's own account, steady load: %s%n", ElasticsearchWork.take(esAdmin).since(esSteadyFrom).describe());
                out.printf("steady load %.0f reports/s for %d s: p50 %.2f s, p99 %.2f s, max %.2f s (%d reports)%n", STEADY_RATE,
                        STEADY_FOR.toSeconds(), pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), latencies.size());
            }
            // the analysis alone once more, now that processor and sink are stopped: the machine's speed drifts over
            // minutes, and the backfill ran between the two measurements, so their mean is the fairer P
            PartCosts.Solo after = PartCosts.solo(analyzer, wire, soloPool, usable.size(), SOLO_WINDOW, esCpu, idle, SOLO_WINDOWS);
            printSolo(out, "processor alone after the backfill", after, idle);
            long soloReports = solo.reports() + after.reports();
            Ceiling.Measured measured = new Ceiling.Measured(solo.window().netProcess(idle) + after.window().netProcess(idle), soloReports,
                    backfill.bulk().netElasticsearch(idle), backfill.bulk().netProcess(idle), backfill.bulkDocuments(), backfill.indexed(),
                    reports, brokerCpu);
            Ceiling ceiling = Ceiling.of(measured);
            double ceilingRate = ceiling.reportsPerSecond(cores);
            double soloThread = (solo.threadSeconds() + after.threadSeconds()) / soloReports;
            printParts(out, ceiling, measured, soloThread, soloReports, backfill.cpu(), (int) backfill.reports(), cores, ceilingRate);
            StringBuilder split = new StringBuilder("the backfill's processor threads per report:");
            backfill.processorThreads().forEach((kind, sec) ->
                    split.append(String.format(Locale.ROOT, " %s %.2f ms;", kind, 1000 * sec / backfill.reports())));
            out.println(split);
            out.printf(Locale.ROOT, "the analysis (parse, segment, classify, search tokens, signature) on the stream threads: %.2f ms CPU per"
                    + " report, alone %.2f ms (with the issue records); the rest of the stream threads' work %.2f ms%n",
                    backfill.analysisMs(), 1000 * soloThread,
                    1000 * backfill.processorThreads().getOrDefault(CpuUse.STREAM_THREADS, 0.0) / backfill.reports() - backfill.analysisMs());
            Map<String, Double> soloJvm = solo.window().jvm();
            out.printf(Locale.ROOT, "GC and JIT threads per report: analysis alone GC %.2f ms, JIT %.2f ms | backfill GC %.2f ms,"
                            + " JIT %.2f ms%n", 1000 * soloJvm.get(CpuUse.GC) / solo.reports(), 1000 * soloJvm.get(CpuUse.JIT) / solo.reports(),
                    1000 * backfill.jvm().get(CpuUse.GC) / backfill.reports(), 1000 * backfill.jvm().get(CpuUse.JIT) / backfill.reports());
            // the end of a finite backfill: one stream thread's partitions held more of the work, then the sink's last
            // bulks and the refresh once it finds its input drained; a longer backfill approaches the rate before that end
            out.printf(Locale.ROOT, "the backfill while every stream thread had work (its first %.1f s of %.1f): %.1f reports/s ="
                    + " %.2f of the ceiling%n", backfill.firstRanOut(), backfill.seconds(), backfill.rateWhileAllWorked(),
                    backfill.rateWhileAllWorked() / ceilingRate);
            out.println(Ceiling.resultLine(backfill.rate(), ceilingRate));
        }
    }

    /**
     * The stream threads' CPU per report inside each stage of the topology (with what it forwards and writes), and
     * outside every stage: polls and fetched records, commits and transactions, punctuations.
     */
    static String describeStages(Map<String, Long> from, Map<String, Long> to, double analysisMs, double streamThreadSeconds,
                                 long reports) {
        StringBuilder b = new StringBuilder("the stream threads' CPU per report by stage, each with what it writes:");
        double inside = 0;
        List<String> order = new ArrayList<>(ProcessorTopology.TIMED_STAGES);
        to.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        for (String stage : order) {
            double ms = (to.getOrDefault(stage, 0L) - from.getOrDefault(stage, 0L)) / 1e6 / Math.max(1, reports);
            inside += ms;
            b.append(String.format(Locale.ROOT, " %s %.2f ms", stage, ms));
            if (stage.equals("version-reports")) {
                b.append(String.format(Locale.ROOT, " (the analysis %.2f of it)", analysisMs));
            }
            b.append(',');
        }
        b.setLength(b.length() - 1);
        b.append(String.format(Locale.ROOT, "; outside the stages (polls and fetched records, commits and transactions, punctuations) %.2f ms",
                1000 * streamThreadSeconds / Math.max(1, reports) - inside));
        return b.toString();
    }

    /** What the backfill measured, kept for the ceiling worked out once processor and sink are stopped. */
    private record Backfill(double rate, long reports, PartCosts.Window bulk, int bulkDocuments, long indexed, Map<String, Double> cpu,
                            Map<String, Double> processorThreads, Map<String, Double> jvm, double analysisMs,
                            double rateWhileAllWorked, double firstRanOut, double seconds) {
    }

    private static void printSolo(PrintStream out, String what, PartCosts.Solo solo, PartCosts.Background idle) {
        out.printf(Locale.ROOT, "%s: %d reports on 1 thread in %.1f s (window %d, %s): thread %.2f ms CPU per report,"
                        + " whole process %.2f ms net of background; meanwhile Elasticsearch %.0f ms/s and broker %.0f ms/s"
                        + " (background %.0f and %.0f ms/s)%n", what,
                solo.reports(), solo.window().wall(), solo.windows(),
                solo.settled() ? "the first within 10% of the one before, compilers at most 5%: warm"
                        : "NOT settled: not within 10% of the one before or compilers above 5%",
                1000 * solo.threadSeconds() / solo.reports(), 1000 * solo.processPerReport(idle),
                1000 * solo.window().elasticsearch() / solo.window().wall(),
                1000 * solo.window().broker() / solo.window().wall(), 1000 * idle.elasticsearch(), 1000 * idle.broker());
        out.printf(Locale.ROOT, "  its windows, whole process ms CPU per report: %s%n",
                solo.trace().stream().map(x -> String.format(Locale.ROOT, "%.2f", 1000 * x)).toList());
    }

    /** Each part of the ceiling next to what the same part cost inside the backfill, in ms of CPU per report. */
    private static void printParts(PrintStream out, Ceiling c, Ceiling.Measured m, double soloThreadPerReport, long soloReports,
                                   Map<String, Double> backfill, int reports, int cores, double ceilingRate) {
        // P is the whole process's CPU: the analysis thread's own, and the GC/JIT it causes
        double processorThread = Math.min(c.processor(), soloThreadPerReport);
        double[] alone = {processorThread, c.processor() - processorThread, c.elasticsearch(), c.sink(), c.broker()};
        String[] names = {
            "P processor: analysis alone, 1 thread, warm, before and after (" + soloReports + " reports)",
            "  P's GC/JIT and the rest of this process meanwhile",
            String.format(Locale.ROOT, "E Elasticsearch: raw concurrent _bulk × %.2f documents/report", m.documentsPerReport()),
            "S client of the raw _bulk: this process, net of background",
            "B Kafka broker: each report and issue written and read once"};
        double[][] inBackfill = {
            {part(backfill, CpuUse.PROCESSOR)}, {part(backfill, CpuUse.JVM)}, {part(backfill, CpuUse.ELASTICSEARCH)},
            {part(backfill, CpuUse.SINK), part(backfill, CpuUse.CLIENT)}, {part(backfill, CpuUse.BROKER)}};
        String[] backfillNames = {"processor threads", CpuUse.JVM, CpuUse.ELASTICSEARCH, "sink + benchmark client", CpuUse.BROKER};
        out.println("ceiling parts in ms CPU per report, each measured alone | the same part inside the backfill:");
        double sumAlone = 0;
        double sumBackfill = 0;
        for (int i = 0; i < names.length; i++) {
            double b = 0;
            for (double s : inBackfill[i]) {
                b += s;
            }
            b /= reports;
            out.printf(Locale.ROOT, "  %-66s %6.2f ms | %-24s %6.2f ms (extra %+.2f)%n", names[i], 1000 * alone[i], backfillNames[i],
                    1000 * b, 1000 * (b - alone[i]));
            sumAlone += alone[i];
            sumBackfill += b;
        }
        out.printf(Locale.ROOT, "  %-66s %6.2f ms | %-24s %6.2f ms (extra %+.2f)%n", "total", 1000 * sumAlone, "total",
                1000 * sumBackfill, 1000 * (sumBackfill - sumAlone));
        out.printf(Locale.ROOT, "ceiling: %d cores / %.2f ms CPU per report = %.1f reports/s%n", cores, 1000 * c.perReport(), ceilingRate);
    }

    /** Commits of all the processor's stream threads so far (Kafka Streams' thread metric commit-total). */
    private static double commits(ProcessorService processor) {
        return threadMetric(processor, "commit-total");
    }

    /** The first sub-topology's tasks (one per partition of reports.raw) of each stream thread. */
    private static String rawPartitionsByThread(ProcessorService processor) {
        Map<String, List<Integer>> out = new java.util.TreeMap<>();
        for (var thread : processor.streams().metadataForLocalThreads()) {
            String name = thread.threadName().replaceAll(".*-(StreamThread-\\d+)$", "$1");
            List<Integer> partitions = new ArrayList<>();
            thread.activeTasks().stream().filter(t -> t.taskId().subtopology() == 0)
                    .forEach(t -> partitions.add(t.taskId().partition()));
            partitions.sort(null);
            out.put(name, partitions);
        }
        return out.toString();
    }

    /** Where the stream threads wait on Kafka: nanoseconds by kind, summed over their consumers and producers. */
    private static Map<String, Double> kafkaWaits(ProcessorService processor) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : KAFKA_WAITS.keySet()) {
            out.put(kind, 0.0);
        }
        for (var e : processor.streams().metrics().entrySet()) {
            String client = e.getKey().tags().getOrDefault("client-id", "");
            String key = e.getKey().group() + "/" + e.getKey().name();
            // the restore consumer is polled by the state updater, not by the stream threads
            if (KAFKA_WAITS.containsValue(key) && !client.endsWith("restore-consumer") && e.getValue().metricValue() instanceof Number v) {
                KAFKA_WAITS.forEach((kind, metric) -> {
                    if (metric.equals(key)) {
                        out.merge(kind, v.doubleValue(), Double::sum);
                    }
                });
            }
        }
        return out;
    }

    /** Kind of wait → group/name of the client metric that totals it. */
    private static final Map<String, String> KAFKA_WAITS = new LinkedHashMap<>();

    static {
        KAFKA_WAITS.put("polls", "consumer-metrics/io-wait-time-ns-total");
        KAFKA_WAITS.put("producer flushes", "producer-metrics/flush-time-ns-total");
        KAFKA_WAITS.put("transaction commits", "producer-metrics/txn-commit-time-ns-total");
        KAFKA_WAITS.put("offsets to transactions", "producer-metrics/txn-send-offsets-time-ns-total");
        KAFKA_WAITS.put("full send buffers", "producer-metrics/bufferpool-wait-time-ns-total");
    }

    private static String describeWaits(Map<String, Double> seconds) {
        List<String> parts = new ArrayList<>();
        seconds.forEach((kind, s) -> parts.add(String.format(Locale.ROOT, "%s %.1f s", kind, s)));
        return String.join(", ", parts);
    }

    /** A cumulative stream-thread metric, summed over the processor's threads. */
    private static double threadMetric(ProcessorService processor, String name) {
        double n = 0;
        for (var e : processor.streams().metrics().entrySet()) {
            if (e.getKey().name().equals(name) && e.getKey().group().equals("stream-thread-metrics")
                    && e.getValue().metricValue() instanceof Number v) {
                n += v.doubleValue();
            }
        }
        return n;
    }

    /** A part's CPU seconds; a part without threads at the end of the interval counts none. */
    private static double part(Map<String, Double> cpu, String part) {
        return cpu.getOrDefault(part, 0.0);
    }

    /**
     * The sink's indexed count (issues, reports and alerts: what its "sink stopped: … indexed=…" line prints) once it
     * has caught up: every consumed record acknowledged and the count unchanged for a second.
     */
    private static long settledIndexed(ElasticsearchSink sink, PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            SinkCounters c = sink.counters();
            long indexed = c.indexed();
            if (indexed == last && c.acknowledged() == c.consumed.get()) {
                if (out != null) {
                    out.printf("sink: %s%n", c.summary());
                }
                return indexed;
            }
            last = indexed;
            Thread.sleep(1000);
        }
        out.printf("sink still busy 60 s after the backfill, its count taken as it is: %s%n", sink.counters().summary());
        return sink.counters().indexed();
    }

    /**
     * {@code count} reports: the texts in turn, round {@code r} of them under host {@code hostPrefix + r} and as variant
     * {@code firstVariant + r}; waits for every acknowledgement (a lost record would make the backfill wait for
     * documents that never come).
     */
    private static void publishVariants(String bootstrap, String topic, List<BenchTexts.Text> texts, Map<String, String> targets,
                                        int count, String hostPrefix, int firstVariant) throws Exception {
        long crawledAt = System.currentTimeMillis() - BACKLOG_AGE.toMillis();
        try (KafkaProducer<String, RawReport> producer = producer(bootstrap)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                BenchTexts.Text t = texts.get(i % texts.size());
                int round = i / texts.size();
                String url = "https://" + hostPrefix + round + ".bench.test/" + t.name() + ".html";
                String text = variant(t.text(), targets.get(t.name()), firstVariant + round);
                sent.add(producer.send(new ProducerRecord<>(topic, null, crawledAt, url, raw(url, text))));
            }
            for (var f : sent) {
                f.get();
            }
        }
    }

    /**
     * The path from the last stream thread's work to every document searchable: when the sink last read records, had a bulk
     * acknowledged, found its input drained, sent its last refresh and had it answered (seconds into the backfill).
     */
    static String describeEnd(double lastThreadAt, SinkCounters sink, long t0EpochMillis, double searchableAt) {
        java.util.function.LongFunction<String> at = epoch -> epoch < t0EpochMillis ? "-"
                : String.format(Locale.ROOT, "%.2f s", (epoch - t0EpochMillis) / 1e3);
        return String.format(Locale.ROOT, "the end of the backfill step by step: the last stream thread worked until %.1f s (sampled every 250 ms);"
                        + " the sink last read records at %s, its last bulk acknowledged at %s, its input found drained at %s, its last"
                        + " refresh sent at %s and answered at %s; every issue document seen searchable at %.2f s (polled every 50 ms by then)",
                lastThreadAt, at.apply(sink.lastConsumedAt.get()), at.apply(sink.lastAcknowledgedAt.get()), at.apply(sink.lastDrainedAt.get()),
                at.apply(sink.lastRefreshSentAt.get()), at.apply(sink.lastRefreshDoneAt.get()), searchableAt);
    }

    /** Reports the processor has handled so far: analysed, dead-lettered or found unchanged. */
    private static long handled(ProcessorMetrics m) {
        return m.reportsParsed.get() + m.deadLetters.get() + m.reportsUnchanged.get();
    }

    /** Waits until the processor has handled {@code reports} reports in all and every issue it sent out is searchable. */
    private static void awaitHandled(ProcessorService processor, SearchClient search, long reports, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            long n = search.count("rectify-issues", "{\"match_all\":{}}");
            ProcessorMetrics m = processor.metrics();
            long handled = handled(m);
            if (handled >= reports && n >= m.issuesOut.get()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not complete within 30 minutes: " + handled + " of " + reports
                        + " reports handled, " + n + " of " + m.issuesOut.get() + " issues searchable");
            }
            Thread.sleep(250);
        }
    }

    /** Waits for Elasticsearch's merges before measuring {@code what}, and says how long it waited. */
    private static void awaitNoMerges(Rest5Client es, String what, PrintStream out) throws InterruptedException {
        Duration waited = ElasticsearchWork.awaitNoMerges(es, MERGES_MAX);
        out.printf(Locale.ROOT, "before %s: %.1f s until Elasticsearch ran no merge%s%n", what, waited.toMillis() / 1e3,
                waited.compareTo(MERGES_MAX) >= 0 ? " (still merging: measured beside its merges)" : "");
    }

    /** Publishes at a fixed rate and measures, per report, publish → all its issues searchable. */
    private static List<Double> steady(String bootstrap, SearchClient search, List<BenchTexts.Text> texts,
                                       Map<String, Integer> issuesPerText, Map<String, String> targets, PrintStream out)
            throws Exception {
        int total = (int) (STEADY_RATE * STEADY_FOR.toSeconds());
        Map<String, long[]> pending = new LinkedHashMap<>(); // url → {publish nanos, expected issues}
        List<Double> latencies = new ArrayList<>();
        long interval = (long) (1_000_000_000L / STEADY_RATE);
        int sent = 0;
        Map<String, Long> published = new java.util.concurrent.ConcurrentHashMap<>();
        List<Double> processed = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> committedAt = new java.util.concurrent.ConcurrentHashMap<>(); // url → when its last issue was committed
        List<Double> sinkSide = new ArrayList<>();
        try (KafkaProducer<String, RawReport> producer = producer(bootstrap);
             ProcessedWatch watch = new ProcessedWatch(bootstrap, published, issuesPerText, processed, committedAt)) {
            long start = System.nanoTime();
            while (latencies.size() < total) {
                long now = System.nanoTime();
                while (sent < total && now - start >= sent * interval) {
                    BenchTexts.Text t = texts.get(sent % texts.size());
                    String url = "https://steady.bench.test/" + sent + "/" + t.name() + ".html";
                    producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, url, raw(url, variant(t.text(), targets.get(t.name()),
                            100_000 + sent)))).get();
                    pending.put(url, new long[] {System.nanoTime(), issuesPerText.get(t.name())});
                    published.put(url, pending.get(url)[0]);
                    sent++;
                }
                if (!pending.isEmpty()) {
                    JsonNode r = search.search("rectify-issues", "{\"size\":0,\"query\":{\"terms\":{\"report_url\":"
                            + Json.write(pending.keySet()) + "}},\"aggs\":{\"u\":{\"terms\":{\"field\":\"report_url\",\"size\":1000}}}}");
                    long seenAt = System.nanoTime();
                    for (JsonNode b : r.at("/aggregations/u/buckets")) {
                        long[] p = pending.get(b.path("key").asText());
                        if (p != null && b.path("doc_count").asLong() >= p[1]) {
                            latencies.add((seenAt - p[0]) / 1e9);
                            Long committed = committedAt.get(b.path("key").asText());
                            if (committed != null) {
                                sinkSide.add((seenAt - committed) / 1e9);
                            }
                            pending.remove(b.path("key").asText());
                        }
                    }
                }
                if (System.nanoTime() - start > STEADY_FOR.plusSeconds(60).toNanos()) {
                    out.printf("  %d reports still not searchable 60 s after the load ended%n", pending.size());
                    break;
                }
                Thread.sleep(50);
            }
        }
        out.printf("steady load: publish → every issue committed on %s: p50 %.2f s, p99 %.2f s (%d reports); the rest is the sink"
                + " and the index refresh%n", Topics.ISSUES_CLASSIFIED, pct(processed, 50), pct(processed, 99), processed.size());
        out.printf("steady load: committed → searchable (sink, refresh and this benchmark's 50 ms polls): p50 %.2f s, p99 %.2f s,"
                + " max %.2f s (%d reports)%n", pct(sinkSide, 50), pct(sinkSide, 99), pct(sinkSide, 100), sinkSide.size());
        return latencies;
    }

    /**
     * Reads {@code issues.classified} as the sink does (committed records only) and notes, per steady report, when
     * all its issues have been written: where the processor's part of the latency ends.
     */
    private static final class ProcessedWatch implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean closing;

        ProcessedWatch(String bootstrap, Map<String, Long> published, Map<String, Integer> issuesPerText, List<Double> processed,
                       Map<String, Long> committedAt) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts = consumer.partitionsFor(Topics.ISSUES_CLASSIFIED).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolved now, before anything is published
            Map<String, Integer> seen = new HashMap<>();
            thread = new Thread(() -> {
                while (!closing) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        if (r.value() == null) {
                            continue;
                        }
                        String url = Json.read(r.value(), IssueRecord.class).reportUrl();
                        Long at = published.get(url);
                        if (at != null && seen.merge(url, 1, Integer::sum) == expected(url, issuesPerText)) {
                            long now = System.nanoTime();
                            committedAt.put(url, now);
                            processed.add((now - at) / 1e9);
                        }
                    }
                }
            }, "bench-processed-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private static int expected(String url, Map<String, Integer> issuesPerText) {
            String name = url.substring(url.lastIndexOf('/') + 1, url.length() - ".html".length());
            return issuesPerText.getOrDefault(name, -1);
        }

        @Override
        public void close() throws InterruptedException {
            closing = true;
            thread.join(5_000);
            consumer.close();
        }
    }

    private static final String FIRST = "东西南北新安平和兴宁永长清青云金玉华丰嘉";
    private static final String SECOND = "山河江湖城原州阳林川溪桥泉岭源塘田沙港湾";
    private static final String ROUNDS = "甲乙丙丁戊己庚辛壬癸";

    /**
     * The same report as published by another unit: its inspected unit's name gets a prefix from 400 two-character
     * place names, so units hold a few reports each, as in real backfills, and every text is distinct.
     */
    static String variant(String text, String target, int v) {
        if (target == null || target.isBlank()) {
            return text;
        }
        int k = v % (FIRST.length() * SECOND.length());
        int round = v / (FIRST.length() * SECOND.length());
        // the round in decimal, a stem per digit: every v its own unit (a wrap made the steady load's reports mirror
        // warm-up reports of a long warm-up, and so never become searchable as new)
        StringBuilder prefix = new StringBuilder().append(FIRST.charAt(k / SECOND.length())).append(SECOND.charAt(k % SECOND.length()));
        if (round > 0) {
            for (char digit : Integer.toString(round - 1).toCharArray()) {
                prefix.append(ROUNDS.charAt(digit - '0'));
            }
        }
        return text.replace(target, prefix + target);
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static RawReport raw(String url, String text) {
        return new RawReport(url, "bench", null, null, Instant.now(), "UTF-8", ReportIds.sha256Hex(text), text, List.of());
    }

    /** {@code n} issue documents for the raw bulk baseline: the texts' issues, repeated under fresh ids. */
    private static List<IssueRecord> bulkDocs(Map<String, List<IssueRecord>> recordsPerText, List<BenchTexts.Text> texts, long n) {
        List<IssueRecord> docs = new ArrayList<>();
        for (int i = 0; docs.size() < n; i++) {
            for (IssueRecord r : recordsPerText.get(texts.get(i % texts.size()).name())) {
                docs.add(withId(r, r.issueId() + "-" + i));
            }
        }
        return docs;
    }

    private static IssueRecord withId(IssueRecord r, String id) {
        JsonNode n = Json.MAPPER.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("issue_id", id);
        return Json.MAPPER.convertValue(n, IssueRecord.class);
    }

    private static KafkaProducer<String, RawReport> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), WireSerdes.RAW_REPORT.serializer());
    }
}
