package org.rectifywatch.processor.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A family of fictional feedback notices generated from a seed, each with the (unit, team, date) triples, the round
 * and the level it must read to. The expectation is computed here from the parts that went into the text (the team's
 * body, ordinal and kind, the units as written, the dates and how they are written), never by the parser's code.
 *
 * <p>Families: {@code single} (one unit; title with or without a clause; body with a dated clause, a 近日 clause, a
 * 反馈会 sentence followed by 会上…组长X向Y领导班子反馈, a report-like 对X进行了巡视，D向Y反馈, or no date at all),
 * {@code list} (one team, 分别向A、B和C反馈), {@code round} (a round's title, an optional lead 1月14日至16日…集中反馈 or
 * 近日…完成反馈, then clauses in sentences, in lines without punctuation or joined by ；, some with their own date).
 * Everything varies: body (中央, 省委, 自治区党委, 市委, 县委, 区委) and kind (巡视 for 中央/省委, 巡察 for the others), ordinals
 * (Chinese or Arabic, before the kind), 十X届 prefixes, dates with or without year, in Arabic, Chinese or full-width
 * digits, ASCII or full-width punctuation, whitespace anywhere, line breaks after punctuation or inside a clause,
 * noise sentences before and after.
 *
 * <p>The rules the expectation encodes: a clause's date is its own (a range gives its end), else that of the clause
 * before it in the same sentence (joined by ；), else the last lead sentence's, else the page date (with a
 * warning); 近日 is the page date; a date without year takes the page's year (the previous one when its month is
 * later than the page's); a unit named in the title and the text is read once, as its longer spelling; a team named
 * without ordinal is the notice's only team with one.
 */
final class NoticeGenerator {
    /** One expected reading. */
    record Expected(String unit, String team, String date) {
    }

    /** A generated notice. */
    record Notice(String family, long seed, String title, String text, String pageDate, List<Expected> expected,
            String round, InspectionLevel level, boolean warningExpected) {
        @Override
        public String toString() {
            return family + " seed=" + seed + "L page=" + pageDate + "\n  title: " + title + "\n  text: "
                    + text.replace("\n", "⏎\n        ") + "\n  expected: " + expected + " round=" + round + " level="
                    + level;
        }
    }

    private static final String[] SYLLABLES = {"松", "岭", "桐", "溪", "北", "塘", "青", "岩", "云", "岗", "兰", "水", "石", "桥",
        "花", "梅", "柳", "枫", "江", "泉", "林", "原", "阳", "澄", "川", "鹿", "鸣", "翠", "屏", "金", "沙", "玉", "峰", "南", "崖",
        "临", "洮", "湄", "潭", "丰", "饶", "晴", "岚"};
    private static final String[] DEPARTMENTS = {"财政", "教育", "卫生健康", "自然资源", "水利", "交通运输", "住房和城乡建设",
        "发展和改革", "人力资源和社会保障", "农业农村", "市场监督管理", "生态环境", "科学技术和工业信息化"};
    private static final String[] INDUSTRIES = {"能源", "交通投资", "水务", "文化旅游", "建设", "矿业", "电力", "粮食"};
    private static final String[] SURNAMES = {"张", "李", "王", "赵", "陈", "刘", "周", "吴", "郑", "孙"};
    private static final String[] GIVEN = {"明", "芳", "建国", "卫东", "海燕", "志强", "丽", "晓峰", "向东", "文"};
    private static final String[] AUDIENCE = {"", "", "领导班子", "主要负责同志", "领导班子及其成员", "领导班子和主要负责同志"};

    private Random r;
    private boolean ascii;

    Notice generate(long seed) {
        r = new Random(seed);
        ascii = r.nextInt(3) == 0;
        int family = r.nextInt(10);
        Notice n = family < 4 ? single(seed) : family < 6 ? list(seed) : round(seed);
        return n;
    }

    // ------------------------------------------------------------------------------------------------------------
    // families

