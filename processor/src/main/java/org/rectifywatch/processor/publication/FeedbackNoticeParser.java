package org.rectifywatch.processor.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.ChineseNumbers;
import org.rectifywatch.processor.parse.DateText;
import org.rectifywatch.processor.parse.DateText.PartialDate;

/**
 * Reads an inspection feedback announcement (巡视/巡察反馈): which units received the findings of which team, on
 * which date. Pure and stateless; it never throws.
 *
 * <p>Forms read (ASCII or full-width punctuation, whitespace anywhere):
 * <ul>
 * <li>a feedback clause, in the title or the text: 「[date，]TEAM[组长X|分别|于date…]向UNIT[、UNIT…][分别|集中]反馈[了]
 *     巡视情况」; the units are split on 、 ， , ； 以及, and on 和 / 及 / 与 where the left part ends like a unit
 *     (so 市住房和城乡建设局 stays whole); audience words (领导班子, 主要负责同志, 书记X …) are removed;</li>
 * <li>a round-wide notice: several such clauses in sentences or lines, the round named in the title or text
 *     (「十三届省委第五轮巡视反馈情况」), a team without body (「第一巡视组」) taking the round's body;</li>
 * <li>when no clause names a unit: 「TEAM巡视UNIT反馈会」 in the title or text, or the title 「UNIT召开[TEAM]巡察反馈会」.</li>
 * </ul>
 *
 * <p>The date of a clause is, in order: the last date before 向 in its own part of the sentence (a range gives its
 * end: 1月14日至16日 → 16日; 近日/日前/近期 give the page date), except a date that dates the inspection itself
 * (「3月至5月，TEAM对X进行了巡视，并向X反馈」); else the date of the clause before it in the same sentence (clauses
 * joined by ； ， share the first one's date); else the date of the last earlier sentence that mentions 反馈 and a
 * date but names no unit (a lead: 「1月14日至16日，…集中反馈。」; its last date before 反馈, else its first after);
 * else the page date, with a warning. A date without a year
 * takes the page date's year, the previous year when its month is later than the page's month.
 *
 * <p>A newline after punctuation adds nothing; a newline without punctuation ends a sentence, unless the line
 * stops in the middle of a clause (a team named but no 反馈 yet, or a last character 向 、 ， 和 及 与).
 */
public final class FeedbackNoticeParser {
    /** Characters beyond this are not read (real notices are a few thousand characters). */
    static final int MAX_CHARS = 200_000;

