package org.rectifywatch.processor.classify;

import java.util.List;

/**
 * The classifier's verdict on one problem statement: topic and optional second topic (taxonomy codes), the
 * pillar that follows from the topic (D/S/O/R), the probability of the topic, and the terms that decided it.
 * An empty or non-Chinese problem gives {@link #NONE}: all null, confidence 0.
 */
public record Classification(String topic, String topic2, String pillar, double confidence, List<String> terms) {
    public static final Classification NONE = new Classification(null, null, null, 0.0, List.of());

    public Classification {
        terms = List.copyOf(terms);
    }
}
