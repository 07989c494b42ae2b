package org.rectifywatch.processor.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.rectifywatch.processor.parse.DateText;
import org.rectifywatch.processor.parse.ReportText;

/**
 * Builds the heading outline of a report in one pass and selects the issues: the finest headings that state a
 * feedback problem. A problem heading whose sub-items are problems becomes part of their path; sub-items that
 * are rectification actions belong to the rectification text of their parent.
 */
public final class IssueSegmenter {

    private static final class Node {
        final HeadingLine h;
        final List<Node> children = new ArrayList<>();
        Node parent;
        int last;
        boolean excluded;
        /** The next line starts with 整改情况: — the heading states the problem being answered. */
        boolean markerFollows;
        Boolean problem;
        /** Set for a row of a rectification table: the issue comes whole from its cells. */
        TableRows.Row row;
        /** The item of a later section that answers this problem, when problems and answers are listed apart. */
        Node answer;
        /** Whether this heading states one problem answered item by item with actions (computed once). */
        Boolean answeredByActions;
        /** A 整改情况: line (or inline marker) has opened this heading's answer: numbered items below are actions. */
        boolean answerOpened;
        /** The heading is an item of such an answer. */
        boolean inAnswer;

        Node(HeadingLine h) {
            this.h = h;
            this.last = h.index();
        }
    }

    /** Segments lines {@code from} (inclusive) to {@code to} (exclusive) of the text. */
    public List<SegmentedIssue> segment(ReportText text, int from, int to) {
        List<Node> roots = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        TableRows.Layout table = null;
        int[] nextContent = nextContentIndex(text, from, to);
        for (int i = from; i < to; i++) {
            if (!text.isContent(i)) {
                continue;
            }
            String line = text.line(i);
            if (SectionKinds.isClosingLine(line) || DateText.DATE_LINE.matcher(line).lookingAt()) {
                break;
            }
            int following = nextContent[i];
            if (following >= 0 && line.length() <= 40 && !ProblemText.hasClausePunctuation(line)
                    && DateText.DATE_LINE.matcher(text.line(following)).lookingAt()) {
                break; // the signature line above the closing date
            }
            if (SectionKinds.isClosingParagraph(line) && HeadingDetector.detect(line, i) == null) {
                stack.clear();
                continue;
            }
            TableRows.Layout header = TableRows.header(line);
            if (header != null) {
                table = header;
                continue;
            }
            if (table != null) {
                TableRows.Row row = TableRows.row(line, table);
                if (row != null) {
                    while (!stack.isEmpty() && stack.peek().row != null) {
                        stack.pop();
                    }
                    Node node = new Node(new HeadingLine(HeadingStyle.BARE, row.seq(), row.problem(), row.problem(), i));
                    node.row = row;
                    node.problem = true;
                    if (stack.isEmpty()) {
                        roots.add(node);
                    } else {
                        stack.peek().children.add(node);
                    }
                    for (Node n : stack) {
                        n.last = i;
                    }
                    stack.push(node);
                    continue;
                }
                table = null;
                while (!stack.isEmpty() && stack.peek().row != null) {
                    stack.pop();
                }
            }
            HeadingLine h = HeadingDetector.detect(line, i);
            boolean marker = h == null && HeadingDetector.isRectificationMarker(line);
            if (h == null && !marker) {
                int next = nextContent[i];
                if (HeadingDetector.isLabelledProblem(line)
                        || (line.length() <= 300 && next >= 0 && HeadingDetector.isRectificationMarker(text.line(next)))
                        || (HeadingDetector.quotedProblemParagraph(line) != null && !insideProblem(stack))) {
                    h = HeadingDetector.bare(line, i);
                }
            }
            if (h == null) {
                if (marker && !stack.isEmpty()) {
                    stack.peek().answerOpened = true;
                }
                for (Node n : stack) {
                    n.last = i;
                }
                continue;
            }
            while (!stack.isEmpty() && stack.peek().h.style().rank >= h.style().rank) {
                stack.pop();
            }
            Node node = new Node(h);
            int next = nextContent[i];
            node.markerFollows = next >= 0 && HeadingDetector.isRectificationMarker(text.line(next));
            boolean top = stack.isEmpty();
            node.excluded = SectionKinds.holdsNoIssues(ProblemText.firstSentence(h.title()), top,
                    ProblemText.isExplicit(ProblemText.firstSentence(h.title())));
            if (top) {
                roots.add(node);
            } else {
                node.parent = stack.peek();
                node.inAnswer = node.parent.answerOpened || node.parent.inAnswer
                        || HeadingDetector.isRectificationMarker(ProblemText.inlineRest(node.parent.h.title()));
                stack.peek().children.add(node);
            }
            for (Node n : stack) {
                n.last = i;
            }
            stack.push(node);
        }
        alignNumberedProblems(roots);
        pairListsKeptApart(roots);
        List<SegmentedIssue> issues = new ArrayList<>();
        for (Node root : roots) {
            collect(root, new ArrayList<>(), text, issues);
        }
        return issues;
    }

