package org.rectifywatch.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.SampleReports;

/**
 * Backfill load for the fault scenarios: renamed copies of the shipped sample reports, published straight to
 * {@code reports.raw}. Copy {@code v} renames every inspected unit's place name consistently (桐溪 → 东桐溪 …), so
 * each copy is a separate set of units whose expected issues and alerts are those of the samples' expected JSON.
 * The two samples whose unit carries no place name (a 市/区 bureau) are left out: their copies would share a unit.
 */
final class Backfill {
    /** Place names of the units, as they appear in the sample texts. */
    private static final List<String> PLACES = List.of("桐溪", "澄川", "石桥", "江岚", "临江", "青岩", "花溪", "兰水");
    private static final String COPY_MARKS = "东西南北中上下前后左右甲乙丙丁戊己庚辛壬";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One backfill report with what the samples' expected JSON says it must produce. */
    record Item(RawReport raw, String sample, int copy, long expectedIssues) {
    }

    private final List<Item> items;
    private final long raisedAlerts;
    private final long resolvedAlerts;

    private Backfill(List<Item> items, long raisedAlerts, long resolvedAlerts) {
        this.items = items;
        this.raisedAlerts = raisedAlerts;
        this.resolvedAlerts = resolvedAlerts;
    }

    /** {@code copies} renamed copies of every renamable sample, with URLs under {@code urlPrefix}. */
    static Backfill of(String urlPrefix, int copies) {
        return of(urlPrefix, copies, name -> true);
    }

    /** As {@link #of(String, int)}, restricted to the samples whose name passes {@code samplesWanted}. */
    static Backfill of(String urlPrefix, int copies, java.util.function.Predicate<String> samplesWanted) {
        return of(urlPrefix, 0, copies, samplesWanted);
    }

