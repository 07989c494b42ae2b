package org.rectifywatch.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void theHeartbeatIsASixthOfTheSessionSoASurvivorHearsOfALostMemberWithinASecondAtTheMinimumSession() {
        assertThat(KafkaSettings.heartbeatIntervalMs(Duration.ofSeconds(6))).isEqualTo(1_000);
        assertThat(KafkaSettings.heartbeatIntervalMs(Duration.ofSeconds(30))).isEqualTo(5_000);
    }

    @Test
    void theHeartbeatStaysWellInsideTheSessionForEveryTimeoutTheBrokerAccepts() {
        // the broker accepts 6 s to 30 min by default; the client needs heartbeats below the session timeout
        for (long ms = 6_000; ms <= 1_800_000; ms += 997) {
            long heartbeat = KafkaSettings.heartbeatIntervalMs(Duration.ofMillis(ms));
            assertThat(heartbeat).as("heartbeat for a %d ms session", ms).isBetween(500L, ms / 3);
        }
    }
}
