package org.rectifywatch.processor.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.FastPatterns.KeywordPattern;

/**
 * Decides the status of an issue from its rectification text and keeps the clause that decided it:
 * {@code in_progress} when a concrete item is explicitly pending (正在, 将于, 尚未, 在建…), {@code completed} when the
 * text says the problem is fixed (已整改完成, 全部整改到位…), {@code long_term} for measures and mechanisms without
 * either, {@code unknown} without rectification text. An explicit "该问题已整改完成" outweighs a pending detail.
 * Otherwise the text is read sentence by sentence ({@link StatusEvidence}): any pending sentence makes it
 * {@code in_progress}; sentences reporting a concrete result (已建成, 如期开学, 已全部入驻, 办结率100%, 已追缴到位…) make it
 * {@code completed}, unless they are incidental to a programme of measures ({@link #OTHERS_PER_DONE}); only measures,
 * aspirations and background make it {@code long_term}.
 * Reports that group their issues by status (一、已完成整改的问题 / 二、正在推进整改的问题 / 三、需要长期坚持的问题)
 * have said it themselves: the group heading decides, whatever the detail of the text.
 */
public final class StatusClassifier {
    public static final String COMPLETED = "completed";
    public static final String IN_PROGRESS = "in_progress";
    public static final String LONG_TERM = "long_term";
    public static final String UNKNOWN = "unknown";

    /** The result: status plus the clause that decided it (null for long_term without a mechanism clause). */
    public record Verdict(String status, String evidence) {
    }

    /** Closure of the whole issue: 该问题已整改完成, or a status cell 完成情况:已完成 (tables). */
    private static final KeywordPattern ISSUE_CLOSED = FastPatterns.of("该此这上已",
            "(?:该|此|这一|上述)(?:项)?问题(?:已|均已)(?:全部)?(?:整改完成|完成整改|整改到位|整改销号|销号|解决)"
                    + "|(?<=(?:情况|状态|结果|进度|进展)[:：])已(?:完成|整改|办结|销号)(?:整改)?(?=$|[,，。;；\n])"
                    // a progress cell whose label the segmenter took off: a line that is only 已完成(整改)
                    + "|(?<![^\n])已(?:全部)?(?:完成|整改完成|完成整改|整改到位|办结|销号)(?:整改)?(?=$|\n|[。;；]\\s*(?:$|\n))");
    /**
     * A heading that groups issues by their present status: a state, then the issues (问题, 事项, 任务) it holds —
     * matched against the heading without its count and final punctuation ({@link #groupPart}).
     * "二、前期未完成整改问题的进展情况" is about a past state and is not a group.
     */
    private static Pattern group(String states) {
        return Pattern.compile("(?<!前期|此前|上次|上轮|上一轮|原)(?:" + states + ")[^,，。;；]{0,12}(?:问题|事项|任务)$");
    }

    private static final Pattern GROUP_COMPLETED = group(
            "(?:已经?|均已)(?:全部)?(?:完成整改|整改完成|整改到位|整改销号|办结|销号)");
    private static final Pattern GROUP_IN_PROGRESS = group(
            "正在(?:推进|加快|抓紧)?整改|整改中|序时推进|尚未完成整改|未完成整改|基本完成整改");
    private static final Pattern GROUP_LONG_TERM = group("长期坚持|长期整改|长期推进|久久为功");
    private static final KeywordPattern NOT_DONE_CONTEXT = FastPatterns.alternation("确保|力争|推动|要求|争取|务必|直至|以便");
    private static final KeywordPattern MECHANISM = FastPatterns.alternation("长效机制|机制|制度|办法|规定|清单");

    private StatusClassifier() {
    }

    /** The status of an issue under the headings {@code path} (outermost first) with this rectification text. */
    public static Verdict classify(String rectification, List<String> path) {
        if (path != null) {
            for (int i = path.size() - 1; i >= 0; i--) {
                String part = path.get(i) == null ? null : groupPart(path.get(i));
                if (part == null) {
                    continue;
                }
                if (GROUP_COMPLETED.matcher(part).find()) {
                    return new Verdict(COMPLETED, path.get(i).strip());
                }
                if (GROUP_IN_PROGRESS.matcher(part).find()) {
                    return new Verdict(IN_PROGRESS, path.get(i).strip());
                }
                if (GROUP_LONG_TERM.matcher(part).find()) {
                    return new Verdict(LONG_TERM, path.get(i).strip());
                }
            }
        }
        return classify(rectification);
    }

