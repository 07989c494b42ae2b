package org.rectifywatch.sink.notify.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertState;

/**
 * Which alert events are pushed to the alert channels: a set of {@code kind:state}. Every alert is indexed either
 * way; by default {@code rectification_overdue} (many per late report, useful on a dashboard) is not pushed, and of
 * the other two kinds only the raise and the resolution are.
 */
public record AlertPolicy(Set<String> pushed) {
    public static final String KEY = "sink.notify.push";
    public static final String DEFAULT = "commitment_overdue:raised,commitment_overdue:resolved,report_overdue:raised,report_overdue:resolved";

    public boolean pushes(AlertKind kind, AlertState state) {
        return kind != null && state != null && pushed.contains(kind + ":" + state);
    }

    /**
     * A comma list of {@code kind:state}, {@code kind} (every state), {@code *:state}, {@code all} or {@code none}.
     */
    public static AlertPolicy parse(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value.isBlank() || value.trim().equalsIgnoreCase("none")) {
            return new AlertPolicy(Set.of());
        }
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            String[] ks = p.split(":", 2);
            List<AlertKind> kinds = new ArrayList<>();
            List<AlertState> states = new ArrayList<>();
            try {
                if (ks[0].equals("all") || ks[0].equals("*")) {
                    kinds.addAll(EnumSet.allOf(AlertKind.class));
                } else {
                    kinds.add(AlertKind.valueOf(ks[0]));
                }
                if (ks.length == 1 || ks[1].equals("*")) {
                    states.addAll(EnumSet.allOf(AlertState.class));
                } else {
                    states.add(AlertState.valueOf(ks[1]));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("configuration " + KEY + " (env " + ConfigSource.envName(KEY) + ") has '" + part.trim()
                        + "' but each entry must be kind:state with kind one of " + EnumSet.allOf(AlertKind.class) + " (or *) and state one of "
                        + EnumSet.allOf(AlertState.class) + " (or *), or all / none");
            }
            kinds.forEach(k -> states.forEach(s -> out.add(k + ":" + s)));
        }
        return new AlertPolicy(Set.copyOf(out));
    }
}
