package org.rectifywatch.processor.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.processor.deadline.ProblemSimilarity;

/**
 * Issue ids that stay with the problem. Ids made from heading ordinals change when a parser finds one more item
 * above an issue, or an edit inserts one; these do not:
 * <ol>
 * <li>A problem seen before in the report keeps its id: each issue of the new version is matched to the previous
 *     version's issues by problem similarity (best pairs first, at least {@link ProblemSimilarity#SAME_PROBLEM}),
 *     so small edits of the wording keep the id too.</li>
 * <li>A new problem gets the report id plus a hash of the start of its normalised problem text (its anchor), so
 *     the same parse always gives the same ids; a second problem with the same anchor gets {@code #2}.</li>
 * </ol>
 * On a split the old id stays with the closer part and the other part is new; on a merge the merged issue keeps
 * the id of the closer old one and the other old id is deleted.
 */
public final class IssueIdentity {
    /** Characters of the normalised problem text that make its anchor. */
    static final int ANCHOR_CHARS = 24;
    /** Characters of the problem kept per issue to match the next version against. */
    static final int KEPT_CHARS = 160;

    private IssueIdentity() {
    }

    /** An issue id and the problem text it was last seen with (its start). */
    public record IssueRef(String id, String problem) {
    }

    public record Assignment(List<String> ids, List<IssueRef> refs) {
    }

    public static Assignment assign(String reportId, List<IssueRef> previous, List<Issue> issues) {
        int n = issues.size();
        String[] ids = new String[n];
        List<IssueRef> prev = previous == null ? List.of() : previous;
        record Pair(int issue, int old, double score) {
        }
        List<Pair> pairs = new ArrayList<>();
        // each problem normalised and split into bigrams once, not once per pair (a long report's new version
        // compares every issue with every issue of the last one)
        ProblemSimilarity.Shape[] prevShapes = new ProblemSimilarity.Shape[prev.size()];
        for (int i = 0; i < n; i++) {
            String p = kept(issues.get(i).problem());
            ProblemSimilarity.Shape shape = null;
            for (int j = 0; j < prev.size(); j++) {
                if (p.equals(prev.get(j).problem())) {
                    pairs.add(new Pair(i, j, 2 - Math.abs(i - j) * 1e-6));
                    continue;
                }
                shape = shape == null ? ProblemSimilarity.shape(p) : shape;
                if (prevShapes[j] == null) {
                    prevShapes[j] = ProblemSimilarity.shape(prev.get(j).problem());
                }
                double s = ProblemSimilarity.of(shape, prevShapes[j]);
                if (s >= ProblemSimilarity.SAME_PROBLEM) {
                    pairs.add(new Pair(i, j, s - Math.abs(i - j) * 1e-6)); // ties: the nearer position
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b.score(), a.score()));
        boolean[] oldTaken = new boolean[prev.size()];
        Set<String> used = new HashSet<>();
        for (Pair p : pairs) {
            if (ids[p.issue()] == null && !oldTaken[p.old()] && used.add(prev.get(p.old()).id())) {
                ids[p.issue()] = prev.get(p.old()).id();
                oldTaken[p.old()] = true;
            }
        }
        prev.forEach(r -> used.add(r.id())); // an old id that left is not given to another problem in this version
        for (int i = 0; i < n; i++) {
            if (ids[i] == null) {
                String base = reportId + "-" + anchor(issues.get(i).problem());
                String id = base;
                for (int k = 2; !used.add(id); k++) {
                    id = base + "#" + k;
                }
                ids[i] = id;
            }
        }
        List<IssueRef> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            refs.add(new IssueRef(ids[i], kept(issues.get(i).problem())));
        }
        return new Assignment(Arrays.asList(ids), List.copyOf(refs));
    }

    /** A short hash of the start of the normalised problem text. */
    static String anchor(String problem) {
        String norm = ProblemSimilarity.normalise(problem == null ? "" : problem);
        String start = norm.length() > ANCHOR_CHARS ? norm.substring(0, ANCHOR_CHARS) : norm;
        return ReportIds.sha256Hex(start).substring(0, 10);
    }

    private static String kept(String problem) {
        String p = problem == null ? "" : problem.strip();
        return p.length() > KEPT_CHARS ? p.substring(0, KEPT_CHARS) : p;
    }
}
