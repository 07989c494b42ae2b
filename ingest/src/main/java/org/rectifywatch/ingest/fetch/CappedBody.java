package org.rectifywatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a byte cap. Reading stops (the stream is cancelled) as soon as the cap is
 * passed, or before the first byte when Content-Length already announces more.
 *
 * @param bytes    the body, or null when it was too large
 * @param tooLarge true when the cap was passed
 * @param seen     bytes received (or announced) when reading stopped
 */
public record CappedBody(byte[] bytes, boolean tooLarge, long seen) {

    public static HttpResponse.BodyHandler<CappedBody> handler(long cap) {
        return info -> {
            long announced = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (announced > cap) {
                return new Subscriber(cap, announced);
            }
            return new Subscriber(cap, -1);
        };
    }

    /** One response as received: its status, headers and capped body. */
    public record Received(int status, java.net.http.HttpHeaders headers, CappedBody body) {
    }

    /**
     * Like {@link #handler(long)}, and completes {@code received} in the thread that completes the body. Waiting on it
     * instead of on {@code sendAsync}'s own future saves a hop: that one completes only after a further step on the
     * default async pool, which on a machine of one or two cores starts a new thread per response.
     */
    public static HttpResponse.BodyHandler<CappedBody> handler(long cap, CompletableFuture<Received> received) {
        HttpResponse.BodyHandler<CappedBody> inner = handler(cap);
        return info -> {
            HttpResponse.BodySubscriber<CappedBody> s = inner.apply(info);
            s.getBody().whenComplete((body, error) -> {
                if (error != null) {
                    received.completeExceptionally(error);
                } else {
                    received.complete(new Received(info.statusCode(), info.headers(), body));
                }
            });
            return s;
        };
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<CappedBody> {
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final long cap;
        private final long announcedTooLarge;
        private Flow.Subscription subscription;

        Subscriber(long cap, long announcedTooLarge) {
            this.cap = cap;
            this.announcedTooLarge = announcedTooLarge;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announcedTooLarge >= 0) {
                s.cancel();
                result.complete(new CappedBody(null, true, announcedTooLarge));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > cap) {
                    long seen = buffer.size() + (long) b.remaining();
                    subscription.cancel();
                    result.complete(new CappedBody(null, true, seen));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(buffer.toByteArray(), false, buffer.size()));
        }
    }
}
