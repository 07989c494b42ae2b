package org.rectifywatch.model.ops;

import org.rectifywatch.model.config.ConfigSource;

/**
 * Where a long-running service serves its health and metrics: {@code health.port} ({@code RECTIFY_HEALTH_PORT}),
 * 0 = an ephemeral port, -1 = off.
 */
public record HealthSettings(int port) {
    public static final String PORT_KEY = "health.port";
    public static final int OFF = -1;

    public HealthSettings {
        if (port < OFF || port > 65535) {
            throw new IllegalArgumentException(PORT_KEY + "=" + port + " is not a port: use 1-65535, 0 for a free port, "
                    + "or -1 to serve no health and metrics");
        }
    }

    public static HealthSettings from(ConfigSource c) {
        return new HealthSettings(c.integer(PORT_KEY, 0));
    }

    public boolean enabled() {
        return port != OFF;
    }
}