    /**
     * The heading without final punctuation and count (一、已完成整改的问题（共12个）： → 一、已完成整改的问题) when it ends
     * in the issues it holds and names a state at all; null otherwise, which spares most headings the patterns.
     */
    private static String groupPart(String heading) {
        String h = heading.strip();
        while (!h.isEmpty() && ":：。".indexOf(h.charAt(h.length() - 1)) >= 0) {
            h = h.substring(0, h.length() - 1).strip();
        }
        if (h.endsWith(")") || h.endsWith("）")) {
            int open = Math.max(h.lastIndexOf('('), h.lastIndexOf('（'));
            h = open > 0 ? h.substring(0, open).strip() : h;
        }
        boolean namesIssues = h.endsWith("问题") || h.endsWith("事项") || h.endsWith("任务");
        boolean namesState = h.contains("整改") || h.contains("办结") || h.contains("销号") || h.contains("长期")
                || h.contains("久久") || h.contains("序时");
        return namesIssues && namesState ? h : null;
    }

    /**
     * Other sentences (measures, background, intent) per done sentence above which the done items read as incidental:
     * a systemic weakness answered with a programme of measures (一是…五是…) that mentions a finished detail on the way
     * stays {@code long_term}. A text that mainly reports results is {@code completed}.
     */
    static final int OTHERS_PER_DONE = 5;
    /** …and only from this many other sentences on. */
    static final int MIN_OTHERS_FOR_PROGRAMME = 6;

    public static Verdict classify(String rectification) {
        if (rectification == null || rectification.isBlank()) {
            return new Verdict(UNKNOWN, null);
        }
        String closed = closure(rectification);
        if (closed != null) {
            return new Verdict(COMPLETED, closed);
        }
        String firstDone = null;
        int done = 0;
        int others = 0;
        for (String sentence : StatusEvidence.sentences(rectification)) {
            StatusEvidence.Sentence s = StatusEvidence.labelSentence(sentence); // lazily: the first pending one decides
            switch (s.kind()) {
                case PENDING:
                    return new Verdict(IN_PROGRESS, s.clause());
                case DONE:
                    done++;
                    firstDone = firstDone == null ? s.clause() : firstDone;
                    break;
                default:
                    others++;
                    break;
            }
        }
        if (done > 0 && !(others >= MIN_OTHERS_FOR_PROGRAMME && others > OTHERS_PER_DONE * done)) {
            return new Verdict(COMPLETED, firstDone);
        }
        return new Verdict(LONG_TERM, mechanismClause(rectification));
    }

    /** The first clause of an explicit closure of the whole issue (该问题已整改完成), not an aspiration. */
    private static String closure(String text) {
        int from = 0;
        Matcher m = null;
        while ((m = ISSUE_CLOSED.find(text, from, m)) != null) {
            from = m.end() > m.start() ? m.end() : m.start() + 1;
            int b = m.start();
            while (b > 0 && CLAUSE_BREAKS.indexOf(text.charAt(b - 1)) < 0) {
                b--;
            }
            int e = m.end();
            while (e < text.length() && CLAUSE_BREAKS.indexOf(text.charAt(e)) < 0) {
                e++;
            }
            if (NOT_DONE_CONTEXT.foundIn(text.substring(b, m.start()))) {
                continue;
            }
            return text.substring(b, e).trim();
        }
        return null;
    }

    private static final String CLAUSE_BREAKS = ",，。;；\n!！?？";

    private static String mechanismClause(String text) {
        for (String s : StatusEvidence.sentences(text)) {
            for (String c : StatusEvidence.clauses(s)) {
                if (MECHANISM.foundIn(c)) {
                    return c;
                }
            }
        }
        return null;
    }
}
