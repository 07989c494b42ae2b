package org.rectifywatch.model.ops;

/** Kafka or Elasticsearch did not answer at start; the message is one sentence naming the address and the fix. */
public final class UnreachableException extends RuntimeException {
    public UnreachableException(String message) {
        super(message);
    }
}