    /** After a team: the gap, 向, the units, the feedback verb and its object. */
    private static final Pattern TAIL = Pattern.compile(
            "((?:(?!巡视组|巡察组|反馈)[^。！？!?；;\\n]){0,40}?)向((?:(?!巡视组|巡察组)[^。！？!?；;\\n]){1,400}?)"
                    + "(?:分别|集中|当面|逐一|一并)?(?:进行了|进行|作了|作出了|作出|作)?反馈(?!会)了?"
                    + "(?:(?:常规|机动|专项|提级)?(?:巡视|巡察)(?:工作)?(?:情况|意见|反馈意见)?|意见|情况)?");
    /** 「TEAM巡视UNIT反馈会」. */
    private static final Pattern MEETING = Pattern.compile(Teams.TEAM.pattern()
            + "(?:巡视|巡察)((?:(?!巡视|巡察|反馈|召开)[^，,。；;：:！？!?\\n]){2,40}?)(?:工作|情况|的)*反馈(?:大会|会议|会)");
    /** Title 「UNIT召开[TEAM]巡察反馈会」. */
    private static final Pattern UNIT_CALLS = Pattern.compile(
            "((?:(?!召开|巡视|巡察)[^，,。；;：:！？!?]){2,40}?)召开[^，,。；;]{0,24}?(?:巡视|巡察)(?:工作)?(?:情况)?反馈(?:大会|会议|会)");
    private static final Pattern RANGE_TAIL = Pattern.compile(
            "(?:至|到|—|－|-|~|～)(?:(" + DateText.DATE.pattern() + ")|(\\d{1,2}|[一二三四五六七八九十]{1,3})[日号])");
    private static final Pattern NEAR = Pattern.compile("近日|日前|近期|前不久|近来|近几天|这几天");
    private static final Pattern AUDIENCE = Pattern.compile(
            "(?:领导班子及其成员|领导班子和班子成员|领导班子成员|领导班子|班子成员|主要负责同志|主要负责人|主要领导同志|主要领导"
                    + "|有关负责同志|负责同志|负责人|同志|的|[和及与、]"
                    + "|副?(?:书记|董事长|总经理|局长|厅长|县长|市长|区长|镇长|乡长|主任|院长|校长|行长)[\\p{IsHan}]{0,3})$");
    private static final Pattern AUDIENCE_INSIDE = Pattern.compile("(?:及其成员|及班子成员|和班子成员)");
    private static final Pattern ET_CETERA = Pattern.compile("等(?:[\\d一二三四五六七八九十百]+个)?(?:单位|地区|部门|党组织|地方|县|区|市).*$|等$");
    private static final Pattern GENERIC = Pattern.compile("被巡视|被巡察|^(?:各|有关|相关|所属|下属|全体)|^(?:党组织|单位|部门)$");
    private static final Pattern UNIT_END = Pattern.compile(
            "(?:委员会|党工委|工委|党组|党委|委|政府|局|公司|集团|院|会|厅|部|办|处|所|中心|学校|学院|大学|医院|银行|社|站|队|馆|台"
                    + "|县|区|市|州|盟|旗|镇|乡|村|街道|社区|组织|园|场|署|室|团)$");
    /** A unit named by a pronoun (并向其反馈): the object of 对…进行了巡视 in the same clause names it. */
    private static final Pattern PRONOUN = Pattern.compile("^(?:其|该(?:[\\p{IsHan}]{0,6}))$");
    private static final Pattern INSPECTED = Pattern.compile(
            "对([^，,。；;、]{2,40}?)(?:进行了|开展了|进行|开展|实施了|实施)[^，,。；;]{0,12}?(?:巡视|巡察)");
    private static final Pattern QUOTES = Pattern.compile("^[“”\"'‘’《》「」『』]+|[“”\"'‘’《》「」『』]+$");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");
    private static final String SENTENCE_END = "。！？!?";

    private FeedbackNoticeParser() {
    }

