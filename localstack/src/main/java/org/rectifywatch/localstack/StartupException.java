package org.rectifywatch.localstack;

/** A local service could not start; the message is one sentence naming the cause and the fix. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