    /** One unit, one team. */
    private Notice single(long seed) {
        Team team = team();
        LocalDate fb = feedbackDay();
        LocalDate page = fb.plusDays(r.nextInt(40));
        Unit unit = unit(team.body, new LinkedHashSet<>());
        String kind = team.kind;
        List<String> body = new ArrayList<>();
        noiseBefore(body, team, unit);
        int form = r.nextInt(6);
        String date = fb.toString();
        boolean warning = false;
        switch (form) {
            case 0 -> body.add(dateText(fb, page) + "，" + team.written() + "向" + unit.body + audience() + "反馈" + maybe("了")
                    + kind + pick("情况", "意见", "") + "。");
            case 1 -> body.add(team.written() + "于" + dateText(fb, page) + "向" + unit.body + "反馈了" + kind + "情况。");
            case 2 -> {
                body.add(pick("近日", "日前") + "，" + team.written() + "向" + unit.body + "反馈了" + kind + "情况。");
                page = fb;
                date = fb.toString();
            }
            case 3 -> {
                body.add(dateText(fb, page) + "，" + team.written() + kind + unit.place + "反馈会召开。");
                // the team of the 会上 sentence may be written without ordinal: it is the notice's only team
                String again = r.nextBoolean() ? team.written() : team.bodyWord + kind + "组";
                body.add("会上，" + again + "组长" + name() + "向" + unit.body + audience() + "反馈了" + kind + "情况。");
            }
            case 4 -> {
                LocalDate start = fb.minusDays(60 + r.nextInt(30));
                LocalDate end = fb.minusDays(10 + r.nextInt(20));
                body.add(fullDate(start) + "至" + shortDate(end) + "，" + team.written() + "对" + unit.place
                        + "进行了常规" + kind + "，" + dateText(fb, page) + "向" + unit.body + "反馈了" + kind + "意见。");
            }
            default -> {
                body.add(team.written() + "向" + unit.body + "反馈了" + kind + "情况。");
                date = page.toString();
                warning = true;
            }
        }
        noiseAfter(body, team, unit);
        String title = switch (r.nextInt(5)) {
            case 0 -> team.written() + "向" + unit.title + "反馈" + kind + pick("情况", "意见");
            case 1 -> team.bodyWord + kind + "组向" + unit.title + "反馈" + kind + "情况";
            case 2 -> team.written() + kind + unit.place + "反馈会召开";
            case 3 -> unit.place + "召开" + kind + "反馈会";
            default -> pick("关于" + kind + "反馈的消息", "", kind + "反馈会召开");
        };
        String unitName = title.contains("向" + unit.title) && unit.title.length() > unit.body.length() ? unit.title
                : unit.body;
        List<Expected> exp = List.of(new Expected(unitName, team.normal(), date));
        return new Notice("single/" + form, seed, dress(title), dress(String.join(sep(), body)), pageText(page), exp,
                null, team.level, warning);
    }

