package org.rectifywatch.model.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.rectifywatch.model.config.ConfigSource;

/**
 * Health checks, a metrics registry and the server that shows both, for one long-running service. The service's
 * existing counters are bound as function counters (read when scraped), not rewritten.
 */
public final class ServiceOps implements AutoCloseable {
    private final String service;
    private final HealthSettings settings;
    private final HealthChecks checks = new HealthChecks();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private HealthServer server;

    public ServiceOps(String service, HealthSettings settings) {
        this.service = service;
        this.settings = settings;
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    public static ServiceOps from(String service, ConfigSource config) {
        return new ServiceOps(service, HealthSettings.from(config));
    }

    public HealthChecks checks() {
        return checks;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A monotonic count read from an existing counter, e.g. {@code rectify.reports.parsed} → {@code rectify_reports_parsed_total}. */
    public ServiceOps counter(String name, String description, AtomicLong counter) {
        FunctionCounter.builder(name, counter, AtomicLong::get).description(description).register(registry);
        return this;
    }

    public <T> ServiceOps counter(String name, String description, T source, ToDoubleFunction<T> read) {
        FunctionCounter.builder(name, source, read).description(description).register(registry);
        return this;
    }

    /** A timer read from an existing count and total time in nanoseconds (e.g. bulk requests and their time). */
    public <T> ServiceOps timer(String name, String description, T source, ToDoubleFunction<T> count, ToDoubleFunction<T> totalNanos) {
        FunctionTimer.builder(name, source, t -> (long) count.applyAsDouble(t), totalNanos, TimeUnit.NANOSECONDS)
                .description(description).register(registry);
        return this;
    }

    public <T> ServiceOps gauge(String name, String description, T source, ToDoubleFunction<T> read) {
        Gauge.builder(name, source, read).description(description).strongReference(true).register(registry);
        return this;
    }

    /** Starts serving (no-op when {@code health.port=-1}); the port actually bound, or -1. */
    public synchronized int start() {
        if (server == null) {
            server = HealthServer.start(settings, checks, registry);
        }
        return server == null ? HealthSettings.OFF : server.port();
    }

    public String service() {
        return service;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        registry.close();
    }
}
