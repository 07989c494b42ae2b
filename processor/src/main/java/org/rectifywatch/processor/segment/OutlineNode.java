package org.rectifywatch.processor.segment;

import java.util.ArrayList;
import java.util.List;

/** One heading of the report's outline with the lines it spans and what the role steps decided about it. */
final class OutlineNode {
    final HeadingLine h;
    final List<OutlineNode> children = new ArrayList<>();
    OutlineNode parent;
    /** Last line (0-based) of the node's span, its descendants included. */
    int last;
    boolean excluded;
    /** The next line starts with 整改情况: — the heading states the problem being answered. */
    boolean markerFollows;
    Boolean problem;
    /** Set for a row of a rectification table: the issue comes whole from its cells. */
    TableRows.Row row;
    /** The item of a later section that answers this problem, when problems and answers are listed apart. */
    OutlineNode answer;
    /** This node is the answer of a problem listed apart: its lines are that issue's text. */
    boolean isAnswer;
    /** Whether this heading states one problem answered item by item with actions (computed once). */
    Boolean answeredByActions;
    /** A 整改情况: line (or inline marker) has opened this heading's answer: numbered items below are actions. */
    boolean answerOpened;
    /** The heading is an item of such an answer. */
    boolean inAnswer;
    /** Its sibling run (same depth and style) mostly states problems. */
    boolean inProblemRun;
    /** Emitted as an issue. */
    boolean issue;

    OutlineNode(HeadingLine h) {
        this.h = h;
        this.last = h.index();
    }

    int line() {
        return h.index();
    }

    boolean hasAnswerText() {
        return last > h.index() || !ProblemText.inlineRest(h.title()).isEmpty();
    }

    OutlineNode root() {
        OutlineNode n = this;
        while (n.parent != null) {
            n = n.parent;
        }
        return n;
    }
}
