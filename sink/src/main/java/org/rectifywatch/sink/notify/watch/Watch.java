package org.rectifywatch.sink.notify.watch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;

/**
 * A user's standing interest in new publications: every criterion given must hold (within one criterion any listed
 * value will do); an empty criterion is no restriction. Reports carry no pillar, so a watch with pillars matches
 * issues and alerts only; alerts carry no report kind, so that criterion does not restrict them; alerts are
 * watched only when {@code alertKinds} names some.
 */
public record Watch(String name, List<String> provinces, Pattern unit, List<String> topics, List<String> pillars,
                    List<String> keywords, List<String> reportKinds, Set<AlertKind> alertKinds, List<String> channels) {

    public boolean matches(ReportRecord r) {
        ReportMeta m = r.meta();
        if (m == null || !pillars.isEmpty()) {
            return false;
        }
        Map<String, Integer> topicCounts = r.topicCounts() == null ? Map.of() : r.topicCounts();
        return province(m.provinceHint()) && unit(m.target()) && anyOf(reportKinds, m.reportKind())
                && (topics.isEmpty() || topics.stream().anyMatch(t -> topicCounts.getOrDefault(t, 0) > 0))
                && (keywords.isEmpty() || keywords.stream().anyMatch(k -> contains(r.title(), k) || contains(m.title(), k)));
    }

    public boolean matches(IssueRecord i) {
        return province(i.provinceHint()) && unit(i.target()) && anyOf(reportKinds, i.reportKind())
                && (topics.isEmpty() || topics.contains(i.topic()) || (i.topic2() != null && topics.contains(i.topic2())))
                && anyOf(pillars, i.pillar())
                && (keywords.isEmpty() || keywords.stream().anyMatch(k -> contains(i.problem(), k) || contains(i.rectification(), k)
                        || (i.keywords() != null && i.keywords().contains(k))));
    }

    public boolean matches(AlertRecord a) {
        return alertKinds.contains(a.kind()) && province(a.provinceHint()) && unit(a.target()) && anyOf(topics, a.topic())
                && anyOf(pillars, a.pillar()) && (keywords.isEmpty() || keywords.stream().anyMatch(k -> contains(a.problem(), k)));
    }

    /** 河南 matches 河南省 and the other way round. */
    private boolean province(String value) {
        return provinces.isEmpty() || (value != null && provinces.stream().anyMatch(p -> value.startsWith(p) || p.startsWith(value)));
    }

    private boolean unit(String target) {
        return unit == null || (target != null && unit.matcher(target).find());
    }

    private static boolean anyOf(List<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    private static boolean contains(String text, String k) {
        return text != null && text.contains(k);
    }
}