    /**
     * Within a heading that states a problem itself, a quoted-problem paragraph is part of its answer. (A bare
     * problem line on the stack is a sibling the new paragraph replaces, not its parent.)
     */
    private static boolean insideProblem(Deque<Node> stack) {
        for (Node n : stack) {
            if (n.row != null || n.excluded || n.h.style() == HeadingStyle.BARE) {
                continue;
            }
            if (ProblemText.readsAsProblem(ProblemText.firstSentence(n.h.title()))) {
                return true;
            }
        }
        return false;
    }

    private static int[] nextContentIndex(ReportText text, int from, int to) {
        int[] next = new int[Math.max(to, 0) + 1];
        int upcoming = -1;
        for (int i = to - 1; i >= from; i--) {
            next[i] = upcoming;
            if (text.isContent(i)) {
                upcoming = i;
            }
        }
        return next;
    }

    private void collect(Node node, List<String> path, ReportText text, List<SegmentedIssue> out) {
        if (node.excluded) {
            return;
        }
        if (isProblem(node) && !hasProblemBelow(node)) {
            out.add(toIssue(node, path, text));
            return;
        }
        List<String> childPath = new ArrayList<>(path);
        childPath.add(node.h.heading());
        for (Node child : node.children) {
            collect(child, childPath, text, out);
        }
    }

    /**
     * Numbered items of one style at one depth of the outline are of one kind, across groups too (numbering often
     * runs straight through 1..N over the groups): when most of them state problems, an item that is answered by
     * text and does not open with a rectification verb is a problem too, even if its wording has no shortcoming
     * word the lexicon knows (…决策部署“最后一公里”梗阻). Items under a heading that is itself an issue are its
     * rectification actions and take no part.
     */
    private void alignNumberedProblems(List<Node> roots) {
        java.util.Map<String, List<Node>> cohorts = new java.util.HashMap<>();
        for (Node root : roots) {
            gatherCohorts(root, 1, cohorts);
        }
        for (List<Node> cohort : cohorts.values()) {
            int problems = 0;
            for (Node n : cohort) {
                if (isProblem(n) || hasProblemBelow(n)) {
                    problems++;
                }
            }
            if (problems < 3 || problems * 3 < cohort.size() * 2 || problems == cohort.size()) {
                continue;
            }
            for (Node n : cohort) {
                if (isProblem(n) || hasProblemBelow(n)) {
                    continue;
                }
                String first = ProblemText.firstSentence(n.h.title());
                boolean answered = n.last > n.h.index() || !ProblemText.inlineRest(n.h.title()).isEmpty();
                if (answered && !first.isEmpty() && !ProblemText.readsAsAction(first)) {
                    n.problem = true;
                }
            }
        }
    }

    /**
     * 一、巡察反馈的问题 1.… 2.… 3.… then 二、整改落实情况 1.… 2.… 3.…: the problems listed without any answer, and a
     * later section answering them item by item in the same numbering. Each problem gets the same-numbered item
     * as its rectification text.
     */
    private void pairListsKeptApart(List<Node> roots) {
        for (int a = 0; a < roots.size(); a++) {
            List<Node> problems = roots.get(a).children;
            if (roots.get(a).excluded || problems.size() < 2 || !problems.stream().allMatch(this::isUnansweredIssue)) {
                continue;
            }
            for (int b = a + 1; b < roots.size(); b++) {
                List<Node> answers = roots.get(b).children;
                if (answers.size() == problems.size() && sameNumbering(problems, answers)
                        && answers.stream().noneMatch(n -> isProblem(n) || hasProblemBelow(n))) {
                    for (int k = 0; k < problems.size(); k++) {
                        problems.get(k).answer = answers.get(k);
                    }
                    break;
                }
            }
        }
    }

    private boolean isUnansweredIssue(Node n) {
        return !n.excluded && n.row == null && isProblem(n) && !hasProblemBelow(n) && n.last == n.h.index()
                && ProblemText.inlineRest(n.h.title()).isEmpty();
    }

    private static boolean sameNumbering(List<Node> x, List<Node> y) {
        for (int k = 0; k < x.size(); k++) {
            if (x.get(k).h.style() != y.get(k).h.style() || !java.util.Objects.equals(x.get(k).h.label(), y.get(k).h.label())) {
                return false;
            }
        }
        return true;
    }

    private void gatherCohorts(Node node, int depth, java.util.Map<String, List<Node>> cohorts) {
        if (node.excluded || (isProblem(node) && !hasProblemBelow(node))) {
            return; // an issue: its numbered sub-items are actions
        }
        for (Node child : node.children) {
            if (!child.excluded) {
                cohorts.computeIfAbsent(depth + ":" + child.h.style(), k -> new ArrayList<>()).add(child);
                gatherCohorts(child, depth + 1, cohorts);
            }
        }
    }

