package org.rectifywatch.model.config;

import java.time.Duration;
import java.util.Properties;

/**
 * How every service reaches Kafka. Security settings come from configuration only (environment in
 * containers), never from code: {@code kafka.security.protocol} (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL),
 * {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}, and the TLS trust/key stores.
 */
public record KafkaSettings(
        String bootstrap,
        String securityProtocol,
        String saslMechanism,
        String saslJaasConfig,
        String truststoreLocation,
        String truststorePassword,
        String keystoreLocation,
        String keystorePassword) {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    public static KafkaSettings from(ConfigSource c) {
        return new KafkaSettings(
                c.string("kafka.bootstrap", DEFAULT_BOOTSTRAP),
                c.string("kafka.security.protocol", "PLAINTEXT"),
                c.string("kafka.sasl.mechanism", null),
                c.string("kafka.sasl.jaas.config", null),
                c.string("kafka.ssl.truststore.location", null),
                c.string("kafka.ssl.truststore.password", null),
                c.string("kafka.ssl.keystore.location", null),
                c.string("kafka.ssl.keystore.password", null));
    }

    public static KafkaSettings local(String bootstrap) {
        return new KafkaSettings(bootstrap, "PLAINTEXT", null, null, null, null, null, null);
    }

    /** Client properties common to producers, consumers, admin and Streams. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("security.protocol", securityProtocol);
        putIfSet(p, "sasl.mechanism", saslMechanism);
        putIfSet(p, "sasl.jaas.config", saslJaasConfig);
        putIfSet(p, "ssl.truststore.location", truststoreLocation);
        putIfSet(p, "ssl.truststore.password", truststorePassword);
        putIfSet(p, "ssl.keystore.location", keystoreLocation);
        putIfSet(p, "ssl.keystore.password", keystorePassword);
        return p;
    }

    /**
     * The heartbeat interval for a group member with this session timeout. The members that stay learn of a
     * rebalance on their next heartbeat, so a member that vanished is replaced after the session timeout plus up to
     * one interval: a sixth of the session (1 s at the 6 s minimum) instead of the usual third keeps a takeover
     * within the session timeout plus a second, for one small request a second per member.
     */
    public static long heartbeatIntervalMs(Duration sessionTimeout) {
        return Math.max(500, sessionTimeout.toMillis() / 6);
    }

    private static void putIfSet(Properties p, String k, String v) {
        if (v != null && !v.isBlank()) {
            p.put(k, v);
        }
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrap=" + bootstrap + ", securityProtocol=" + securityProtocol
                + (saslMechanism == null ? "" : ", saslMechanism=" + saslMechanism) + "]";
    }
}
