package org.rectifywatch.app.dlq;

import java.util.Optional;

/** A record's place on its topic; written by the pipeline as {@code topic-partition@offset}. */
public record SourcePosition(String topic, int partition, long offset) {

    public static Optional<SourcePosition> parse(String text) {
        int at = text.lastIndexOf('@');
        int dash = at < 0 ? -1 : text.lastIndexOf('-', at);
        if (at < 0 || dash <= 0) {
            return text.isBlank() ? Optional.empty() : Optional.of(new SourcePosition(text.strip(), -1, -1));
        }
        try {
            return Optional.of(new SourcePosition(text.substring(0, dash), Integer.parseInt(text.substring(dash + 1, at)),
                    Long.parseLong(text.substring(at + 1))));
        } catch (NumberFormatException e) {
            return Optional.of(new SourcePosition(text.substring(0, dash), -1, -1));
        }
    }

    public boolean known() {
        return partition >= 0 && offset >= 0;
    }

    @Override
    public String toString() {
        return known() ? topic + "-" + partition + "@" + offset : topic;
    }
}
