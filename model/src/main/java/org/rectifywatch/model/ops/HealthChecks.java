package org.rectifywatch.model.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A service's named liveness and readiness checks. Live: every internal thread the service depends on is alive
 * (a dead one needs a restart). Ready: the service does its job now (it may recover by itself).
 */
public final class HealthChecks {
    private final List<Check> live = new CopyOnWriteArrayList<>();
    private final List<Check> ready = new CopyOnWriteArrayList<>();

    /** One named check; a check that throws counts as failing. */
    public record Check(String name, BooleanSupplier ok) {
    }

    /** The outcome of a set of checks: up when every check passed. */
    public record Status(boolean up, Map<String, Boolean> checks) {
        public String json() {
            StringBuilder b = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":{");
            String sep = "";
            for (Map.Entry<String, Boolean> e : checks.entrySet()) {
                b.append(sep).append('"').append(e.getKey().replace("\"", "'")).append("\":\"")
                        .append(e.getValue() ? "UP" : "DOWN").append('"');
                sep = ",";
            }
            return b.append("}}").toString();
        }
    }

    public HealthChecks live(String name, BooleanSupplier ok) {
        live.add(new Check(name, ok));
        return this;
    }

    public HealthChecks ready(String name, BooleanSupplier ok) {
        ready.add(new Check(name, ok));
        return this;
    }

    public Status liveness() {
        return evaluate(live);
    }

    public Status readiness() {
        return evaluate(ready);
    }

    private static Status evaluate(List<Check> checks) {
        Map<String, Boolean> results = new LinkedHashMap<>();
        boolean up = true;
        for (Check c : checks) {
            boolean ok;
            try {
                ok = c.ok().getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            results.put(c.name(), ok);
            up &= ok;
        }
        return new Status(up, results);
    }

    private static final java.util.concurrent.ExecutorService PROBES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-probe");
        t.setDaemon(true);
        return t;
    });

    /** A check that fails when it takes longer than {@code limit} (a probe of a remote service that hangs). */
    public static BooleanSupplier within(java.time.Duration limit, BooleanSupplier check) {
        return () -> {
            java.util.concurrent.Future<Boolean> f = PROBES.submit(check::getAsBoolean);
            try {
                return f.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                f.cancel(true);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** A check that a thread is alive; false before the thread exists. */
    public static BooleanSupplier alive(java.util.function.Supplier<Thread> thread) {
        return () -> {
            Thread t = thread.get();
            return t != null && t.isAlive();
        };
    }
}
