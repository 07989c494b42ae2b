package org.rectifywatch.processor.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectifywatch.processor.parse.DateText;
import org.rectifywatch.processor.parse.ReportText;

/**
 * Builds the heading outline of a report in one pass and selects the issues: the finest headings that state a
 * feedback problem. A problem heading whose sub-items are problems becomes part of their path; sub-items that
 * are rectification actions belong to the rectification text of their parent.
 */
public final class IssueSegmenter {

    /** The outline of a body: top-level headings, the deepest heading open at each line, where the closing began. */
    record Outline(List<OutlineNode> roots, OutlineNode[] owner, int closingAt) {
    }

    /** Segments lines {@code from} (inclusive) to {@code to} (exclusive) of the text. */
    public Segmentation segment(ReportText text, int from, int to) {
        Outline outline = outline(text, from, to);
        decideRunRoles(outline.roots());
        pairListsKeptApart(outline.roots());
        List<SegmentedIssue> issues = new ArrayList<>();
        for (OutlineNode root : outline.roots()) {
            collect(root, new ArrayList<>(), text, issues);
        }
        LineAccounting accounting = new LineAccounting(text, from, to, outline, this::hasProblemBelow);
        return new Segmentation(List.copyOf(issues), accounting.warnings(), accounting.reportLevel());
    }

    /** Step 1: the heading outline, with every content line owned by the deepest heading open at it. */
    private Outline outline(ReportText text, int from, int to) {
        List<OutlineNode> roots = new ArrayList<>();
        Deque<OutlineNode> stack = new ArrayDeque<>();
        OutlineNode[] owner = new OutlineNode[text.size()];
        int closingAt = -1;
        TableRows.Layout table = null;
        Map<Integer, Integer> lastArabic = new java.util.HashMap<>(); // the last Arabic ordinal at each outline depth
        int[] nextContent = nextContentIndex(text, from, to);
        for (int i = from; i < to; i++) {
            if (!text.isContent(i)) {
                continue;
            }
            String line = text.line(i);
            if (SectionKinds.isClosingLine(line) || DateText.DATE_LINE.matcher(line).lookingAt()) {
                closingAt = i;
                break;
            }
            int following = nextContent[i];
            if (following >= 0 && line.length() <= 40 && !ProblemText.hasClausePunctuation(line)
                    && DateText.DATE_LINE.matcher(text.line(following)).lookingAt()) {
                closingAt = i;
                break; // the signature line above the closing date
            }
            if (SectionKinds.isClosingParagraph(line) && HeadingDetector.detect(line, i) == null) {
                stack.clear();
                continue;
            }
            TableRows.Layout header = TableRows.header(line);
            if (header != null) {
                table = header;
                owner[i] = stack.peek();
                continue;
            }
            if (table != null) {
                TableRows.Row row = TableRows.row(line, table);
                if (row != null) {
                    while (!stack.isEmpty() && stack.peek().row != null) {
                        stack.pop();
                    }
                    OutlineNode node = new OutlineNode(
                            new HeadingLine(HeadingStyle.BARE, row.seq(), row.problem(), row.problem(), i));
                    node.row = row;
                    node.problem = true;
                    attach(node, stack, roots, i);
                    owner[i] = node;
                    continue;
                }
                while (!stack.isEmpty() && stack.peek().row != null) {
                    stack.pop();
                }
                HeadingLine category = HeadingDetector.detect(line, i);
                if (category == null || line.length() > 40 || ProblemText.hasClausePunctuation(category.title())) {
                    table = null; // the table ended; a short numbered category line (一、党的领导方面) does not end it
                }
            }
            HeadingLine h = HeadingDetector.detect(line, i);
            if (h == null) {
                h = continuationItem(text, line, i, to, stack, lastArabic);
            }
            boolean marker = h == null && HeadingDetector.isRectificationMarker(line);
            if (h == null && !marker) {
                int next = nextContent[i];
                if (HeadingDetector.isLabelledProblem(line)
                        || (line.length() <= 300 && next >= 0 && HeadingDetector.isRectificationMarker(text.line(next))
                        && !HeadingDetector.isAnswerPart(line))
                        || (HeadingDetector.quotedProblemParagraph(line) != null && !insideProblem(stack))) {
                    h = HeadingDetector.bare(line, i);
                }
            }
            if (h == null) {
                if (marker && !stack.isEmpty()) {
                    stack.peek().answerOpened = true;
                }
                for (OutlineNode n : stack) {
                    n.last = i;
                }
                owner[i] = stack.peek();
                continue;
            }
            if (h.style() != HeadingStyle.BARE && isOpen(stack, h.style())) {
                // a style already open is a sibling of that item, whatever opened between (its answer's 1. 2. 3.)
                while (stack.pop().h.style() != h.style()) {
                    // close the items opened under it
                }
            }
            OutlineNode answered = answerOwner(stack);
            while (!stack.isEmpty() && stack.peek().h.style().rank >= h.style().rank) {
                if (stack.peek() == answered && keepsAnswerOpen(answered, h)) {
                    break;
                }
                stack.pop();
            }
            OutlineNode node = new OutlineNode(h);
            int next = nextContent[i];
            node.markerFollows = next >= 0 && HeadingDetector.isRectificationMarker(text.line(next));
            node.excluded = SectionKinds.holdsNoIssues(ProblemText.firstSentence(h.title()), stack.isEmpty(),
                    ProblemText.isExplicit(ProblemText.firstSentence(h.title())));
            if (!stack.isEmpty()) {
                OutlineNode parent = stack.peek();
                node.inAnswer = parent.answerOpened || parent.inAnswer
                        || HeadingDetector.isRectificationMarker(ProblemText.inlineRest(parent.h.title()));
            }
            attach(node, stack, roots, i);
            owner[i] = node;
            if (h.style() == HeadingStyle.ARABIC) {
                stack.pop();
                lastArabic.put(arabicDepth(stack), HeadingDetector.ordinalValue(h));
                stack.push(node);
            }
        }
        return new Outline(roots, owner, closingAt);
    }