    /**
     * Copies {@code firstCopy} … {@code firstCopy + copies - 1}: scenarios sharing one processor take different copies,
     * since the same copy under another URL is a mirror of the report already seen, not a new report.
     */
    static Backfill of(String urlPrefix, int firstCopy, int copies, java.util.function.Predicate<String> samplesWanted) {
        int n = COPY_MARKS.length();
        if (firstCopy + copies > n * n * n) {
            throw new IllegalArgumentException("at most " + n * n * n + " copies");
        }
        List<SampleReports.Sample> samples = renamable().stream().filter(s -> samplesWanted.test(s.name())).toList();
        List<JsonNode> golds = samples.stream().map(s -> Json.read(s.expectedJson(), JsonNode.class)).toList();
        long[] alerts = expectedAlerts(golds);
        List<Item> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int c = firstCopy; c < firstCopy + copies; c++) {
            String mark = mark(c);
            for (int i = 0; i < samples.size(); i++) {
                SampleReports.Sample s = samples.get(i);
                String text = rename(strip(s.text()), mark);
                String url = urlPrefix + "c" + c + "/" + s.name() + ".html";
                RawReport raw = new RawReport(url, "backfill", rename(s.title(), mark), s.pageDate(), now, "UTF-8", sha256(text), text, List.of());
                items.add(new Item(raw, s.name(), c, golds.get(i).get("issue_count").asLong()));
            }
        }
        return new Backfill(items, alerts[0] * copies, alerts[1] * copies);
    }

    /** Copy {@code c}'s mark: one character for the first copies, then two, then three (东, …, 壬, 东西, …). */
    static String mark(int c) {
        int n = COPY_MARKS.length();
        if (c < n) {
            return String.valueOf(COPY_MARKS.charAt(c));
        }
        if (c < n + n * n) {
            int k = c - n;
            return "" + COPY_MARKS.charAt(k / n) + COPY_MARKS.charAt(k % n) + "·";
        }
        int k = c - n - n * n;
        return "" + COPY_MARKS.charAt(k / (n * n) % n) + COPY_MARKS.charAt(k / n % n) + COPY_MARKS.charAt(k % n) + "··";
    }

    static List<SampleReports.Sample> renamable() {
        return SampleReports.all().stream().filter(s -> {
            String target = Json.read(s.expectedJson(), JsonNode.class).at("/meta/target").asText();
            return PLACES.stream().anyMatch(target::contains);
        }).toList();
    }

    List<Item> items() {
        return items;
    }

    long expectedReports() {
        return items.size();
    }

    long expectedIssues() {
        return items.stream().mapToLong(Item::expectedIssues).sum();
    }

    long expectedRaisedAlerts() {
        return raisedAlerts;
    }

    long expectedResolvedAlerts() {
        return resolvedAlerts;
    }

    /** Publishes every item with an idempotent producer and waits for the acknowledgements. */
    void publish(String bootstrap) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Item it : items) {
                sent.add(producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, it.raw().url(),
                        WireSerdes.RAW_REPORT.serializer().serialize(Topics.REPORTS_RAW, it.raw()))));
            }
            for (var f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing the backfill to " + bootstrap + " failed: " + e, e);
        }
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        // one batch in flight per partition: straight after the topics are created the broker answers
        // NOT_LEADER_OR_FOLLOWER for a moment, and pipelined batches then meet OUT_OF_ORDER_SEQUENCE_NUMBER until they expire
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static String rename(String text, String mark) {
        String out = text;
        for (String place : PLACES) {
            out = out.replace(place, mark + place);
        }
        return out;
    }

    static String strip(String text) {
        String t = text.replace("\r\n", "\n");
        while (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Raised and resolved alerts the expected JSON implies today (the rules of issue 5, as the end-to-end test
     * states them): a past due date of an issue that is not completed raises one alert per distinct due date; an
     * in-progress issue without dated commitments raises one when feedback + 6 months has passed; a later report of
     * the same unit completing the same problem resolves them.
     */
    static long[] expectedAlerts(List<JsonNode> golds) {
        LocalDate today = LocalDate.now(SHANGHAI);
        Set<String> raised = new HashSet<>();
        Set<String> resolved = new HashSet<>();
        for (JsonNode gold : golds) {
            String target = gold.at("/meta/target").asText();
            String fb = gold.at("/meta/feedback_date").asText();
            LocalDate feedback = fb != null && fb.length() == 10 ? LocalDate.parse(fb) : null;
            for (JsonNode issue : gold.get("issues")) {
                String status = issue.get("status").asText();
                if (status.equals("completed")) {
                    continue;
                }
                Set<String> dues = new HashSet<>();
                issue.get("commitments").forEach(c -> {
                    if (!c.get("due").isNull()) {
                        dues.add(c.get("due").asText());
                    }
                });
                String problem = issue.get("problem").asText();
                List<String> keys = new ArrayList<>();
                dues.stream().filter(d -> LocalDate.parse(d).isBefore(today)).forEach(d -> keys.add(target + "|" + problem + "|" + d));
                if (dues.isEmpty() && status.equals("in_progress") && feedback != null && feedback.plusMonths(6).isBefore(today)) {
                    keys.add(target + "|" + problem + "|window");
                }
                boolean completedLater = golds.stream().anyMatch(other -> other != gold
                        && other.at("/meta/target").asText().equals(target)
                        && other.at("/meta/published_date").asText("").compareTo(gold.at("/meta/published_date").asText("")) > 0
                        && completes(other, problem));
                (completedLater ? resolved : raised).addAll(keys);
            }
        }
        return new long[] {raised.size(), resolved.size()};
    }

    private static boolean completes(JsonNode report, String problem) {
        for (JsonNode i : report.get("issues")) {
            if (i.get("status").asText().equals("completed") && i.get("problem").asText().equals(problem)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Long> issuesByUrl(List<Item> items) {
        Map<String, Long> m = new java.util.TreeMap<>();
        items.forEach(i -> m.put(i.raw().url(), i.expectedIssues()));
        return m;
    }
}
