package org.rectifywatch.processor.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the enclosing group headings of an issue say about it. Reports group their problems by the focuses
 * of political inspection (决策部署 / 全面从严治党 / 组织路线 / 上轮巡视整改), so a heading such as
 * “贯彻落实全面从严治党战略部署不到位” makes the S topics far more likely than the D topics for the problems
 * under it. Cues come from {@code path_cues.tsv}; the innermost heading counts fully, outer ones half.
 */
public final class PathContext {
    static final String RESOURCE = "path_cues.tsv";

    record Cue(Topic.Pillar pillar, String phrase, double weight) {
    }

    /** Pillar evidence of one path: a share per pillar (summing to 1 over D/S/O, or all 0) and the R weight. */
    public record Evidence(Map<Topic.Pillar, Double> shares, double rectification, List<String> cues) {
        static final Evidence NONE = new Evidence(Map.of(), 0, List.of());

        public double share(Topic.Pillar p) {
            return shares.getOrDefault(p, 0.0);
        }

        /** The group gathers findings of an earlier inspection, audit or campaign. */
        public boolean previousFindings() {
            return rectification >= 2;
        }
    }

    private final List<Cue> cues;
    private final String sha256;

    private PathContext(List<Cue> cues, String sha256) {
        this.cues = List.copyOf(cues);
        this.sha256 = sha256;
    }

    public static PathContext bundled() {
        String tsv = TrainingData.Resources.read(RESOURCE);
        List<Cue> cues = new ArrayList<>();
        for (TsvRows.Row row : TsvRows.of(tsv, RESOURCE, 3, "pillar<TAB>phrase<TAB>weight")) {
            String[] f = row.fields();
            cues.add(new Cue(Topic.Pillar.valueOf(f[0].strip()), TextNormalizer.normalize(f[1]),
                    Double.parseDouble(f[2].strip())));
        }
        return new PathContext(cues, TrainingData.Resources.sha256(tsv));
    }

    public String sha256() {
        return sha256;
    }

    public Evidence evaluate(List<String> path) {
        if (path == null || path.isEmpty()) {
            return Evidence.NONE;
        }
        Map<Topic.Pillar, Double> raw = new EnumMap<>(Topic.Pillar.class);
        List<String> found = new ArrayList<>();
        for (int level = 0; level < path.size(); level++) {
            String heading = TextNormalizer.normalize(path.get(level));
            double factor = level == path.size() - 1 ? 1.0 : 0.5;
            for (Cue cue : cues) {
                if (heading.contains(cue.phrase())) {
                    raw.merge(cue.pillar(), cue.weight() * factor, Double::sum);
                    found.add(cue.phrase());
                }
            }
        }
        double r = raw.getOrDefault(Topic.Pillar.R, 0.0);
        double dso = raw.getOrDefault(Topic.Pillar.D, 0.0) + raw.getOrDefault(Topic.Pillar.S, 0.0)
                + raw.getOrDefault(Topic.Pillar.O, 0.0);
        Map<Topic.Pillar, Double> shares = new EnumMap<>(Topic.Pillar.class);
        if (dso > 0) {
            for (Topic.Pillar p : List.of(Topic.Pillar.D, Topic.Pillar.S, Topic.Pillar.O)) {
                shares.put(p, raw.getOrDefault(p, 0.0) / dso);
            }
        }
        return new Evidence(shares, r, List.copyOf(found));
    }
}
