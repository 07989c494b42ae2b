package org.rectifywatch.sink.notify.channel;

/** What became of one delivery attempt, with a short explanation when it failed (never a secret). */
public record Outcome(Result result, String detail) {
    public enum Result {
        DELIVERED,
        /** Not now (an outage, a timeout, the receiver's rate limit): the same digest is tried again later. */
        RETRY,
        /** The receiver will never take it as configured (a wrong token, an unknown recipient). */
        REFUSED
    }

    public static final Outcome DELIVERED = new Outcome(Result.DELIVERED, null);

    public static Outcome retry(String detail) {
        return new Outcome(Result.RETRY, detail);
    }

    public static Outcome refused(String detail) {
        return new Outcome(Result.REFUSED, detail);
    }
}
