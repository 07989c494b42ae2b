package org.rectifywatch.processor.segment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises numbered headings in both full-width and ASCII punctuation. */
public final class HeadingDetector {
    private static final String CN = "[一二三四五六七八九十]{1,3}";
    private static final Pattern CHINESE = Pattern.compile("^(" + CN + ")[\\s\\u3000]*[、.．][\\s\\u3000]*");
    private static final Pattern PART = Pattern.compile("^第(" + CN + ")(?:个)?部分[\\s\\u3000]*[:：、.．,，]?[\\s\\u3000]*");
    private static final Pattern ASPECT = Pattern.compile("^第(" + CN + ")(?:个)?(?:方面|类)(?:的)?(?:问题)?[\\s\\u3000]*[:：、.．,，]?[\\s\\u3000]*");
    /** 第一，… — the ordinal word with its punctuation right after it (so not 第一书记, 第一轮, 第一责任人). */
    private static final Pattern ORDINAL = Pattern.compile("^第(" + CN + ")[\\s\\u3000]*[，,、.．：:][\\s\\u3000]*");
    private static final Pattern CHINESE_PAREN = Pattern.compile("^[(（](" + CN + ")[)）][\\s\\u3000]*[、.．]?[\\s\\u3000]*");
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,4})[\\s\\u3000]*(?:[、．]|\\.(?!\\d))[\\s\\u3000]*");
    private static final Pattern ARABIC_PAREN = Pattern.compile("^(?:[(（](\\d{1,4})[)）]|(\\d{1,4})[)）])[\\s\\u3000]*[、.．]?[\\s\\u3000]*");
    private static final Pattern CIRCLED = Pattern.compile("^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[\\s\\u3000]*");
    private static final Pattern ENUMERATION = Pattern.compile("^(" + CN + ")是[\\s\\u3000]*");

    /** "19.2023年上半年…": an Arabic ordinal with an ASCII point right before a digit (also a decimal number). */
    private static final Pattern ARABIC_BEFORE_DIGIT = Pattern.compile("^(\\d{1,4})\\.[\\s\\u3000]*(?=\\d)");

    /** Lines that introduce the rectification text of the problem stated just before them. */
    private static final String MARKER_WORD = "(?:整改(?:落实)?(?:情况|进展情况|进展|措施|结果|成效)"
            + "(?:[及和与、](?:整改)?(?:成效|进展|结果|完成情况|落实情况|措施))?|落实情况|工作进展)";
    /** 整改情况: — or bracketed, where the colon is optional (【整改措施】…). */
    public static final Pattern RECTIFICATION_MARKER = Pattern.compile(
            "^(?:[【\\[（(](?:整改|" + MARKER_WORD + ")[】\\]）)][\\s\\u3000]*[:：]?|" + MARKER_WORD + "[\\s\\u3000]*[:：])[\\s\\u3000]*");

    /** "问题1:" / "问题一：" in front of a bare problem sentence. */
    private static final Pattern PROBLEM_LABEL = Pattern.compile(
            "^(?:(问题[一二三四五六七八九十\\d]{1,3}|序号[\\s\\u3000]*\\d{1,3})[\\s\\u3000]*[:：、.．]|[【\\[（(]((?:巡[视察])?(?:反馈|存在|指出)?问题[一二三四五六七八九十\\d]{0,3})[】\\]）)])");

    private HeadingDetector() {
    }

    /** The numbered heading starting this line, or null. */
    public static HeadingLine detect(String line, int index) {
        if (line.isEmpty() || line.length() > 4000) {
            return null;
        }
        char c = line.charAt(0);
        Matcher m;
        if (c == '第' && (m = PART.matcher(line)).lookingAt()) {
            return make(HeadingStyle.PART, "第" + m.group(1) + "部分", line, m.end(), index);
        }
        if (c == '第' && (m = ASPECT.matcher(line)).lookingAt()) {
            return make(HeadingStyle.ASPECT, "第" + m.group(1) + "方面", line, m.end(), index);
        }
        if (c == '第' && (m = ORDINAL.matcher(line)).lookingAt()) {
            return make(HeadingStyle.ORDINAL, "第" + m.group(1), line, m.end(), index);
        }
        if ((c == '(' || c == '（') && (m = CHINESE_PAREN.matcher(line)).lookingAt()) {
            return make(HeadingStyle.CHINESE_PAREN, "(" + m.group(1) + ")", line, m.end(), index);
        }
        if ((c == '(' || c == '（' || Character.isDigit(c)) && (m = ARABIC_PAREN.matcher(line)).lookingAt()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            return make(HeadingStyle.ARABIC_PAREN, "(" + n + ")", line, m.end(), index);
        }
        if (Character.isDigit(c) && (m = ARABIC.matcher(line)).lookingAt()) {
            return make(HeadingStyle.ARABIC, m.group(1), line, m.end(), index);
        }
        if ((m = CIRCLED.matcher(line)).lookingAt()) {
            return make(HeadingStyle.CIRCLED, m.group(1), line, m.end(), index);
        }
        if ((m = ENUMERATION.matcher(line)).lookingAt() && !enumeratesInline(line, m.group(1))) {
            return make(HeadingStyle.ENUMERATION, m.group(1) + "是", line, m.end(), index);
        }
        if ((m = CHINESE.matcher(line)).lookingAt()) {
            return make(HeadingStyle.CHINESE, m.group(1), line, m.end(), index);
        }
        return null;
    }

    /**
     * The ordinal of a line that starts like an Arabic item whose text opens with a number (19.2023年上半年…), or -1.
     * Such a line is a heading only where the sibling run expects that ordinal next: the caller decides.
     */
    public static int arabicBeforeNumber(String line) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
            return -1;
        }
        Matcher m = ARABIC_BEFORE_DIGIT.matcher(line);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The Arabic item heading of such a line, once the run has confirmed its ordinal. */
    public static HeadingLine arabicItem(String line, int index) {
        Matcher m = ARABIC_BEFORE_DIGIT.matcher(line);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("not an Arabic item: " + line);
        }
        return make(HeadingStyle.ARABIC, m.group(1), line, m.end(), index);
    }

    /** The numeric value of a heading's ordinal (一 → 1, (3) → 3, ⑤ → 5, 第二方面 → 2), or -1 when it has none. */
    public static int ordinalValue(HeadingLine h) {
        String label = h.label();
        if (label == null || h.style() == HeadingStyle.BARE) {
            return -1;
        }
        if (h.style() == HeadingStyle.CIRCLED) {
            return label.charAt(0) - '①' + 1;
        }
        StringBuilder core = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isDigit(c) || "一二三四五六七八九十".indexOf(c) >= 0) {
                core.append(c);
            }
        }
        if (core.length() == 0) {
            return -1;
        }
        if (Character.isDigit(core.charAt(0))) {
            return Integer.parseInt(core.toString());
        }
        Integer v = org.rectifywatch.processor.parse.ChineseNumbers.parseSmall(core.toString());
        return v == null ? -1 : v;
    }

    /**
     * "一是…；二是…；三是…" in one paragraph: the points are parts of the paragraph's text, not items of the outline
     * (the text that follows answers the paragraph as a whole).
     */
    private static boolean enumeratesInline(String line, String ordinal) {
        Integer n = org.rectifywatch.processor.parse.ChineseNumbers.parseSmall(ordinal);
        if (n == null || n >= 10) {
            return false;
        }
        String next = "一二三四五六七八九十".charAt(n) + "是";
        int at = line.indexOf(next, ordinal.length() + 1);
        return at > 0 && "；;，,。".indexOf(line.charAt(at - 1)) >= 0;
    }

    private static HeadingLine make(HeadingStyle style, String label, String line, int titleStart, int index) {
        String title = line.substring(titleStart).trim();
        return new HeadingLine(style, label, title, headingText(line), index);
    }

    /** The heading as printed, cut after its first sentence when the line continues with inline text. */
    static String headingText(String line) {
        int stop = firstSentenceEnd(line);
        if (stop >= 0 && stop < line.length() - 1) {
            return line.substring(0, stop);
        }
        return stripEnd(line);
    }

    /** 关于“X”的问题 / 针对X的问题 before a colon: a wrapped problem statement, not a label (问题：, 反馈问题：). */
    private static final Pattern WRAPPED_PROBLEM_BEFORE_COLON = Pattern.compile("^(?:关于|针对)\\S{3,}?的问题$|^(?:关于|针对)[“\"].+[”\"](?:的)?问题$");

    /** Index of the first sentence-ending 。 outside quotes, or -1. */
    static int firstSentenceEnd(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '“' || ch == '「' || ch == '『') {
                depth++;
            } else if ((ch == '”' || ch == '」' || ch == '』') && depth > 0) {
                depth--;
            } else if (ch == '。' && depth == 0) {
                return i;
            } else if ((ch == '：' || ch == ':') && depth == 0 && i + 1 < s.length()
                    && WRAPPED_PROBLEM_BEFORE_COLON.matcher(s.substring(0, i)).matches()) {
                return i; // （三）关于“X”的问题：学校党委… — the statement ends at the colon, the answer follows
            }
        }
        return -1;
    }

    static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && "。.;；,，:：".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(0, e);
    }

    /** A bare problem line: unnumbered text directly followed by a rectification marker line. */
    public static HeadingLine bare(String line, int index) {
        Matcher m = PROBLEM_LABEL.matcher(line);
        String label = m.lookingAt() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        return new HeadingLine(HeadingStyle.BARE, label, line, headingText(line), index);
    }

    /** "问题一:…", "反馈问题:…" — an unnumbered line that states a problem by its label. */
    private static final Pattern LABELLED_PROBLEM = Pattern.compile(
            "^(?:(?:巡[视察])?(?:反馈|存在)?问题[一二三四五六七八九十\\d]{0,3}[\\s\\u3000]*[:：]"
                    // 上轮巡视反馈第3个问题：“X”。 — a problem cited by its number in an earlier list
                    + "|[^，,。：:]{0,16}?第[一二三四五六七八九十\\d]{1,3}(?:个|项|条)?问题[\\s\\u3000]*[:：]"
                    // 序号3：X。整改情况：… — one record of a problem list
                    + "|序号[\\s\\u3000]*\\d{1,3}[\\s\\u3000]*[:：]"
                    + "|[【\\[（(](?:巡[视察])?(?:反馈|存在|指出)?问题[一二三四五六七八九十\\d]{0,3}[】\\]）)])");

    public static boolean isLabelledProblem(String line) {
        return LABELLED_PROBLEM.matcher(line).lookingAt();
    }

    /**
     * 针对“X”的问题，区委… — a paragraph that quotes the feedback point and goes on with what was done. Only the
     * quoted form: without quotes the same opening is an ordinary action sentence (针对发现的问题，…).
     */
    private static final Pattern QUOTED_PROBLEM_PARAGRAPH = Pattern.compile(
            "^(?:针对|关于|对)[“\"](.+?)[”\"](?:等)?(?:的)?(?:问题|方面问题|方面的问题)[,，:：]\\s*(\\S.*)$");

    /**
     * 针对伏季休渔监管存在盲区的问题，… / 关于渔港建设资金闲置的问题。… — the same paragraph without quotes, taken only when
     * what it names reads as a shortcoming (针对发现的问题，… is an ordinary action sentence).
     */
    private static final Pattern PLAIN_PROBLEM_PARAGRAPH = Pattern.compile(
            "^(针对|关于)([^，,。；;：:]{4,80}?)(?:等)?(?:的)?问题[,，。:：]\\s*(\\S.*)$");

    /** 反馈意见指出，X。对此，省委… — the feedback cited, then what was done about it, in one paragraph. */
    private static final Pattern CITED_FEEDBACK_PARAGRAPH = Pattern.compile(
            "^(?:(?:巡视|巡察)(?:组)?)?(?:反馈意见|反馈)(?:指出|认为|提出)[，,：:]\\s*(.{4,200}?)。\\s*"
                    + "((?:对此|为此|针对(?:这一|此|上述|该)问题)[，,].*)$");

    /** The quoted problem and the text after it, or null when the line is not such a paragraph. */
    public static String[] quotedProblemParagraph(String line) {
        Matcher m = QUOTED_PROBLEM_PARAGRAPH.matcher(line);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        m = CITED_FEEDBACK_PARAGRAPH.matcher(line);
        if (m.matches()) {
            return new String[] {m.group(1).trim(), m.group(2).trim()};
        }
        m = PLAIN_PROBLEM_PARAGRAPH.matcher(line);
        if (!m.matches() || ProblemText.readsAsAction(m.group(2))) {
            return null;
        }
        // 关于X的问题。 is the wrapper of a problem; 针对X问题，… opens many an action, so X must read as a shortcoming
        boolean guanyu = m.group(1).equals("关于");
        return guanyu || ProblemText.readsAsProblem(m.group(2)) ? new String[] {m.group(2).trim(), m.group(3).trim()} : null;
    }

    /**
     * Lines that label a part of an issue's answer other than the rectification itself (原因分析：, 责任单位：, 整改时限：):
     * never a problem statement of their own.
     */
    private static final Pattern ANSWER_PART = Pattern.compile(
            "^(?:原因分析|问题原因|产生原因|原因剖析|成因分析|整改目标|整改要求|整改时限|完成时限|时限|责任领导|牵头领导|责任单位|"
                    + "牵头单位|责任部门|责任科室|责任人|配合单位)[\\s\\u3000]*[:：]");

    public static boolean isAnswerPart(String line) {
        return ANSWER_PART.matcher(line).lookingAt();
    }

    public static boolean isRectificationMarker(String line) {
        return RECTIFICATION_MARKER.matcher(line).lookingAt();
    }

    /** The line without a leading rectification marker. */
    public static String stripMarker(String line) {
        Matcher m = RECTIFICATION_MARKER.matcher(line);
        return m.lookingAt() ? line.substring(m.end()) : line;
    }
}