    /**
     * Reads a notice.
     *
     * @param title    the page title (may be null)
     * @param text     the page text, one paragraph per line (may be null)
     * @param pageDate the page's publication date ("2025-06-21", a timestamp, "2025/6/21"; may be null)
     */
    public static NoticeReading parse(String title, String text, String pageDate) {
        try {
            return new Reader(title, text, pageDate).read();
        } catch (RuntimeException | StackOverflowError e) {
            return new NoticeReading(List.of(), List.of("notice parser failed on this input: " + e));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // text preparation

    /** Full-width digits to ASCII, whitespace removed. */
    static String cleanLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return WHITESPACE.matcher(b).replaceAll("");
    }

    /** Lines cleaned and joined: '\n' where a line ends a sentence without punctuation, nothing elsewhere. */
    static String cleanText(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.split("\\r\\n|\\r|\\n|\\u2028|\\u2029|\\u0085");
        StringBuilder b = new StringBuilder(text.length());
        int logicalStart = 0;
        for (String raw : lines) {
            String l = cleanLine(raw);
            if (l.isEmpty()) {
                continue;
            }
            if (b.length() > 0 && !continues(b.substring(logicalStart), l)) {
                b.append('\n');
                logicalStart = b.length();
            }
            b.append(l);
        }
        return b.toString();
    }

    private static boolean continues(String line, String next) {
        char last = line.charAt(line.length() - 1);
        if (SENTENCE_END.indexOf(last) >= 0) {
            return true; // the punctuation already ends the sentence
        }
        if ("，,、；;和及与向".indexOf(last) >= 0 || "，,、；;".indexOf(next.charAt(0)) >= 0 || next.startsWith("反馈")) {
            return true;
        }
        int from = 0;
        for (int i = line.length() - 1; i >= 0; i--) {
            if (SENTENCE_END.indexOf(line.charAt(i)) >= 0) {
                from = i + 1;
                break;
            }
        }
        String tail = line.substring(from);
        Matcher m = Teams.TEAM.matcher(tail);
        int teamEnd = -1;
        while (m.find()) {
            teamEnd = m.end();
        }
        return teamEnd >= 0 && !tail.substring(teamEnd).contains("反馈");
    }

    // ---------------------------------------------------------------------------------------------------------
    // the reading of one notice

    private record Sentence(int start, int end) {
    }

    /** A date in the text: a date (a range's end), or a 近日-like word (date null). */
    private record DateToken(int start, int end, PartialDate date) {
    }

    /** How sure a feedback's date is: its own sentence, a neighbour clause, a lead sentence, the page. */
    private enum DateSource { OWN, SENTENCE, LEAD, PAGE, NONE }

    /** One (unit, team) found, while reading. */
    private static final class Found {
        String unit;
        String team;
        String body;
        String kind;
        String date;
        DateSource source;
        final String sentence;

        Found(String unit, String team, String body, String kind, String date, DateSource source, String sentence) {
            this.unit = unit;
            this.team = team;
            this.body = body;
            this.kind = kind;
            this.date = date;
            this.source = source;
            this.sentence = sentence;
        }
    }

    /** A feedback clause of the text. */
    private record Clause(int teamStart, int teamEnd, int to, int end, Matcher team, String gap, String units,
            Sentence sentence, boolean shared) {
    }

    private static final class Reader {
        private final String title;
        private final String text;
        private final LocalDate page;
        private final String pageIso;
        private final List<String> warnings = new ArrayList<>();
        private final List<Sentence> sentences;
        private final List<DateToken> dates;
        private final String round;
        private final String defaultBody;

        Reader(String rawTitle, String rawText, String pageDate) {
            String t = cleanLine(rawTitle);
            String x = cleanText(rawText);
            if (x.length() > MAX_CHARS) {
                warnings.add("text has " + x.length() + " characters; only the first " + MAX_CHARS + " were read");
                x = x.substring(0, MAX_CHARS);
            }
            this.title = t.length() > 1000 ? t.substring(0, 1000) : t;
            this.text = x;
            this.pageIso = DateText.normalisePageDate(pageDate);
            this.page = pageIso == null ? null : LocalDate.parse(pageIso);
            this.sentences = sentences(text);
            this.dates = dateTokens(text);
            Matcher r = Teams.ROUND.matcher(title);
            Matcher rt = Teams.ROUND.matcher(text);
            Matcher round = r.find() ? r : rt.find() ? rt : null;
            this.round = round == null ? null : round.group();
            String body = round == null ? null : Teams.body(round.group(1));
            if (body == null) {
                for (String s : new String[] {title, text}) {
                    Matcher m = Teams.TEAM.matcher(s);
                    while (body == null && m.find()) {
                        body = Teams.body(m.group(1));
                    }
                }
            }
            this.defaultBody = body;
        }

        NoticeReading read() {
            if (title.isEmpty() && text.isEmpty()) {
                warnings.add("empty notice: no title and no text");
                return new NoticeReading(List.of(), warnings);
            }
            List<Found> found = new ArrayList<>();
            Set<Integer> unitSentences = new HashSet<>();
            readClauses(found, unitSentences);
            List<Found> fromTitle = new ArrayList<>();
            readTitleClauses(fromTitle);
            for (Found f : fromTitle) {
                if (!mergeInto(found, f)) {
                    DateResult d = firstLead(unitSentences);
                    f.date = d.iso;
                    f.source = d.source;
                    if (d.source == DateSource.PAGE || d.source == DateSource.NONE) {
                        warn(d, "no feedback date in the text for «" + f.unit + "» of the title «" + title + "»");
                    }
                    found.add(f);
                }
            }
            if (found.isEmpty()) {
                readMeetings(found, unitSentences);
            }
            if (found.isEmpty()) {
                warnings.add(missing());
                return new NoticeReading(List.of(), warnings);
            }
            List<InspectionFeedback> out = new ArrayList<>();
            for (Found f : found) {
                out.add(new InspectionFeedback(f.unit, refine(f.team), round, f.date, level(f)));
            }
            return new NoticeReading(out, warnings);
        }

        // ---- clauses

        private void readClauses(List<Found> found, Set<Integer> unitSentences) {
            List<Clause> clauses = new ArrayList<>();
            Matcher team = Teams.TEAM.matcher(text);
            int from = 0;
            int lonelyEnd = -1; // the end of the last team that opened no clause
            while (from < text.length() && team.find(from)) {
                Sentence s = sentenceAt(team.start());
                Matcher tail = TAIL.matcher(text);
                tail.region(team.end(), Math.max(team.end(), s.end()));
                if (tail.lookingAt()) {
                    Matcher frozen = Teams.TEAM.matcher(text);
                    frozen.region(team.start(), team.end()).lookingAt();
                    // 省委第一巡视组、第二巡视组分别向A、B反馈: which team gave which unit is not told
                    boolean shared = lonelyEnd >= 0 && lonelyEnd <= team.start()
                            && text.substring(lonelyEnd, team.start()).matches("[、，,和及与]");
                    clauses.add(new Clause(team.start(), team.end(), tail.start(2) - 1, tail.end(), frozen,
                            tail.group(1), tail.group(2), s, shared));
                    from = tail.end();
                } else {
                    lonelyEnd = team.end();
                    from = team.end();
                }
            }
            Clause previous = null;
            String previousDate = null;
            for (Clause c : clauses) {
                String sentence = excerpt(c.sentence());
                List<String> units = units(c.units(), c.gap(), sentence);
                boolean sameSentence = previous != null && previous.sentence().equals(c.sentence());
                if (units.isEmpty()) {
                    continue; // 向被巡视党组织反馈: no unit; the sentence may serve as a lead
                }
                int index = sentenceIndex(c.teamStart());
                unitSentences.add(index);
                int segStart = sameSentence ? previous.end() : c.sentence().start();
                DateResult d = ownDate(segStart, c);
                if (d == null && sameSentence && previousDate != null) {
                    d = new DateResult(previousDate, DateSource.SENTENCE, null);
                }
                if (d == null) {
                    d = lead(index, unitSentences);
                }
                if (d.source == DateSource.PAGE || d.source == DateSource.NONE) {
                    warn(d, "no feedback date for the sentence «" + sentence + "»");
                } else if (d.doubt != null) {
                    warnings.add(d.doubt + " in the sentence «" + sentence + "»");
                }
                String normal = Teams.normalise(c.team(), defaultBody);
                String body = c.team().group(1) != null ? Teams.body(c.team().group(1)) : defaultBody;
                if (c.shared()) {
                    warnings.add("several teams share one unit list in the sentence «" + sentence + "»; the units are"
                            + " given to the last team");
                }
                for (String u : units) {
                    mergeOrAdd(found, new Found(u, normal, body, c.team().group(4), d.iso, d.source, sentence));
                }
                previous = c;
                previousDate = d.iso;
            }
        }

        private void readTitleClauses(List<Found> out) {
            if (title.isEmpty()) {
                return;
            }
            Matcher team = Teams.TEAM.matcher(title);
            int from = 0;
            while (from < title.length() && team.find(from)) {
                Matcher tail = TAIL.matcher(title);
                tail.region(team.end(), title.length());
                if (tail.lookingAt()) {
                    String normal = Teams.normalise(team, defaultBody);
                    String body = team.group(1) != null ? Teams.body(team.group(1)) : defaultBody;
                    for (String u : units(tail.group(2), tail.group(1), title)) {
                        mergeOrAdd(out, new Found(u, normal, body, team.group(4), null, DateSource.NONE, title));
                    }
                    from = tail.end();
                } else {
                    from = team.end();
                }
            }
        }

        /** The forms without 向: 「TEAM巡视UNIT反馈会」 (text, then title), 「UNIT召开…反馈会」 (title). */
        private void readMeetings(List<Found> found, Set<Integer> unitSentences) {
            Matcher m = MEETING.matcher(text);
            while (m.find()) {
                String unit = cleanUnit(m.group(6));
                if (unit == null) {
                    continue;
                }
                int idx = sentenceIndex(m.start());
                Sentence s = sentences.get(idx);
                DateResult d = lastDate(s.start(), s.end(), m.end());
                if (d == null) {
                    d = lead(idx, unitSentences);
                }
                String sentence = excerpt(s);
                if (d.source == DateSource.PAGE || d.source == DateSource.NONE) {
                    warn(d, "no feedback date for the sentence «" + sentence + "»");
                } else if (d.doubt != null) {
                    warnings.add(d.doubt + " in the sentence «" + sentence + "»");
                }
                unitSentences.add(idx);
                doubt(unit, sentence);
                mergeOrAdd(found, new Found(unit, Teams.normalise(m, defaultBody),
                        m.group(1) != null ? Teams.body(m.group(1)) : defaultBody, m.group(4), d.iso, d.source, sentence));
            }
            if (!found.isEmpty()) {
                return;
            }
            String unit = null;
            String team = null;
            String body = null;
            String kind = null;
            Matcher tm = MEETING.matcher(title);
            Matcher uc = UNIT_CALLS.matcher(title);
            if (tm.find()) {
                unit = cleanUnit(tm.group(6));
                team = Teams.normalise(tm, defaultBody);
                body = tm.group(1) != null ? Teams.body(tm.group(1)) : defaultBody;
                kind = tm.group(4);
            } else if (uc.find()) {
                unit = cleanUnit(uc.group(1));
                Matcher t = Teams.TEAM.matcher(uc.group());
                if (!t.find()) {
                    t = Teams.TEAM.matcher(text);
                    if (!t.find()) {
                        t = null;
                    }
                }
                if (t != null) {
                    team = Teams.normalise(t, defaultBody);
                    body = t.group(1) != null ? Teams.body(t.group(1)) : defaultBody;
                    kind = t.group(4);
                } else {
                    kind = uc.group().contains("巡察") ? "巡察" : "巡视";
                    body = defaultBody;
                    warnings.add("no inspection team named for the title «" + title + "»");
                }
            }
            if (unit == null) {
                return;
            }
            warnings.add("unit «" + unit + "» read from the title «" + title + "» only; the text names no unit that"
                    + " received feedback");
            doubt(unit, title);
            DateResult d = firstLead(unitSentences);
            if (d.source == DateSource.PAGE || d.source == DateSource.NONE) {
                warn(d, "no feedback date in the text for the title «" + title + "»");
            }
            found.add(new Found(unit, team, body, kind, d.iso, d.source, title));
        }

        private String missing() {
            String all = title + "\n" + text;
            if (!all.contains("反馈")) {
                return "no feedback (反馈) is mentioned in the title or the text";
            }
            if (!Teams.TEAM.matcher(all).find() && !all.contains("巡视") && !all.contains("巡察")) {
                return "no inspection (巡视/巡察) is named in the title or the text";
            }
            if (!Teams.TEAM.matcher(all).find()) {
                return "no inspection team (…巡视组/…巡察组) and no unit that received feedback is named";
            }
            return "no sentence names a unit that received feedback (…组向X反馈, …组巡视X反馈会, X召开…反馈会)";
        }

        // ---- units

        private List<String> units(String raw, String gap, String sentence) {
            String s = raw.replace("\n", "");
            int v = s.lastIndexOf('向');
            if (v >= 0 && v <= 3 && gap.contains("组长")) {
                s = s.substring(v + 1); // 组长张向东向X反馈: the first 向 was part of a name
            }
            s = AUDIENCE_INSIDE.matcher(s).replaceAll("");
            List<String> out = new ArrayList<>();
            List<String> pieces = split(s);
            boolean generic = false;
            for (String p : pieces) {
                String e = ET_CETERA.matcher(p).replaceFirst("");
                if (!e.equals(p)) {
                    warnings.add("the unit list ends in 等 (not every unit is named) in the sentence «" + sentence + "»");
                }
                String u = cleanUnit(e);
                if (u == null) {
                    continue;
                }
                if (GENERIC.matcher(u).find()) {
                    generic = true;
                    continue;
                }
                Matcher object = INSPECTED.matcher(gap);
                if (PRONOUN.matcher(u).matches() && object.find()) {
                    u = cleanUnit(object.group(1));
                }
                doubt(u, sentence);
                if (!out.contains(u)) {
                    out.add(u);
                }
            }
            if (generic && !out.isEmpty()) {
                warnings.add("the unit list mixes named and unnamed units in the sentence «" + sentence + "»");
            }
            return out;
        }

        private void doubt(String unit, String sentence) {
            if (unit.length() < 2 || unit.length() > 40 || !UNIT_END.matcher(unit).find()) {
                warnings.add("doubtful unit «" + unit + "» in the sentence «" + sentence + "»");
            }
        }

        // ---- dates

        private record DateResult(String iso, DateSource source, String doubt) {
        }

        private void warn(DateResult d, String message) {
            warnings.add(d.iso == null ? message + "; no page date either" : message + "; the page date is used");
        }

        /** The clause's own date: the last date in [segStart, 向), unless it dates the inspection itself. */
        private DateResult ownDate(int segStart, Clause c) {
            DateToken best = null;
            for (DateToken t : dates) {
                if (t.start() >= segStart && t.end() <= c.to()) {
                    best = t;
                }
            }
            if (best == null) {
                return null;
            }
            if (best.end() <= c.teamStart() && c.gap().contains("对")
                    && (c.gap().contains("巡视") || c.gap().contains("巡察") || c.gap().contains("进驻"))) {
                return null; // 3月至5月，TEAM对X进行了巡视，并向X反馈: the date is the inspection's
            }
            return resolve(best, DateSource.OWN);
        }

        /** The last date of the sentence [from, to) that starts before {@code before}. */
        private DateResult lastDate(int from, int to, int before) {
            DateToken best = null;
            for (DateToken t : dates) {
                if (t.start() >= from && t.end() <= to && t.start() < before) {
                    best = t;
                }
            }
            return best == null ? null : resolve(best, DateSource.OWN);
        }

        /** The date of the last lead sentence before sentence {@code idx}, else the page date. */
        private DateResult lead(int idx, Set<Integer> unitSentences) {
            for (int i = idx - 1; i >= 0; i--) {
                DateResult d = leadOf(i, unitSentences);
                if (d != null) {
                    return d;
                }
            }
            return pageDate();
        }

        /** For a title's unit: the first lead sentence of the text, else the page date. */
        private DateResult firstLead(Set<Integer> unitSentences) {
            for (int i = 0; i < sentences.size(); i++) {
                DateResult d = leadOf(i, unitSentences);
                if (d != null) {
                    return d;
                }
            }
            return pageDate();
        }

        private DateResult leadOf(int i, Set<Integer> unitSentences) {
            if (unitSentences.contains(i)) {
                return null;
            }
            Sentence s = sentences.get(i);
            int verb = text.substring(s.start(), s.end()).lastIndexOf("反馈");
            if (verb < 0) {
                return null;
            }
            verb += s.start();
            // the last date before the (last) 反馈, else the first after it (反馈会于6月20日召开)
            DateToken before = null;
            DateToken after = null;
            for (DateToken t : dates) {
                if (t.start() >= s.start() && t.end() <= verb) {
                    before = t;
                } else if (after == null && t.start() >= verb && t.end() <= s.end()) {
                    after = t;
                }
            }
            DateToken best = before != null ? before : after;
            return best == null ? null : resolve(best, DateSource.LEAD);
        }

        private DateResult pageDate() {
            return new DateResult(pageIso, pageIso == null ? DateSource.NONE : DateSource.PAGE, null);
        }

        private DateResult resolve(DateToken t, DateSource source) {
            if (t.date() == null) {
                return new DateResult(pageIso, source, pageIso == null ? "近日 and no page date" : null);
            }
            PartialDate d = t.date();
            String doubt = null;
            if (!d.hasYear()) {
                Integer y = null;
                if (d.relativeYear() != null && page != null) {
                    y = switch (d.relativeYear()) {
                        case "去年" -> page.getYear() - 1;
                        case "明年" -> page.getYear() + 1;
                        default -> page.getYear();
                    };
                } else if (page != null) {
                    y = d.month() > page.getMonthValue() ? page.getYear() - 1 : page.getYear();
                } else {
                    PartialDate ref = explicitBefore(t.start());
                    if (ref != null) {
                        y = d.month() < ref.month() ? ref.year() + 1 : ref.year();
                        doubt = "the year of " + text.substring(t.start(), t.end()) + " is taken from an earlier date"
                                + " (no page date)";
                    }
                }
                if (y == null) {
                    return new DateResult(null, source, "no year for " + text.substring(t.start(), t.end())
                            + " and no page date");
                }
                d = d.withYear(y);
            }
            String iso = d.iso();
            if (iso == null) {
                return new DateResult(null, source, "invalid date " + text.substring(t.start(), t.end()));
            }
            if (page != null && InspectionMatch.compare(InspectionMatch.date(iso), InspectionMatch.date(pageIso)) > 0) {
                doubt = "feedback date " + iso + " is after the page date " + pageIso;
            }
            return new DateResult(iso, source, doubt);
        }

        private PartialDate explicitBefore(int pos) {
            PartialDate ref = null;
            for (DateToken t : dates) {
                if (t.start() < pos && t.date() != null && t.date().hasYear()) {
                    ref = t.date();
                }
            }
            return ref;
        }

        // ---- merging

        private void mergeOrAdd(List<Found> all, Found f) {
            if (!mergeInto(all, f)) {
                all.add(f);
            }
        }

        /** Merges f into the one entry of {@code all} naming the same unit under a compatible team; false if none. */
        private boolean mergeInto(List<Found> all, Found f) {
            String k = key(f.unit);
            Found exact = null;
            List<Found> suffix = new ArrayList<>();
            for (Found g : all) {
                if (!Teams.compatible(g.team, f.team)) {
                    continue;
                }
                String gk = key(g.unit);
                if (gk.equals(k)) {
                    exact = g;
                    break;
                }
                if (gk.endsWith(k) || k.endsWith(gk) || refersTo(k, gk) || refersTo(gk, k)) {
                    suffix.add(g);
                }
            }
            Found g = exact != null ? exact : suffix.size() == 1 ? suffix.get(0) : null;
            if (g == null) {
                return false;
            }
            if (f.unit.length() > g.unit.length()) {
                g.unit = f.unit;
            }
            if (known(f.team) > known(g.team)) {
                g.team = f.team;
                g.body = f.body;
                g.kind = f.kind;
            }
            if (f.source.ordinal() < g.source.ordinal()) {
                g.date = f.date;
                g.source = f.source;
            } else if (f.source == DateSource.OWN && g.source == DateSource.OWN && f.date != null
                    && !f.date.equals(g.date)) {
                warnings.add("«" + g.unit + "» is given two feedback dates, " + g.date + " and " + f.date
                        + " (the first is kept), in the sentence «" + f.sentence + "»");
            }
            return true;
        }

        /**
         * A team named without ordinal (会上，巡视组组长X向…) is the one team with an ordinal that the notice names and
         * that agrees with it, when there is exactly one.
         */
        private String refine(String team) {
            Teams.Parts p = Teams.parts(team);
            if (p == null || p.ordinal() != null) {
                return team;
            }
            List<String> candidates = new ArrayList<>();
            for (String s : new String[] {title, text}) {
                Matcher m = Teams.TEAM.matcher(s);
                while (m.find()) {
                    String t = Teams.normalise(m, defaultBody);
                    Teams.Parts q = Teams.parts(t);
                    if (q.ordinal() != null && Teams.compatible(team, t) && !candidates.contains(t)) {
                        candidates.add(t);
                    }
                }
            }
            return candidates.size() == 1 ? candidates.get(0) : team;
        }

        private static int known(String team) {
            Teams.Parts p = Teams.parts(team);
            if (p == null) {
                return 0;
            }
            return (p.body() == null ? 0 : 1) + (p.ordinal() == null ? 0 : 1) + (p.kind() == null ? 0 : 1);
        }

        private InspectionLevel level(Found f) {
            InspectionLevel l = Teams.level(f.body, f.kind);
            if (l != null) {
                return l;
            }
            String all = title + text;
            if (all.contains("巡察")) {
                return InspectionLevel.LOCAL;
            }
            if (all.contains("中央巡视")) {
                return InspectionLevel.CENTRAL;
            }
            warnings.add("no inspecting body named for «" + f.unit + "»; taken as a provincial inspection");
            return InspectionLevel.PROVINCIAL;
        }

        // ---- sentences and dates of the text

        private Sentence sentenceAt(int pos) {
            return sentences.get(sentenceIndex(pos));
        }

        /** The index of the sentence holding {@code pos} (sentences cover the text without gaps). */
        private int sentenceIndex(int pos) {
            int lo = 0;
            int hi = sentences.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (sentences.get(mid).start() <= pos) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        private String excerpt(Sentence s) {
            String x = text.substring(s.start(), s.end());
            return x.length() > 80 ? x.substring(0, 80) + "…" : x;
        }
    }

    /** Sentences end at 。！？!? : ： a '\n', and '.' not between digits; ； and ， do not end one. */
    private static List<Sentence> sentences(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digitsAround = i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1));
            boolean end = SENTENCE_END.indexOf(c) >= 0 || c == '\n' || c == '：' || (c == ':' && !digitsAround)
                    || (c == '.' && !digitsAround);
            if (end) {
                if (i + 1 > start) {
                    out.add(new Sentence(start, i + 1));
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(new Sentence(start, text.length()));
        }
        return out;
    }

    /** Every date of the text in order: a range counts as its end; 近日-like words as a token without date. */
    private static List<DateToken> dateTokens(String text) {
        List<DateToken> out = new ArrayList<>();
        Matcher m = DateText.DATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            PartialDate d = DateText.fromMatch(m);
            int end = m.end();
            Matcher r = RANGE_TAIL.matcher(text);
            r.region(m.end(), text.length());
            if (d != null && r.lookingAt()) {
                PartialDate e = null;
                if (r.group(1) != null) {
                    Matcher em = DateText.DATE.matcher(r.group(1));
                    if (em.matches()) {
                        e = DateText.fromMatch(em);
                        if (e != null && !e.hasYear() && d.hasYear()) {
                            e = e.withYear(e.month() < d.month() ? d.year() + 1 : d.year());
                        }
                        if (e != null && !e.hasYear() && d.relativeYear() != null) {
                            e = new PartialDate(null, e.month(), e.day(), d.relativeYear());
                        }
                    }
                } else {
                    Integer day = ChineseNumbers.parseSmall(r.group(r.groupCount()));
                    if (day != null && day >= 1 && day <= 31) {
                        e = new PartialDate(d.year(), d.month(), day, d.relativeYear());
                    }
                }
                if (e != null) {
                    d = e;
                    end = r.end();
                }
            }
            out.add(new DateToken(m.start(), end, d));
            from = Math.max(end, m.start() + 1);
        }
        List<DateToken> near = new ArrayList<>();
        Matcher n = NEAR.matcher(text);
        while (n.find()) {
            int at = n.start();
            // 12月31日前 is a deadline, not 日前
            if (out.stream().noneMatch(t -> at >= t.start() && at < t.end())) {
                near.add(new DateToken(n.start(), n.end(), null));
            }
        }
        out.addAll(near);
        out.removeIf(t -> t.date() == null && !NEAR.matcher(text.substring(t.start(), t.end())).matches());
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** A unit as the notice writes it, quotes and audience words removed; null when nothing is left. */
    static String cleanUnit(String raw) {
        if (raw == null) {
            return null;
        }
        String u = QUOTES.matcher(raw.replace("\n", "")).replaceAll("");
        String before;
        do {
            before = u;
            u = AUDIENCE.matcher(u).replaceFirst("");
            u = QUOTES.matcher(u).replaceAll("");
        } while (!u.equals(before) && !u.isEmpty());
        return u.isEmpty() ? null : u;
    }

    /** Splits a unit list on 、 ， , ； 以及, and on 和 / 及 / 与 after a part that ends like a unit. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("[、，,；;]|以及")) {
            int start = 0;
            for (int i = 1; i < part.length() - 1; i++) {
                char c = part.charAt(i);
                if ((c == '和' || c == '及' || c == '与') && part.length() - i - 1 >= 2) {
                    String left = part.substring(start, i);
                    String right = part.substring(i + 1);
                    if (UNIT_END.matcher(AUDIENCE.matcher(left).replaceFirst("")).find()
                            && !right.startsWith("其") && !right.startsWith("班子")) {
                        out.add(left);
                        start = i + 1;
                    }
                }
            }
            out.add(part.substring(start));
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** A key under which two spellings of a unit are one: 中共 dropped, 委员会 and 党委 as 委. */
    /** 集团公司党组, 公司党委, 该单位: how a notice refers back to the unit it named in full. */
    private static final Pattern GENERIC_REFERENCE = Pattern.compile(
            "^(?:本|该)?(集团公司|集团|公司|企业|单位|学校|大学|学院|医院|银行)(?:党组|党委|委|党总支)?$");

    /**
     * Whether the generic reference {@code shortKey} (集团公司党组) can mean the named unit {@code fullKey}
     * (中国澄川能源控股集团有限公司党组): its head noun's characters appear in order in the full name.
     */
    static boolean refersTo(String shortKey, String fullKey) {
        Matcher m = GENERIC_REFERENCE.matcher(shortKey);
        if (!m.matches() || fullKey.length() <= shortKey.length()) {
            return false;
        }
        String head = m.group(1);
        if (head.equals("单位")) {
            return true;
        }
        int at = 0;
        for (char c : head.toCharArray()) {
            at = fullKey.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    static String key(String unit) {
        String k = unit.replaceFirst("^(?:中国共产党|中共)", "");
        return k.replace("委员会", "委").replace("党委", "委");
    }
}