    private static void attach(OutlineNode node, Deque<OutlineNode> stack, List<OutlineNode> roots, int line) {
        if (stack.isEmpty()) {
            roots.add(node);
        } else {
            node.parent = stack.peek();
            stack.peek().children.add(node);
        }
        for (OutlineNode n : stack) {
            n.last = line;
        }
        stack.push(node);
    }

    /**
     * Sequence continuity: "19.2023年上半年…" reads like a decimal number, but where the Arabic items at that depth
     * of the outline stand at 18 it is item 19, whatever its text starts with — also when numbering runs straight
     * through the groups. A "1.2023年…" is a first item where Arabic items were already seen at that depth (numbering
     * restarting per group) or where the next Arabic item of the text is 1, 2 or 3.
     */
    private static HeadingLine continuationItem(ReportText text, String line, int i, int to, Deque<OutlineNode> stack,
                                                Map<Integer, Integer> lastArabic) {
        int n = HeadingDetector.arabicBeforeNumber(line);
        if (n < 1) {
            return null;
        }
        Integer last = lastArabic.get(arabicDepth(stack));
        if (last != null && (n > last && n <= last + 3 || n == 1)) { // the next ordinal, or past a short gap
            return HeadingDetector.arabicItem(line, i);
        }
        if (n == 1) {
            for (int j = i + 1; j < to; j++) {
                HeadingLine next = HeadingDetector.detect(text.line(j), j);
                int v = next != null && next.style() == HeadingStyle.ARABIC ? HeadingDetector.ordinalValue(next)
                        : HeadingDetector.arabicBeforeNumber(text.line(j));
                if (v > 0) {
                    return v <= 3 ? HeadingDetector.arabicItem(line, i) : null;
                }
            }
        }
        return null;
    }

    /** The depth an Arabic item would take under the open headings: one below every heading of a higher rank. */
    private static int arabicDepth(Deque<OutlineNode> stack) {
        int depth = 1;
        for (OutlineNode open : stack) {
            depth += open.h.style().rank < HeadingStyle.ARABIC.rank ? 1 : 0;
        }
        return depth;
    }

    private static boolean isOpen(Deque<OutlineNode> stack, HeadingStyle style) {
        for (OutlineNode n : stack) {
            if (n.h.style() == style) {
                return true;
            }
        }
        return false;
    }

    /** The nearest open heading whose answer a 整改情况: line has opened, or null. */
    private static OutlineNode answerOwner(Deque<OutlineNode> stack) {
        for (OutlineNode n : stack) {
            if (n.answerOpened) {
                return n;
            }
        }
        return null;
    }

    /**
     * （1）problem → 整改落实情况： → 1. 2. 3. actions: once a marker has opened an item's answer, numbered items of
     * another style belong to it even when their style usually ranks above the item's — until an item of the
     * answered item's own style, or of a style its headings above use, comes.
     */
    private static boolean keepsAnswerOpen(OutlineNode answered, HeadingLine h) {
        if (h.style() == HeadingStyle.BARE) {
            return false;
        }
        for (OutlineNode n = answered; n != null; n = n.parent) {
            if (n.h.style() == h.style()) {
                return false;
            }
        }
        return answered.parent == null || h.style().rank > answered.parent.h.style().rank;
    }

