package org.rectifywatch.processor.segment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A pure predicate over sentences with its answers remembered per thread (so without locks), up to a bound after which
 * they are forgotten at once: what is asked again is asked within one report.
 */
final class SentenceAnswers {
    private static final int BOUND = 4096;
    private final Predicate<String> predicate;
    private final ThreadLocal<Map<String, Boolean>> answers = ThreadLocal.withInitial(HashMap::new);

    SentenceAnswers(Predicate<String> predicate) {
        this.predicate = predicate;
    }

    boolean test(String sentence) {
        Map<String, Boolean> known = answers.get();
        Boolean answer = known.get(sentence);
        if (answer == null) {
            answer = predicate.test(sentence);
            if (known.size() >= BOUND) {
                known.clear();
            }
            known.put(sentence, answer);
        }
        return answer;
    }
}
