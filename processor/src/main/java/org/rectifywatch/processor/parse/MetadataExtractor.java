package org.rectifywatch.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.Contact;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.processor.parse.DateText.PartialDate;

/**
 * Report metadata: the opening sentence (inspecting body, team, inspected unit, inspection period, feedback date,
 * inspection kind), the title, the signature block and the contact line. Dates without a year take the year
 * implied by the surrounding dates; nothing is guessed when no year is given anywhere.
 */
public final class MetadataExtractor {
    private static final String BODY = "(?:中央|中共中央|省委|自治区党委|区党委|市委|州委|盟委|地委|县委|区委|旗委|镇党委|乡党委|街道党工委|党委|党组|工委)";
    private static final String ROUND_NAMED = BODY + "第[一二三四五六七八九十\\d]+轮(?:机动|专项|常规|交叉|提级)?(?:巡视|巡察)(?=于|对|[,，])";
    private static final String TEAM = "(?:巡视|巡察)(?:第[一二三四五六七八九十\\d]+)?组";
    private static final Pattern INSPECTOR = Pattern.compile(
            "((?:[\\p{IsHan}\\d]{0,12}?" + BODY + ")?(?:第[一二三四五六七八九十\\d]+轮)?(?:第[一二三四五六七八九十\\d]+)?" + TEAM
                    // a round named without its team: 县委第一轮机动巡察于2024年6月对…开展了机动巡察
                    + "|" + ROUND_NAMED + ")");
    /**
     * Found in a text exactly when {@link #INSPECTOR} is: what comes before the team is optional, so a text holds an
     * inspector when it holds a team or a named round. Only where such a match can start is a regex run.
     */
    private static final FastPatterns.KeywordPattern HAS_INSPECTOR = FastPatterns.alternation(TEAM + "|" + ROUND_NAMED);
    private static final Pattern BODY_START = Pattern.compile("^(?:.*?届)?(" + BODY + ")");
    private static final Pattern DEPLOYED_BY = Pattern.compile("根据(" + BODY + ")");
    /** A body named with its organisation before the body word: 省农信联社党委(第二巡察组). */
    private static final Pattern NAMED_BODY = Pattern.compile(
            "^([\\p{IsHan}]{1,12}?" + BODY + ")(?=(?:第[一二三四五六七八九十\\d]+轮)?(?:第[一二三四五六七八九十\\d]+)?(?:巡视|巡察))");
    private static final Pattern TARGET = Pattern.compile(
            "(?:巡视|巡察)(?:第[一二三四五六七八九十\\d]+)?组?[^。]{0,30}?对([^,，。、;；“”\"]{2,40}?)"
                    + "(?=(?:进行了|开展了|开展|进行|实施了|实施)[^,，。;；]{0,16}?(?:巡视|巡察))");
    /** "…组于2024年3月11日至5月10日进驻X开展常规巡察" names the unit after 进驻. */
    private static final Pattern TARGET_STATIONED = Pattern.compile(
            "(?:巡视|巡察)(?:第[一二三四五六七八九十\\d]+)?组[^。]{0,40}?进驻([^,，。、;；“”\"]{2,40}?)"
                    + "(?=(?:进行了|开展了|开展|进行|实施了|实施)[^,，。;；]{0,16}?(?:巡视|巡察))");
    private static final Pattern TARGET_FALLBACK = Pattern.compile("向([^,，。、;；]{2,30}?)(?:反馈|进行了反馈|作了反馈)");
    private static final Pattern RANGE = Pattern.compile(
            "(" + DateText.DATE.pattern() + ")\\s*(?:至|到|—|－|-|~|～)\\s*(" + DateText.DATE.pattern() + "|\\d{1,2}[日号])");
    private static final Pattern DAY_ONLY = Pattern.compile("(\\d{1,2})[日号]");
    private static final Pattern TITLE_LIKE = Pattern.compile(
            "(?:关于.{0,50}|^[^，,。；;：:]{0,30})(?:巡视|巡察).{0,30}(?:通报|情况|公告|报告|公示)$");
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(?:中共|中国共产党)?[\\p{IsHan}（）()·]{2,38}(?:委员会|委|党组|党委|工委|总支|支部|政府|办公室|局|集团|公司)$");
    private static final Pattern SIGNATURE_AND_DATE = Pattern.compile(
            "^((?:中共|中国共产党)?[\\p{IsHan}（）()·]{2,38}(?:委员会|委|党组|党委|工委|支部|政府|局|公司))\\s+"
                    + "((?:\\d{4}|[〇零一二三四五六七八九]{4})年[\\d一二三四五六七八九十]{1,3}月[\\d一二三四五六七八九十]{1,3}日)$");
    /**
     * A landline, a mobile, or the discipline and organisation hotlines 12388 / 12380 (with the area code that says
     * whose: 0871-12388).
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(0\\d{2,3}[-－—]?\\d{7,8}|0\\d{2,3}[-－—]?123(?:88|80)|1[3-9]\\d{9}|123(?:88|80))(?![\\d])");
    /** Sites write the @ as #, ＠ or (at) to keep harvesters off; the contact line makes that unambiguous. */
    private static final Pattern EMAIL = Pattern.compile(
            "([A-Za-z0-9._%+-]+)(?:@|＠|#|\\s?[(（\\[]at[)）\\]]\\s?)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    /** A parenthetical after the address (（邮编100053）, (邮政编码…)) is not part of it. */
    private static final Pattern MAIL_TAIL = Pattern.compile("[(（](?:邮编|邮政编码)[^)）]*[)）]?$");
    private static final Pattern MAIL = Pattern.compile(
            "(?:邮政信箱|通信地址|通讯地址|来信地址|邮寄地址|邮政地址|信件请寄|来信请寄)[:：]?\\s*([^;；,，。\\s]+)");
    private static final FastPatterns.KeywordPattern CONTACT_LINE = FastPatterns.alternation("联系|电话|邮箱|信箱|来信|地址|邮编|邮政编码");

    private MetadataExtractor() {
    }

    /** Where the opening sentence is: 0-based line index or -1. */
    public static int openingLine(ReportText text) {
        int limit = Math.min(text.size(), 40);
        for (int i = 0; i < limit; i++) {
            if (!text.isContent(i)) {
                continue;
            }
            String l = text.line(i);
            if ((l.contains("巡视") || l.contains("巡察")) && l.contains("月") && HAS_INSPECTOR.foundIn(l)
                    && (l.contains("对") || l.contains("反馈") || l.contains("进驻"))) {
                return i;
            }
        }
        return -1;
    }

    /** The report title: the page title when given, else a title-like line near the top. */
    public static String title(ReportText text, String pageTitle, int opening) {
        if (pageTitle != null && !pageTitle.isBlank()) {
            return pageTitle.trim();
        }
        int limit = Math.min(text.size(), opening >= 0 ? opening : 12);
        for (int i = 0; i < limit; i++) {
            String l = text.line(i);
            if (text.isContent(i) && l.length() <= 90 && TITLE_LIKE.matcher(l).find()) {
                return l;
            }
        }
        return null;
    }

    /** Everything of the meta object. {@code closingFrom} is the first line after the last issue. */
    public static ReportMeta extract(ReportText text, String title, int opening, int closingFrom, String pageDate) {
        String open = opening >= 0 ? text.line(opening) : "";
        if (opening >= 0 && !open.contains("反馈")) {
            // the feedback date is sometimes the next paragraph (…进行了巡视。\n2021年7月2日,巡视组向…反馈…)
            for (int i = opening + 1; i < Math.min(text.size(), opening + 3); i++) {
                if (text.isContent(i) && text.line(i).contains("反馈") && text.line(i).length() < 400) {
                    open = open + text.line(i);
                    break;
                }
            }
        }
        String inspector = null;
        String body = null;
        Matcher im = INSPECTOR.matcher(open);
        if (im.find()) {
            inspector = cleanInspector(im.group(1));
            Matcher bm = BODY_START.matcher(inspector);
            Matcher nm = NAMED_BODY.matcher(inspector);
            if (bm.find()) {
                body = bm.group(1).equals("中共中央") ? "中央" : bm.group(1);
            } else if (nm.find()) {
                body = nm.group(1); // 省农信联社党委 of 省农信联社党委第二巡察组
            }
        }
        if (body == null) {
            Matcher dm = DEPLOYED_BY.matcher(open);
            if (dm.find()) {
                body = dm.group(1).equals("中共中央") ? "中央" : dm.group(1);
            }
        }
        String target = target(open);
        String kindSource = open + " " + (title == null ? "" : title);
        boolean cha = inspector != null ? inspector.contains("巡察") : kindSource.contains("巡察");
        String inspectionKind = inspectionKind(kindSource, cha);
        String reportKind = reportKind(title, open);
        Signature sig = signature(text, closingFrom);
        String published = sig.date != null ? sig.date : dateUnderTitle(text, opening);
        if (published == null) {
            published = DateText.normalisePageDate(pageDate);
        }
        String[] dates = dates(open, DateText.yearOf(published));
        Contact contact = contact(text, closingFrom);
        String province = ProvinceHints.fromPhone(contact.phone());
        if (province == null) {
            province = ProvinceHints.fromText(String.join("\n", text.lines()));
        }
        return new ReportMeta(target, sig.name, province, inspector, body, inspectionKind, dates[0], dates[1],
                dates[2], published, reportKind, title, contact);
    }

    private static String cleanInspector(String raw) {
        // The lazy prefix may swallow words before the body (根据省委统一部署,省委…): keep from the last body word.
        // With one body word only, what stands before it names the body (省农信联社党委第二巡察组): keep it.
        Matcher m = Pattern.compile(BODY).matcher(raw);
        int start = -1;
        int bodies = 0;
        while (m.find()) {
            if (m.start() < raw.indexOf("巡")) {
                bodies++;
                start = m.start();
                if (raw.startsWith("中共中央", m.start())) {
                    break;
                }
            }
        }
        String s = start > 0 && bodies > 1 ? raw.substring(start) : raw;
        return s.startsWith("中共中央") ? "中央" + s.substring(4) : s;
    }

    /** True when the line names an inspected unit the way an opening sentence does (…组对X进行了巡视). */
    public static boolean namesInspectedUnit(String line) {
        return TARGET.matcher(line).find() || TARGET_STATIONED.matcher(line).find();
    }

    static String target(String open) {
        Matcher m = TARGET.matcher(open);
        if (m.find()) {
            return m.group(1).trim();
        }
        Matcher st = TARGET_STATIONED.matcher(open);
        if (st.find()) {
            return st.group(1).trim();
        }
        Matcher f = TARGET_FALLBACK.matcher(open);
        if (f.find()) {
            return f.group(1).trim();
        }
        return null;
    }

    static String inspectionKind(String s, boolean cha) {
        String unit = cha ? "巡察" : "巡视";
        if (s.contains("回头看")) {
            return unit + "回头看";
        }
        if (s.contains("专项巡视") || s.contains("专项巡察") || Pattern.compile("专项(?:检查)?(?:巡视|巡察)").matcher(s).find()) {
            return "专项" + unit;
        }
        if (s.contains("机动巡视") || s.contains("机动巡察") || s.contains("机动式")) {
            return "机动" + unit;
        }
        return "常规" + unit;
    }

    static String reportKind(String title, String open) {
        if (title != null && title.contains("整改进展")) {
            return "整改进展情况";
        }
        if (title != null && title.contains("整改")) {
            return "整改情况";
        }
        if (open.contains("整改进展")) {
            return "整改进展情况";
        }
        return "整改情况";
    }

    /** inspection start, inspection end, feedback date (ISO, "YYYY-MM" when only the month is known). */
    static String[] dates(String open, Integer publishedYear) {
        String[] out = new String[3];
        PartialDate start = null;
        PartialDate end = null;
        int rangeEnd = 0;
        Matcher r = RANGE.matcher(open);
        if (r.find()) {
            Matcher a = DateText.DATE.matcher(r.group(1));
            if (a.find()) {
                start = DateText.fromMatch(a);
            }
            String second = r.group(6);
            Matcher b = DateText.DATE.matcher(second);
            if (b.find() && b.start() == 0) {
                end = DateText.fromMatch(b);
            } else {
                Matcher d = DAY_ONLY.matcher(second);
                if (d.find() && start != null) {
                    end = new PartialDate(start.year(), start.month(), Integer.parseInt(d.group(1)), null);
                }
            }
            rangeEnd = r.end();
        }
        PartialDate feedback = null;
        // a dated mention without a range (2024年3月，…组对…开展了巡察，4月10日反馈…) gives a year-less feedback its year
        PartialDate mentioned = null;
        int fb = open.indexOf("反馈", rangeEnd);
        if (fb >= 0) {
            Matcher f = DateText.DATE.matcher(open.substring(rangeEnd, fb));
            while (f.find()) {
                PartialDate d = DateText.fromMatch(f);
                if (d != null && d.day() != null) {
                    feedback = d;
                } else if (d != null && d.hasYear()) {
                    mentioned = d;
                }
            }
        }
        if (start == null && end == null && mentioned != null) {
            start = mentioned; // "2024年3月，…组对…开展了巡察": the month of the inspection, its end not told
        }
        // 今年/去年 are relative to the publication year, when it is known
        if (publishedYear != null) {
            start = resolveRelative(start, publishedYear);
            end = resolveRelative(end, publishedYear);
            feedback = resolveRelative(feedback, publishedYear);
        }
        List<Integer> years = new ArrayList<>();
        for (PartialDate d : new PartialDate[] {start, end, feedback}) {
            if (d != null && d.hasYear()) {
                years.add(d.year());
            }
        }
        if (start != null && !start.hasYear()) {
            Integer y = end != null && end.hasYear() ? Integer.valueOf(end.year())
                    : (feedback != null && feedback.hasYear() ? feedback.year() : null);
            if (y != null) {
                start = start.withYear(y);
                if (end != null && end.hasYear() && start.key() > end.key()) {
                    start = start.withYear(y - 1);
                }
            }
        }
        if (end != null && !end.hasYear() && start != null && start.hasYear()) {
            end = end.withYear(start.year());
            if (end.key() < start.key()) {
                end = end.withYear(start.year() + 1);
            }
        }
        if (feedback != null && !feedback.hasYear()) {
            PartialDate ref = end != null && end.hasYear() ? end : (start != null && start.hasYear() ? start
                    : mentioned);
            if (ref != null) {
                feedback = feedback.withYear(ref.year());
                if (feedback.key() < ref.key()) {
                    feedback = feedback.withYear(ref.year() + 1);
                }
            } else if ("明年".equals(feedback.relativeYear()) || years.isEmpty()) {
                feedback = null;
            }
        }
        if (start != null && start.hasYear() && end != null && end.hasYear() && end.key() < start.key()
                && start.month() > end.month()) {
            end = end.withYear(start.year() + 1);
        }
        out[0] = start == null ? null : start.iso();
        out[1] = end == null ? null : end.iso();
        out[2] = feedback == null ? null : feedback.iso();
        return out;
    }

    private static PartialDate resolveRelative(PartialDate d, int publishedYear) {
        if (d == null || d.hasYear() || d.relativeYear() == null) {
            return d;
        }
        return switch (d.relativeYear()) {
            case "今年", "当年" -> d.withYear(publishedYear);
            case "去年" -> d.withYear(publishedYear - 1);
            default -> d;
        };
    }

    /** "（2024年11月20日）" on its own line under the title: the date the report was issued. */
    private static final Pattern BRACKETED_DATE_LINE = Pattern.compile("^[(（]\\s*(.+?)\\s*[)）]$");

    static String dateUnderTitle(ReportText text, int opening) {
        int limit = Math.min(text.size(), opening >= 0 ? opening : 4);
        for (int i = 0; i < limit; i++) {
            Matcher m = BRACKETED_DATE_LINE.matcher(text.line(i).trim());
            if (text.isContent(i) && m.matches() && DateText.DATE_LINE.matcher(m.group(1)).matches()) {
                return isoOf(m.group(1));
            }
        }
        return null;
    }

    private record Signature(String name, String date) {
    }

    /** The signature block after the last issue: an organisation line and/or a date line. */
    static Signature signature(ReportText text, int from) {
        String name = null;
        String date = null;
        int lastContent = -1;
        for (int i = text.size() - 1; i >= Math.max(0, from); i--) {
            if (!text.isContent(i)) {
                continue;
            }
            String l = text.line(i);
            Matcher both = SIGNATURE_AND_DATE.matcher(l);
            if (both.find()) {
                return new Signature(both.group(1), isoOf(both.group(2)));
            }
            if (DateText.DATE_LINE.matcher(l).find()) {
                date = isoOf(l);
                lastContent = i;
                // the signature is the content line just above the date
                for (int j = i - 1; j >= Math.max(0, from); j--) {
                    if (!text.isContent(j)) {
                        continue;
                    }
                    if (SIGNATURE.matcher(text.line(j)).find()) {
                        name = text.line(j);
                    }
                    break;
                }
                return new Signature(name, date);
            }
            if (lastContent < 0) {
                lastContent = i;
                if (SIGNATURE.matcher(l).find() && !l.contains("欢迎")) {
                    name = l;
                    return new Signature(name, null);
                }
            }
            if (i < text.size() - 12) {
                break;
            }
        }
        return new Signature(name, date);
    }

    private static String isoOf(String dateLine) {
        Matcher m = DateText.DATE_LINE.matcher(dateLine.trim());
        if (!m.find()) {
            return null;
        }
        Integer y = ChineseNumbers.parseYearDigits(m.group(1));
        Integer mo = ChineseNumbers.parseSmall(m.group(2));
        Integer d = ChineseNumbers.parseSmall(m.group(3));
        return y == null || mo == null || d == null ? null : DateText.isoDate(y, mo, d);
    }

    /** Phone, e-mail and mail box from the contact lines after the last issue (else anywhere near the end). */
    static Contact contact(ReportText text, int from) {
        String phone = null;
        String email = null;
        String mail = null;
        int start = Math.max(0, Math.min(from, text.size()));
        for (int i = start; i < text.size(); i++) {
            String l = text.line(i);
            if (l.isEmpty() || !CONTACT_LINE.foundIn(l)) {
                continue;
            }
            if (phone == null) {
                Matcher m = PHONE.matcher(l);
                if (m.find()) {
                    phone = m.group(1).replace('－', '-').replace('—', '-');
                }
            }
            if (email == null) {
                Matcher m = EMAIL.matcher(l);
                if (m.find()) {
                    email = m.group(1) + "@" + m.group(2);
                }
            }
            if (mail == null) {
                Matcher m = MAIL.matcher(l);
                if (m.find()) {
                    mail = MAIL_TAIL.matcher(m.group(1)).replaceFirst("");
                }
            }
        }
        return phone == null && email == null && mail == null ? Contact.NONE : new Contact(phone, email, mail);
    }
}
