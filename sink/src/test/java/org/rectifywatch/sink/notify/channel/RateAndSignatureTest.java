package org.rectifywatch.sink.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.rectifywatch.sink.notify.config.Rate;

/** The token bucket against the robot's own rule (no more than N in any window), and DingTalk's 加签. */
class RateAndSignatureTest {

    @Test
    void aGreedySenderNeverPutsMoreThanTheLimitIntoAnyWindowAndStillUsesMostOfIt() {
        AtomicLong now = new AtomicLong(0);
        TokenBucket bucket = new TokenBucket(new Rate(20, Duration.ofMinutes(1)), now::get);
        Deque<Long> window = new ArrayDeque<>();
        long sent = 0;
        int worst = 0;
        long step = Duration.ofMillis(50).toNanos();
        long end = Duration.ofMinutes(30).toNanos();
        for (long t = 0; t < end; t += step) {
            now.set(t);
            while (bucket.tryTake()) {
                sent++;
                window.addLast(t);
            }
            while (!window.isEmpty() && window.peekFirst() <= t - Duration.ofMinutes(1).toNanos()) {
                window.removeFirst();
            }
            worst = Math.max(worst, window.size());
        }
        assertThat(worst).as("messages in the fullest 60-s window").isLessThanOrEqualTo(20);
        // 30 minutes at 14 refills a minute: the limit is used, not wasted
        assertThat(sent).isBetween(30L * 13, 30L * 20);
    }

    @Test
    void aSenderRestartedAfterItsPredecessorSpentItsBurstStaysWithinTheLimit() {
        AtomicLong now = new AtomicLong(0);
        Rate rate = new Rate(20, Duration.ofMinutes(1));
        Deque<Long> window = new ArrayDeque<>();
        int worst = 0;
        long step = Duration.ofMillis(50).toNanos();
        for (long restartAt : new long[] {Duration.ofSeconds(3).toNanos(), Duration.ofSeconds(40).toNanos(),
                Duration.ofMinutes(3).toNanos()}) {
            window.clear();
            now.set(0);
            TokenBucket bucket = new TokenBucket(rate, now::get);
            for (long t = 0; t < Duration.ofMinutes(6).toNanos(); t += step) {
                now.set(t);
                if (t == restartAt) {
                    bucket = new TokenBucket(rate, now::get); // a new instance, as after a restart
                }
                while (bucket.tryTake()) {
                    window.addLast(t);
                }
                while (!window.isEmpty() && window.peekFirst() <= t - Duration.ofMinutes(1).toNanos()) {
                    window.removeFirst();
                }
                worst = Math.max(worst, window.size());
            }
        }
        assertThat(worst).as("messages in the fullest 60-s window across a restart").isLessThanOrEqualTo(20);
    }

    @Test
    void tellsHowLongUntilTheNextToken() {
        AtomicLong now = new AtomicLong(0);
        TokenBucket bucket = new TokenBucket(new Rate(20, Duration.ofMinutes(1)), now::get);
        assertThat(bucket.tryTake()).as("it starts empty").isFalse();
        long wait = bucket.nanosUntilToken();
        assertThat(wait).isBetween(Duration.ofSeconds(4).toNanos(), Duration.ofSeconds(5).toNanos());
        now.set(wait);
        assertThat(bucket.tryTake()).isTrue();
    }

    @Test
    void dingTalkSignatureIsTheUrlEncodedBase64HmacOfTimestampNewlineSecret() {
        // computed independently: base64(hmac_sha256(key=secret, msg="1700000000000\nSEC0123456789abcdef")), URL-encoded
        assertThat(RobotSigner.dingTalkSign("SEC0123456789abcdef", 1_700_000_000_000L))
                .isEqualTo("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
        assertThat(RobotSigner.signedDingTalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t", "SEC0123456789abcdef",
                1_700_000_000_000L)).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000"
                + "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D");
    }

    @Test
    void rateIsACountPerWindow() {
        assertThat(Rate.parse("k", "20")).isEqualTo(new Rate(20, Duration.ofMinutes(1)));
        assertThat(Rate.parse("k", "100/1h")).isEqualTo(new Rate(100, Duration.ofHours(1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rate.parse("sink.webhook.rate", "fast"))
                .hasMessageContaining("sink.webhook.rate").hasMessageContaining("RECTIFY_SINK_WEBHOOK_RATE").hasMessageContaining("20/1m");
    }
}
