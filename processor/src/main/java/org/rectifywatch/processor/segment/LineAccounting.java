package org.rectifywatch.processor.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.processor.parse.ReportText;

/**
 * Step 3: accounting. Every content line of the body ends in one place — an issue (problem or rectification), a
 * section that holds no issues, a group's lead, the opening or the closing — or it is named in a warning: an item
 * of a problem run that did not become an issue, an item among issues that is neither issue nor group, a gap in
 * the source's own numbering, a problem-like heading after the point where the closing part seemed to begin.
 * Only report-level lines (everything but issue text and the text of warned items) may give report-wide figures.
 */
final class LineAccounting {
    private static final int SHOWN = 40;

    private final ReportText text;
    private final IssueSegmenter.Outline outline;
    private final Predicate<OutlineNode> hasProblemBelow;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final boolean[] reportLevel;

    LineAccounting(ReportText text, int from, int to, IssueSegmenter.Outline outline,
                   Predicate<OutlineNode> hasProblemBelow) {
        this.text = text;
        this.outline = outline;
        this.hasProblemBelow = hasProblemBelow;
        this.reportLevel = new boolean[text.size()];
        for (OutlineNode root : outline.roots()) {
            visit(root, false);
        }
        numberingGaps(outline.roots());
        afterClosing(to);
        for (int i = 0; i < text.size(); i++) {
            OutlineNode owner = outline.owner()[i];
            reportLevel[i] = owner == null || isReportLevel(owner);
        }
    }

    List<ParseWarning> warnings() {
        return List.copyOf(warnings);
    }

    boolean[] reportLevel() {
        return reportLevel;
    }

    /** Warned nodes are remembered by their line to keep their text out of report-level text. */
    private final java.util.Set<OutlineNode> warned = new java.util.HashSet<>();

    private void visit(OutlineNode node, boolean insideIssue) {
        if (node.excluded) {
            return;
        }
        boolean issue = insideIssue || node.issue || node.isAnswer;
        if (insideIssue && node.inProblemRun && !node.inAnswer) {
            // an item of a run of problems that ended up inside another issue's text: it may be a swallowed issue
            warnings.add(ParseWarning.at(WarningCode.ITEM_NOT_AN_ISSUE, node.line() + 1, "item " + quote(node)
                    + " stands in a run of problem items but was read as part of the issue above it"));
        } else if (!issue && !hasProblemBelow.test(node)) {
            String why = unassignedReason(node);
            if (why != null) {
                warned.add(node);
                warnings.add(ParseWarning.at(node.inProblemRun ? WarningCode.ITEM_NOT_AN_ISSUE : WarningCode.UNASSIGNED_LINE,
                        node.line() + 1, why));
            }
        }
        for (OutlineNode child : node.children) {
            visit(child, issue);
        }
    }

    /** Why a node that is neither issue nor group may hold a lost issue, or null when it is ordinary text. */
    private String unassignedReason(OutlineNode node) {
        String item = "item " + quote(node);
        if (node.inProblemRun) {
            return item + " stands in a run of problem items but was not taken as an issue ("
                    + (node.hasAnswerText() ? "it reads as an action" : "no rectification text follows it") + ")";
        }
        OutlineNode parent = node.parent;
        if (parent == null || node.inAnswer || !hasProblemBelow.test(parent)) {
            return null; // a section of its own, a lead-in, or an action of an answer
        }
        // after the first issue or group among its siblings: it interrupts a run of issues
        for (OutlineNode sibling : parent.children) {
            if (sibling == node) {
                return null;
            }
            if (sibling.issue || hasProblemBelow.test(sibling)) {
                return item + " stands among issues but is neither an issue nor a group of issues";
            }
        }
        return null;
    }

    /** Report-level unless inside an issue (whatever lies between) or inside a warned item outside any excluded section. */
    private boolean isReportLevel(OutlineNode owner) {
        boolean belowExcluded = false;
        for (OutlineNode n = owner; n != null; n = n.parent) {
            if (n.issue || n.isAnswer) {
                return false;
            }
            belowExcluded |= n.excluded;
            if (warned.contains(n) && !belowExcluded) {
                return false;
            }
        }
        return true;
    }

    /** A run of siblings of one style whose ordinal skips or repeats (5. after 3.). */
    private void numberingGaps(List<OutlineNode> siblings) {
        OutlineNode previous = null;
        for (OutlineNode n : siblings) {
            if (previous != null && previous.h.style() == n.h.style() && n.row == null) {
                int a = HeadingDetector.ordinalValue(previous.h);
                int b = HeadingDetector.ordinalValue(n.h);
                if (a > 0 && b > 0 && b != a + 1 && b != 1) {
                    warnings.add(ParseWarning.at(WarningCode.NUMBERING_GAP, n.line() + 1,
                            (b > a ? "numbering jumps from " + previous.h.label() + " to " + n.h.label()
                                    : "numbering goes back from " + previous.h.label() + " to " + n.h.label())
                                    + ": an item between them may not have been recognised (item "
                                    + quote(previous) + " at line " + (previous.line() + 1) + ")"));
                }
            }
            previous = n;
            numberingGaps(n.children);
        }
    }

    /** Problem-like headings after the line where the closing part was taken to begin. */
    private void afterClosing(int to) {
        int closing = outline.closingAt();
        if (closing < 0) {
            return;
        }
        for (int i = closing + 1; i < to; i++) {
            if (!text.isContent(i)) {
                continue;
            }
            String line = text.line(i);
            HeadingLine h = HeadingDetector.detect(line, i);
            boolean problemLike = h != null ? ProblemText.readsAsProblem(ProblemText.firstSentence(h.title()))
                    : HeadingDetector.isLabelledProblem(line);
            if (problemLike) {
                warnings.add(ParseWarning.at(WarningCode.UNASSIGNED_LINE, i + 1, "a problem-like item "
                        + shorten(line) + " comes after line " + (closing + 1)
                        + ", where the closing part seemed to begin; it was not read as an issue"));
            }
        }
    }

    private static String quote(OutlineNode node) {
        return shorten((node.h.label() == null ? "" : node.h.label() + " ") + node.h.title());
    }

    private static String shorten(String s) {
        return "「" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s) + "」";
    }
}