    /**
     * Within a heading that states a problem itself, a quoted-problem paragraph is part of its answer. (A bare
     * problem line on the stack is a sibling the new paragraph replaces, not its parent.)
     */
    private static boolean insideProblem(Deque<OutlineNode> stack) {
        for (OutlineNode n : stack) {
            if (n.row != null || n.excluded || n.h.style() == HeadingStyle.BARE) {
                continue;
            }
            String first = HeadingDetector.stripEnd(ProblemText.firstSentence(n.h.title()));
            if (!ProblemText.namesArea(first) && ProblemText.readsAsProblem(first)) {
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

    private void collect(OutlineNode node, List<String> path, ReportText text, List<SegmentedIssue> out) {
        if (node.excluded) {
            return;
        }
        if (isProblem(node) && !hasProblemBelow(node)) {
            node.issue = true;
            out.add(toIssue(node, path, text));
            return;
        }
        List<String> childPath = new ArrayList<>(path);
        childPath.add(node.h.heading());
        for (OutlineNode child : node.children) {
            collect(child, childPath, text, out);
        }
    }

    /**
     * Step 2: roles per sibling run, not per item. Numbered items of one style at one depth of one section are of
     * one kind (numbering often runs straight through 1..N over the groups of a section): when most of them state
     * problems, an item that is answered by text is a problem too, whatever its wording opens with (聚焦…力度不大,
     * 推动…举措不多, …决策部署“最后一公里”梗阻). Runs too short to judge alone are judged together with the runs
     * of the same depth and style in the other sections that hold problems. Items under a heading that is itself
     * an issue are its rectification actions and take no part.
     */
    private void decideRunRoles(List<OutlineNode> roots) {
        List<Run> runs = new ArrayList<>();
        Map<String, List<OutlineNode>> small = new LinkedHashMap<>();
        Map<String, List<OutlineNode>> union = new LinkedHashMap<>();
        for (OutlineNode root : roots) {
            Map<String, List<OutlineNode>> cohorts = new LinkedHashMap<>();
            gatherCohorts(root, 1, cohorts);
            boolean holdsProblems = !root.excluded && (isProblem(root) || hasProblemBelow(root));
            cohorts.forEach((key, run) -> {
                if (run.size() >= 3 || !holdsProblems) {
                    runs.add(new Run(run, run));
                }
                if (holdsProblems) {
                    union.computeIfAbsent(key, k -> new ArrayList<>()).addAll(run);
                    if (run.size() < 3) {
                        small.computeIfAbsent(key, k -> new ArrayList<>()).addAll(run);
                    }
                }
            });
        }
        // a run too short to judge alone is judged by all items of its depth and style in the sections with problems
        small.forEach((key, members) -> runs.add(new Run(members, union.get(key))));
        // the top-level headings are a run of their own (reports whose 一、二、三、 are the issues)
        Map<HeadingStyle, List<OutlineNode>> top = new LinkedHashMap<>();
        for (OutlineNode root : roots) {
            if (!root.excluded && root.row == null) {
                top.computeIfAbsent(root.h.style(), k -> new ArrayList<>()).add(root);
            }
        }
        top.values().forEach(t -> runs.add(new Run(t, t)));
        // deeper runs first: whether a heading holds problems is settled before its own run is judged
        runs.sort(Comparator.comparingInt((Run r) -> depth(r.members().get(0))).reversed());
        for (Run run : runs) {
            // a 整改情况: marker answering an item says it states a problem, whatever its wording; an item that reads
            // both ways (聚焦…不够到位) counts half
            int problems = 0;
            int bothWays = 0;
            for (OutlineNode n : run.evidence()) {
                if (isProblem(n) || hasProblemBelow(n) || answeredByMarker(n)) {
                    problems++;
                } else if (ProblemText.readsBothWays(ProblemText.firstSentence(n.h.title()))) {
                    bothWays++;
                }
            }
            int size = run.evidence().size();
            if (problems * 3 <= size && size >= 3 && bothWays * 3 <= size) {
                demoteStrayProblems(run.members());
                continue;
            }
            if (problems < 1 || problems + bothWays < 2 || 2 * problems + bothWays <= size) {
                continue;
            }
            for (OutlineNode n : run.members()) {
                n.inProblemRun = true;
                if (isProblem(n) || hasProblemBelow(n)) {
                    continue;
                }
                String first = ProblemText.firstSentence(n.h.title());
                if (n.hasAnswerText() && !first.isEmpty()
                        && (neighbourStatesProblem(n) || ProblemText.readsBothWays(first))) {
                    n.problem = true;
                }
            }
        }
    }

    /** Items judged together ({@code members}) and the items whose wording is the evidence for their role. */
    private record Run(List<OutlineNode> members, List<OutlineNode> evidence) {
    }

    /**
     * The run's evidence must reach the item's own neighbourhood: a same-style sibling that states a problem, or —
     * for an item alone under its heading — a same-style cousin that does. A heading whose items are all actions
     * (（二）关于X的问题 → 1.制定… 2.开展…) keeps them as actions beside sections whose items are problems.
     */
    private boolean neighbourStatesProblem(OutlineNode n) {
        if (n.parent == null) {
            return true; // the top-level run is the item's siblings
        }
        if (hasSameStyleSiblingStatingProblem(n.parent, n)) {
            return true;
        }
        boolean alone = n.parent.children.stream().noneMatch(c -> c != n && c.h.style() == n.h.style());
        if (!alone) {
            return false;
        }
        List<OutlineNode> uncles = n.parent.parent == null ? List.of() : n.parent.parent.children;
        for (OutlineNode uncle : uncles) {
            if (uncle != n.parent && hasSameStyleSiblingStatingProblem(uncle, n)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSameStyleSiblingStatingProblem(OutlineNode parent, OutlineNode n) {
        for (OutlineNode c : parent.children) {
            if (c != n && c.h.style() == n.h.style() && (isProblem(c) || hasProblemBelow(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A run of actions (（一）学习贯彻…不够深入 → 1.加强… 2.补齐…不健全的短板 3.…, or （一）在…上下功夫 → 1.… 2.解决…不到位
     * 问题): an item that names the shortcoming it answers reads like a problem, but takes the run's role and stays
     * an action — unless it states a problem in the explicit form (关于…的问题, 问题N：) or is itself answered by a
     * 整改情况 marker. Top-level sections are not a run of this kind.
     */
    private void demoteStrayProblems(List<OutlineNode> run) {
        for (OutlineNode n : run) {
            OutlineNode parent = n.parent;
            if (parent == null || parent.excluded || parent.row != null || n.h.style() == HeadingStyle.ENUMERATION
                    || answeredByMarker(n) || !n.children.isEmpty()) {
                continue;
            }
            String first = ProblemText.firstSentence(n.h.title());
            if (isProblem(n) && !ProblemText.isExplicit(first)) {
                n.problem = false;
            }
        }
    }

    private static int depth(OutlineNode n) {
        int d = 0;
        for (OutlineNode p = n.parent; p != null; p = p.parent) {
            d++;
        }
        return d;
    }

    /**
     * Items of one depth and style, through the whole section: whether a heading is an issue or a group is what the
     * runs decide, so the items under a heading that reads as a problem take part too. Items of an answer opened
     * by 整改情况: are actions and take no part.
     */
    private void gatherCohorts(OutlineNode node, int depth, Map<String, List<OutlineNode>> cohorts) {
        if (node.excluded) {
            return;
        }
        for (OutlineNode child : node.children) {
            if (!child.excluded && child.row == null && !child.inAnswer) {
                cohorts.computeIfAbsent(depth + ":" + child.h.style(), k -> new ArrayList<>()).add(child);
                gatherCohorts(child, depth + 1, cohorts);
            }
        }
    }

    /**
     * 一、巡察反馈的问题 1.… 2.… 3.… then 二、整改落实情况 1.… 2.… 3.…: the problems listed without any answer, and a
     * later section answering them item by item in the same numbering. Each problem gets the same-numbered item
     * as its rectification text.
     */
    private void pairListsKeptApart(List<OutlineNode> roots) {
        for (int a = 0; a < roots.size(); a++) {
            List<OutlineNode> problems = roots.get(a).children;
            if (roots.get(a).excluded || problems.size() < 2 || !problems.stream().allMatch(this::isUnansweredIssue)) {
                continue;
            }
            for (int b = a + 1; b < roots.size(); b++) {
                List<OutlineNode> answers = roots.get(b).children;
                if (answers.size() == problems.size() && sameNumbering(problems, answers)
                        && answers.stream().noneMatch(n -> isProblem(n) || hasProblemBelow(n))) {
                    for (int k = 0; k < problems.size(); k++) {
                        problems.get(k).answer = answers.get(k);
                        answers.get(k).isAnswer = true;
                    }
                    break;
                }
            }
        }
    }

    private boolean isUnansweredIssue(OutlineNode n) {
        return !n.excluded && n.row == null && isProblem(n) && !hasProblemBelow(n) && n.last == n.h.index()
                && ProblemText.inlineRest(n.h.title()).isEmpty();
    }

    private static boolean sameNumbering(List<OutlineNode> x, List<OutlineNode> y) {
        for (int k = 0; k < x.size(); k++) {
            if (x.get(k).h.style() != y.get(k).h.style() || !java.util.Objects.equals(x.get(k).h.label(), y.get(k).h.label())) {
                return false;
            }
        }
        return true;
    }

    boolean hasProblemBelow(OutlineNode node) {
        for (OutlineNode child : node.children) {
            if (!child.excluded && (isProblem(child) || hasProblemBelow(child))) {
                return true;
            }
        }
        return false;
    }

    boolean isProblem(OutlineNode node) {
        if (node.inAnswer) {
            return false; // an item under 整改情况: is an action, whatever shortcoming it names
        }
        if (node.problem == null) {
            String first = ProblemText.firstSentence(node.h.title());
            node.problem = switch (node.h.style()) {
                case BARE -> true;
                // 一是/二是 lines are usually actions; they state sub-problems when they read as a shortcoming and
                // are answered on their own line (一是…不够。整改情况：… or 一是…不够。组织开展…)
                // (a sentence that closes on its shortcoming states it, whatever verb it opens with)
                case ENUMERATION -> ProblemText.isExplicit(first) || ProblemText.readsAsProblem(first)
                        && (answeredByMarker(node)
                        || (!ProblemText.readsAsAction(first) || ProblemText.endsInShortcoming(first))
                        && (!ProblemText.inlineRest(node.h.title()).isEmpty() || eachEnumeratedItemAnswered(node)));
                default -> underOneProblemWithActions(node) || underAnAction(node) ? ProblemText.isExplicit(first)
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
    private static boolean underOneProblemWithActions(OutlineNode node) {
        OutlineNode parent = node.parent;
        if (parent == null || parent.excluded || parent.row != null) {
            return false;
        }
        if (parent.answeredByActions == null) {
            parent.answeredByActions = answeredByActions(parent);
        }
        return parent.answeredByActions;
    }

    private static boolean answeredByActions(OutlineNode parent) {
        String title = HeadingDetector.stripEnd(ProblemText.firstSentence(parent.h.title()));
        if (!title.endsWith("问题") || title.endsWith("方面问题") || title.endsWith("方面的问题")
                || !ProblemText.isExplicit(title) || !ProblemText.inlineRest(parent.h.title()).isEmpty()) {
            return false;
        }
        for (OutlineNode sibling : parent.children) {
            String first = ProblemText.firstSentence(sibling.h.title());
            if (ProblemText.readsAsAction(first) && !ProblemText.readsAsProblem(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Under a problem heading, the items of an action heading (一、关于“X”方面问题 → (三)聚焦精准施策，久久为功 →
     * 1.约谈…，收缴违纪款…) spell out that action: they are actions too, whatever they name, unless they state a
     * problem in the explicit form. A heading that names an area (…方面, …领域) is a group, not an action.
     */
    private static boolean underAnAction(OutlineNode node) {
        OutlineNode parent = node.parent;
        if (parent == null || parent.parent == null || parent.excluded || parent.row != null
                || parent.h.style() == HeadingStyle.BARE || answeredByMarker(node)) {
            return false;
        }
        String title = HeadingDetector.stripEnd(ProblemText.firstSentence(parent.h.title()));
        return !title.endsWith("方面") && !title.endsWith("领域") && ProblemText.readsAsAction(title)
                && !ProblemText.readsAsProblem(title)
                && ProblemText.readsAsProblem(ProblemText.firstSentence(parent.parent.h.title()));
    }

    /**
     * 一是X。 / its answer on the lines below / 二是Y。 / its answer…: every 一是 item of the heading has text of its own
     * (a list of sub-problems answered together leaves all but the last without).
     */
    private static boolean eachEnumeratedItemAnswered(OutlineNode node) {
        List<OutlineNode> siblings = node.parent == null ? List.of(node) : node.parent.children;
        int items = 0;
        for (OutlineNode s : siblings) {
            if (s.h.style() == HeadingStyle.ENUMERATION) {
                items++;
                if (!s.hasAnswerText()) {
                    return false;
                }
            }
        }
        return items >= 2;
    }

    /** The heading is answered by 整改情况: — on the next line, or inline right after its first sentence. */
    private static boolean answeredByMarker(OutlineNode node) {
        String inline = ProblemText.inlineRest(node.h.title());
        return inline.isEmpty() ? node.markerFollows : HeadingDetector.isRectificationMarker(inline);
    }

    private SegmentedIssue toIssue(OutlineNode node, List<String> path, ReportText text) {
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
