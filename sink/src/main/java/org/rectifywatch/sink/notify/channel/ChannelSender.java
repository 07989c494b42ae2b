package org.rectifywatch.sink.notify.channel;

import org.rectifywatch.sink.notify.digest.Digest;

/** Delivers digests to one channel. */
public interface ChannelSender {
    /** One attempt; the digest id is sent as its idempotency key. */
    Outcome send(Digest digest) throws InterruptedException;

    /** The channel as it may appear in logs (secrets masked). */
    String describe();
}