    /** One team, several units in one clause. */
    private Notice list(long seed) {
        Team team = team();
        LocalDate fb = feedbackDay();
        LocalDate page = fb.plusDays(r.nextInt(40));
        Set<String> keys = new LinkedHashSet<>();
        int n = 2 + r.nextInt(4);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(unit(team.body, keys));
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                names.append(i == n - 1 && r.nextBoolean() ? pick("和", "及") : pick("、", "、", "，"));
                if (r.nextInt(6) == 0) {
                    names.append('\n');
                }
            }
            names.append(units.get(i).body);
        }
        List<String> body = new ArrayList<>();
        noiseBefore(body, team, units.get(0));
        body.add(dateText(fb, page) + "，" + team.written() + "分别向" + names + pick("反馈", "反馈了", "集中反馈") + team.kind
                + pick("情况", "意见") + "。");
        noiseAfter(body, team, units.get(0));
        List<Expected> exp = new ArrayList<>();
        for (Unit u : units) {
            exp.add(new Expected(u.body, team.normal(), fb.toString()));
        }
        String title = pick(team.written() + "完成" + team.kind + "反馈", team.kind + "反馈会召开", "");
        return new Notice("list", seed, dress(title), dress(String.join(sep(), body)), pageText(page), exp, null,
                team.level, false);
    }

    /** A round: several teams, several units. */
    private Notice round(long seed) {
        Team first = team();
        String session = r.nextBoolean() ? pick("十三届", "十二届", "第十四届", "十一届") : "";
        String roundName = session + first.bodyWord + "第" + chinese(1 + r.nextInt(9)) + "轮" + first.kind;
        LocalDate leadEnd = feedbackDay();
        LocalDate leadStart = leadEnd.minusDays(r.nextInt(4));
        int leadForm = r.nextInt(3); // 0 none, 1 a dated range, 2 近日
        LocalDate maxDate = leadEnd;
        int teams = 2 + r.nextInt(4);
        Set<String> keys = new LinkedHashSet<>();
        List<String> body = new ArrayList<>();
        List<Expected> exp = new ArrayList<>();
        boolean warning = false;
        // the clauses, each with an optional own date, joined into sentences
        List<String[]> clauses = new ArrayList<>(); // {text, own date or null}
        List<List<Unit>> unitsPerClause = new ArrayList<>();
        List<Team> teamPerClause = new ArrayList<>();
        Set<Integer> ordinals = new LinkedHashSet<>();
        for (int i = 0; i < teams; i++) {
            int ord;
            do {
                ord = 1 + r.nextInt(15);
            } while (!ordinals.add(ord));
            Team t = new Team(first.bodyWord, first.kind, ord, r.nextInt(4) == 0 ? pick("十三届", "第十四届") : "",
                    r.nextInt(3) == 0 && first.bodyWord.length() <= 3 ? "" : first.bodyWord, r.nextBoolean(), "");
            List<Unit> us = new ArrayList<>();
            int k = r.nextInt(4) == 0 ? 2 : 1;
            for (int j = 0; j < k; j++) {
                us.add(unit(t.body, keys));
            }
            LocalDate own = r.nextBoolean() ? leadEnd.minusDays(r.nextInt(3)) : null;
            StringBuilder c = new StringBuilder();
            if (own != null) {
                c.append(shortDateOrFull(own)).append(r.nextBoolean() ? "，" : "");
            }
            c.append(t.written()).append(k > 1 ? "分别向" : "向");
            for (int j = 0; j < k; j++) {
                if (j > 0) {
                    c.append(pick("、", "和"));
                }
                c.append(us.get(j).body);
            }
            c.append("反馈").append(pick("", "了")).append(t.kind).append(pick("情况", "意见", ""));
            clauses.add(new String[] {c.toString(), own == null ? null : own.toString()});
            unitsPerClause.add(us);
            teamPerClause.add(t);
        }
        LocalDate page = maxDate.plusDays(r.nextInt(30));
        if (leadForm == 1) {
            body.add((r.nextBoolean() ? fullDate(leadStart) : shortDate(leadStart)) + (leadStart.equals(leadEnd) ? ""
                    : "至" + (leadStart.getMonthValue() == leadEnd.getMonthValue() ? leadEnd.getDayOfMonth() + "日"
                    : shortDate(leadEnd))) + "，" + roundName + pick("集中反馈", "完成反馈", "反馈工作全部完成") + "。");
        } else if (leadForm == 2) {
            page = leadEnd;
            body.add(pick("近日", "日前") + "，" + roundName + pick("完成反馈", "集中反馈") + "。");
        }
        String leadDate = leadForm == 0 ? null : leadEnd.toString();
        String previousInSentence = null;
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < clauses.size(); i++) {
            String[] c = clauses.get(i);
            String date = c[1] != null ? c[1] : previousInSentence != null ? previousInSentence
                    : leadDate != null ? leadDate : page.toString();
            if (date.equals(page.toString()) && c[1] == null && previousInSentence == null && leadDate == null) {
                warning = true;
            }
            for (Unit u : unitsPerClause.get(i)) {
                exp.add(new Expected(u.body, teamPerClause.get(i).normal(), date));
            }
            sentence.append(c[0]);
            boolean last = i == clauses.size() - 1;
            int end = last ? 0 : r.nextInt(3); // 0 。, 1 ；(same sentence), 2 a line without punctuation
            if (end == 1) {
                sentence.append("；");
                previousInSentence = date;
                if (r.nextInt(4) == 0) {
                    sentence.append('\n');
                }
            } else {
                sentence.append(end == 0 ? "。" : "\n");
                body.add(sentence.toString().replaceAll("\n$", ""));
                if (end == 2) {
                    body.set(body.size() - 1, body.get(body.size() - 1) + "\n");
                }
                sentence.setLength(0);
                previousInSentence = null;
            }
        }
        if (sentence.length() > 0) {
            body.add(sentence.toString());
        }
        if (r.nextBoolean()) {
            body.add("各巡视巡察组还对被" + first.kind + "党组织抓好整改提出了要求，并移交了反映领导干部的问题线索。");
        }
        String title = pick(roundName + "反馈情况", roundName + "完成反馈", roundName + "集中反馈", "关于" + roundName
                + "反馈情况的通报");
        String text = joinRound(body);
        return new Notice("round/" + leadForm, seed, dress(title), dress(text), pageText(page), exp, roundName,
                first.level, warning);
    }

    private String joinRound(List<String> body) {
        StringBuilder b = new StringBuilder();
        for (String s : body) {
            if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                b.append(sep());
            }
            b.append(s);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // parts

    /** A team as written, and what it normalises to. */
    private static final class Team {
        final String bodyWord;
        final String body;
        final String kind;
        final int ordinal;
        final String session;
        final String writtenBody;
        final boolean arabic;
        final String place;
        final InspectionLevel level;

        Team(String bodyWord, String kind, int ordinal, String session, String writtenBody, boolean arabic,
                String place) {
            this.bodyWord = bodyWord;
            this.body = bodyWord;
            this.kind = kind;
            this.ordinal = ordinal;
            this.session = writtenBody.isEmpty() ? "" : session;
            this.writtenBody = writtenBody;
            this.arabic = arabic;
            this.place = writtenBody.isEmpty() ? "" : place;
            this.level = switch (bodyWord) {
                case "中央" -> InspectionLevel.CENTRAL;
                case "省委", "自治区党委" -> InspectionLevel.PROVINCIAL;
                default -> InspectionLevel.LOCAL;
            };
        }

        String written() {
            String ord = ordinal == 0 ? "" : "第" + (arabic ? Integer.toString(ordinal) : chinese(ordinal));
            return session + place + writtenBody + ord + kind + "组";
        }

        String normal() {
            return bodyWord + (ordinal == 0 ? "" : "第" + chinese(ordinal)) + kind + "组";
        }
    }

    private Team team() {
        String body = pick("中央", "省委", "省委", "自治区党委", "市委", "县委", "区委");
        String kind = body.equals("中央") || body.equals("省委") || body.equals("自治区党委") ? "巡视" : "巡察";
        int ordinal = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(15);
        String session = r.nextInt(4) == 0 ? pick("十三届", "第十二届", "十届", "二十届") : "";
        String place = session.isEmpty() && kind.equals("巡察") && r.nextInt(4) == 0 ? place() : "";
        return new Team(body, kind, ordinal, session, body, r.nextInt(5) == 0, place);
    }

    /** An inspected unit: its spelling in the text and in the title, and its place for 反馈会 titles. */
    private record Unit(String body, String title, String place) {
    }

    private Unit unit(String inspecting, Set<String> keys) {
        for (int attempt = 0; ; attempt++) {
            Unit u = unitOnce(inspecting);
            String key = u.body.replaceFirst("^中共", "");
            boolean clash = false;
            for (String k : keys) {
                clash |= k.endsWith(key) || key.endsWith(k);
            }
            if (!clash || attempt > 50) {
                keys.add(key);
                return u;
            }
        }
    }

    private Unit unitOnce(String inspecting) {
        String p = place();
        String dept = pick(DEPARTMENTS);
        int form = r.nextInt(4);
        String body;
        String placeWord;
        switch (inspecting) {
            case "中央" -> {
                body = switch (form) {
                    case 0, 1 -> "中国" + p + pick(INDUSTRIES) + "控股集团有限公司党组";
                    case 2 -> p + "大学党委";
                    default -> "中国" + p + "银行党委";
                };
                placeWord = body.replaceAll("党组$|党委$", "");
            }
            case "省委", "自治区党委" -> {
                body = switch (form) {
                    case 0 -> "中共" + p + "县委";
                    case 1 -> p + "市委";
                    case 2 -> "省" + dept + "厅党组";
                    default -> p + pick(INDUSTRIES) + "集团有限公司党委";
                };
                placeWord = body.replaceAll("^中共", "").replaceAll("委$|党组$|党委$", "");
            }
            case "市委" -> {
                body = switch (form) {
                    case 0 -> "中共" + p + "县委";
                    case 1 -> "市" + dept + "局党组";
                    case 2 -> p + "区委";
                    default -> p + "县人民政府党组";
                };
                placeWord = body.replaceAll("^中共", "").replaceAll("委$|党组$", "");
            }
            default -> {
                String local = inspecting.equals("区委") ? "区" : "县";
                body = switch (form) {
                    case 0 -> p + "镇党委";
                    case 1 -> local + dept + "局党" + pick("组", "委");
                    case 2 -> p + "街道党工委";
                    default -> "中共" + p + "乡委员会";
                };
                placeWord = body.replaceAll("^中共", "").replaceAll("党委$|党组$|党工委$|委员会$", "");
            }
        }
        String title = body.startsWith("中共") && r.nextBoolean() ? body.substring(2)
                : !body.startsWith("中共") && body.endsWith("县委") && r.nextBoolean() ? "中共" + body : body;
        return new Unit(body, title, placeWord);
    }

    private String place() {
        String a = pick(SYLLABLES);
        String b;
        do {
            b = pick(SYLLABLES);
        } while (b.equals(a));
        return a + b;
    }

    private String name() {
        return pick(SURNAMES) + pick(GIVEN);
    }

    private String audience() {
        return pick(AUDIENCE);
    }

    private void noiseBefore(List<String> body, Team team, Unit unit) {
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            LocalDate start = LocalDate.of(2023, 3, 1).plusDays(r.nextInt(700));
            body.add(switch (r.nextInt(4)) {
                case 0 -> "根据" + team.bodyWord + "统一部署，" + fullDate(start) + "至" + shortDate(start.plusDays(50))
                        + "，" + team.written() + "对" + unit.place + "进行了常规" + team.kind + "。";
                case 1 -> team.bodyWord + team.kind + "工作领导小组有关同志出席会议。";
                case 2 -> "会议由" + name() + "同志主持。";
                default -> "为深入贯彻落实" + team.kind + "工作方针，" + team.written() + "全体成员参加会议。";
            });
        }
    }

    private void noiseAfter(List<String> body, Team team, Unit unit) {
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            body.add(switch (r.nextInt(5)) {
                case 0 -> name() + "同志代表" + unit.place + "领导班子作表态发言。";
                case 1 -> "会议要求，要在" + chinese(2 + r.nextInt(3)) + "个月内完成集中整改，整改情况于" + (1 + r.nextInt(12))
                        + "月底前向社会公开。";
                case 2 -> team.kind + "组还收到反映领导干部的问题线索，已按有关规定向有关部门移交。";
                case 3 -> "欢迎社会各界通过来信来电向" + team.bodyWord + team.kind + "组反映问题。";
                default -> "联系电话：0" + (100 + r.nextInt(800)) + "-" + (1000000 + r.nextInt(8999999)) + "。";
            });
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // dates

    private LocalDate feedbackDay() {
        return LocalDate.of(2022, 1, 1).plusDays(r.nextInt(1500));
    }

    /** The feedback date as a notice writes it: with or without year (the page date supplies it). */
    private String dateText(LocalDate d, LocalDate page) {
        return r.nextBoolean() ? fullDate(d) : shortDate(d);
    }

    private String shortDateOrFull(LocalDate d) {
        return r.nextInt(3) == 0 ? fullDate(d) : shortDate(d);
    }

    private String fullDate(LocalDate d) {
        return switch (r.nextInt(5)) {
            case 0 -> yearChinese(d.getYear()) + "年" + chinese(d.getMonthValue()) + "月" + chinese(d.getDayOfMonth()) + "日";
            case 1 -> fullWidth(d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日");
            default -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        };
    }

    private String shortDate(LocalDate d) {
        return switch (r.nextInt(5)) {
            case 0 -> chinese(d.getMonthValue()) + "月" + chinese(d.getDayOfMonth()) + "日";
            default -> d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        };
    }

    private String pageText(LocalDate page) {
        return r.nextInt(5) == 0 ? page + "T09:30:00+08:00" : page.toString();
    }

    static String chinese(int n) {
        String d = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(d.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(d.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
    }

    private static String yearChinese(int y) {
        String d = "〇一二三四五六七八九";
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(y).toCharArray()) {
            b.append(d.charAt(c - '0'));
        }
        return b.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // dressing: punctuation, whitespace, line breaks

    private String sep() {
        return switch (r.nextInt(4)) {
            case 0 -> "\n";
            case 1 -> "\n\n";
            default -> "";
        };
    }

    /** ASCII punctuation in ASCII mode; spaces anywhere; now and then a line break after a comma. */
    private String dress(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ascii) {
                c = switch (c) {
                    case '，' -> ',';
                    case '；' -> ';';
                    case '：' -> ':';
                    case '。' -> r.nextInt(3) == 0 ? '.' : '。';
                    default -> c;
                };
            }
            b.append(c);
            if ((c == '，' || c == ',') && r.nextInt(8) == 0) {
                b.append('\n');
            }
            if (r.nextInt(25) == 0) {
                b.append(pick(" ", "\u3000", "\u00A0", "  ", "\t"));
            }
        }
        return b.toString();
    }

    private String maybe(String s) {
        return r.nextBoolean() ? s : "";
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }
}
