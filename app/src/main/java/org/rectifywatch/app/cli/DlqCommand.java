package org.rectifywatch.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.Header;
import org.rectifywatch.app.dlq.DeadLetter;
import org.rectifywatch.app.dlq.DeadLetterReplay;
import org.rectifywatch.app.dlq.DeadLetterTopic;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.ops.Reachability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline dlq list|show|replay TOPIC}: the dead letters of reports.dlq and sink.dlq. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Shows and replays dead letters (reports.dlq: refused by the processor; sink.dlq: refused by "
                + "Elasticsearch or the webhook).",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
public final class DlqCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name what to do: list, show or replay");
    }

    /** The broker options every dlq subcommand takes. */
    static final class Connection {
        @Option(names = "--bootstrap", description = "Kafka bootstrap servers (kafka.bootstrap).")
        String bootstrap;

        @Mixin
        ConfigOptions options;

        KafkaSettings kafka() {
            KafkaSettings k = KafkaSettings.from(options.source("kafka.bootstrap", bootstrap));
            Reachability.requireKafka(k, Reachability.WAIT);
            return k;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per dead letter (offset, key, stage, reason, time), then the counts by reason.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "TOPIC", description = "reports.dlq or sink.dlq")
        String topic;

        @Override
        public Integer call() {
            List<DeadLetter> letters = DeadLetterTopic.readAll(connection.kafka(), topic);
            boolean partitioned = letters.stream().anyMatch(d -> d.partition() != 0);
            for (DeadLetter d : letters) {
                System.out.println((partitioned ? d.partition() + ":" : "") + d.offset() + "\t" + d.keyText() + "\t" + d.stage()
                        + "\t" + d.reason() + "\t" + d.time().truncatedTo(ChronoUnit.SECONDS)
                        + (d.carriesReplayMark() ? "\t(a replay)" : ""));
            }
            Map<String, Integer> counts = DeadLetterTopic.countByReason(letters);
            StringBuilder b = new StringBuilder(topic + ": " + letters.size() + " dead letter(s)");
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> b.append(b.indexOf(" — ") < 0 ? " — " : ", ").append(e.getKey()).append(' ').append(e.getValue()));
            System.out.println(b);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One dead letter in full: position, time, key, headers and the value as text.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Parameters(index = "1", paramLabel = "OFFSET")
        long offset;

        @Option(names = "--partition", defaultValue = "0", description = "Partition of the dead letter (default 0).")
        int partition;

        @Override
        public Integer call() {
            DeadLetter d = DeadLetterTopic.readOne(connection.kafka(), topic, partition, offset).orElse(null);
            if (d == null) {
                System.err.println("pipeline dlq show: no record at " + topic + "-" + partition + "@" + offset
                        + " (see pipeline dlq list " + topic + ")");
                return 2;
            }
            System.out.println("position: " + d.position(topic));
            System.out.println("time:     " + d.time());
            System.out.println("key:      " + d.keyText());
            System.out.println("source:   " + d.source().map(Object::toString).orElse("(unknown)"));
            System.out.println("headers:");
            for (Header h : d.headers()) {
                System.out.println("  " + h.key() + ": " + DeadLetter.headerText(h));
            }
            System.out.println("value (" + (d.value() == null ? 0 : d.value().length) + " bytes):");
            System.out.println(d.valueText());
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Sends dead letters back to the topic they came from (header rectify.dlq.source or "
                    + "__streams.errors.topic), with their key, marked rectify.dlq.replayed. A replay that fails again is "
                    + "not replayed again unless its value is replaced with --from-file.",
                    "Replaying the same dead letter twice sends it twice; the processor skips an unchanged version. "
                            + "Exit 1 when any dead letter was skipped (each is named with the reason)."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Option(names = "--all", description = "Every dead letter of the topic.")
        boolean all;

        @Option(names = "--reason", paramLabel = "R", description = "The dead letters with this reason.")
        String reason;

        @Option(names = "--offset", paramLabel = "N", description = "The dead letter at this offset.")
        Long offset;

        @Option(names = "--partition", defaultValue = "0", description = "Partition of --offset (default 0).")
        int partition;

        @Option(names = "--from-file", paramLabel = "FILE", description = "Replay the --offset dead letter with this value (the fixed record).")
        Path fromFile;

        @Override
        public Integer call() throws IOException {
            int chosen = (all ? 1 : 0) + (reason != null ? 1 : 0) + (offset != null ? 1 : 0);
            if (chosen != 1) {
                throw new IllegalArgumentException("choose what to replay with exactly one of --all, --reason R or --offset N");
            }
            if (fromFile != null && offset == null) {
                throw new IllegalArgumentException("--from-file replaces the value of one dead letter: choose it with --offset N");
            }
            byte[] fixed = null;
            if (fromFile != null) {
                if (!Files.isReadable(fromFile)) {
                    throw new IllegalArgumentException("--from-file " + fromFile + " cannot be read: give the path of the fixed record");
                }
                fixed = Files.readAllBytes(fromFile);
            }
            KafkaSettings kafka = connection.kafka();
            List<DeadLetter> letters;
            if (offset != null) {
                letters = DeadLetterTopic.readOne(kafka, topic, partition, offset).map(List::of).orElse(List.of());
                if (letters.isEmpty()) {
                    System.err.println("pipeline dlq replay: no record at " + topic + "-" + partition + "@" + offset
                            + " (see pipeline dlq list " + topic + ")");
                    return 2;
                }
            } else {
                letters = DeadLetterTopic.readAll(kafka, topic).stream()
                        .filter(d -> reason == null || reason.equals(d.reason())).toList();
            }
            DeadLetterReplay.Outcome o = new DeadLetterReplay(kafka, topic).replay(letters, fixed);
            o.sent().forEach(s -> System.out.println("replayed " + s));
            o.skipped().forEach(s -> System.out.println("skipped " + s));
            System.out.println("replay: " + o.sent().size() + " sent, " + o.skipped().size() + " skipped");
            return o.skipped().isEmpty() ? 0 : 1;
        }
    }
}
