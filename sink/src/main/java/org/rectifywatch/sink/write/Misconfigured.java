package org.rectifywatch.sink.write;

/**
 * A fault no retry can cure (credentials, privileges, a missing index or alias, a URL that does not lead to
 * Elasticsearch): the sink stops with this one sentence naming the fix instead of pausing every partition forever.
 */
public final class Misconfigured extends RuntimeException {
    public Misconfigured(String sentence) {
        super(sentence, null, false, false);
    }
}