    private boolean hasProblemBelow(Node node) {
        for (Node child : node.children) {
            if (!child.excluded && (isProblem(child) || hasProblemBelow(child))) {
                return true;
            }
        }
        return false;
    }

    private boolean isProblem(Node node) {
        if (node.inAnswer) {
            return false; // an item under 整改情况: is an action, whatever shortcoming it names
        }
        if (node.problem == null) {
            String first = ProblemText.firstSentence(node.h.title());
            node.problem = switch (node.h.style()) {
                case BARE -> true;
                // 一是/二是 items are usually actions; they state sub-problems when a rectification marker answers them
                case ENUMERATION -> ProblemText.isExplicit(first)
                        || answeredByMarker(node) && ProblemText.readsAsProblem(first);
                default -> underOneProblemWithActions(node) ? ProblemText.isExplicit(first)
                        : answeredByMarker(node) && !ProblemText.readsAsAction(first) || ProblemText.readsAsProblem(first);
            };
        }
        return node.problem;
    }

    /**
     * "一、关于党风廉政建设主体责任落实不到位的问题" followed by (一)制定… (二)建立… (三)严肃问责,对…不力的23名干部
     * 进行了问责: a heading that states one problem, answered item by item with what was done. Once one of the
     * items is plainly an action, the others are actions too, even where they name the shortcoming they answer;
     * only an item in the explicit problem form is a sub-problem. (A group heading such as 关于…方面的问题 holds
     * problems and is not meant.)
     */
    private static boolean underOneProblemWithActions(Node node) {
        Node parent = node.parent;
        if (parent == null || parent.excluded || parent.row != null) {
            return false;
        }
        if (parent.answeredByActions == null) {
            parent.answeredByActions = answeredByActions(parent);
        }
        return parent.answeredByActions;
    }

    private static boolean answeredByActions(Node parent) {
        String title = HeadingDetector.stripEnd(ProblemText.firstSentence(parent.h.title()));
        if (!title.endsWith("问题") || title.endsWith("方面问题") || title.endsWith("方面的问题")
                || !ProblemText.isExplicit(title) || !ProblemText.inlineRest(parent.h.title()).isEmpty()) {
            return false;
        }
        for (Node sibling : parent.children) {
            String first = ProblemText.firstSentence(sibling.h.title());
            if (ProblemText.readsAsAction(first) && !ProblemText.readsAsProblem(first)) {
                return true;
            }
        }
        return false;
    }

    /** The heading is answered by 整改情况: — on the next line, or inline right after its first sentence. */
    private static boolean answeredByMarker(Node node) {
        String inline = ProblemText.inlineRest(node.h.title());
        return inline.isEmpty() ? node.markerFollows : HeadingDetector.isRectificationMarker(inline);
    }

    private SegmentedIssue toIssue(Node node, List<String> path, ReportText text) {
        HeadingLine h = node.h;
        if (node.row != null) {
            return new SegmentedIssue(h.label(), List.copyOf(path), ProblemText.problemOf(node.row.problem()), h.index(),
                    h.index(), node.row.rectification());
        }
        String problem;
        StringBuilder rect = new StringBuilder();
        String[] quoted = h.style() == HeadingStyle.BARE ? HeadingDetector.quotedProblemParagraph(h.title()) : null;
        if (quoted != null) {
            problem = ProblemText.problemOf(quoted[0]);
            rect.append(HeadingDetector.stripMarker(quoted[1]));
        } else if (h.style() == HeadingStyle.BARE && !HeadingDetector.isLabelledProblem(h.title())) {
            problem = ProblemText.problemOf(h.title());
        } else {
            problem = ProblemText.problemOf(ProblemText.firstSentence(h.title()));
            String inline = ProblemText.inlineRest(h.title());
            if (!inline.isEmpty()) {
                rect.append(HeadingDetector.stripMarker(inline));
            }
        }
        if (node.answer != null) {
            rect.append(HeadingDetector.stripMarker(node.answer.h.title()));
            appendLines(text, node.answer.h.index() + 1, node.answer.last, rect);
        }
        appendLines(text, h.index() + 1, node.last, rect);
        return new SegmentedIssue(h.label(), List.copyOf(path), problem, h.index(), node.last, rect.toString());
    }

    private static void appendLines(ReportText text, int from, int last, StringBuilder rect) {
        for (int i = from; i <= last; i++) {
            if (!text.isContent(i)) {
                continue;
            }
            String body = HeadingDetector.stripMarker(text.line(i));
            if (body.isEmpty()) {
                continue;
            }
            if (rect.length() > 0) {
                rect.append('\n');
            }
            rect.append(body);
        }
    }
}
