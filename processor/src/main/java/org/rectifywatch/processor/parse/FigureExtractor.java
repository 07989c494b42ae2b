package org.rectifywatch.processor.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report-wide outcome figures (codes of the annotation schema) from the text outside the issues.
 *
 * <p>How a figure is found: a keyword of its code (处分, 组织处理, 诫勉, 提醒谈话…, 问责, 立案, 建立…制度, 清退, 收缴,
 * 追回, 挽回…损失) is paired with a number and a unit in the same clause, either after the keyword (给予党纪政务处分23人,
 * 处分干部12名, 立案审查调查违纪违法问题103件) or before it (23人受到党纪政务处分, 对7名干部进行诫勉). Numbers are Arabic, with
 * thousand separators or full-width digits, or Chinese numerals (二十三, 三百二十万, 两亿); 余/多 keep their number
 * (30余人 = 30, 1,250余万元 = 12500000, 50万余元 = 500000). Money is converted to yuan.
 *
 * <p>Conventions, per the schema meaning of each code:
 * <ul>
 * <li>{@code disciplined_persons} (党纪政务处分) counts persons given a party-discipline or a government sanction:
 * 党纪处分8人、政务处分3人 in one paragraph gives their sum (11); a combined count (党纪政务处分, 纪律处分, 处分N人) is
 * taken as it is, and parts told after it (其中…, or in parentheses) are never added.</li>
 * <li>{@code cases_filed} counts cases (件/起): 立案审查调查12人 is a person count and gives no figure.</li>
 * <li>{@code held_accountable_persons} counts persons only: 问责党组织3个 gives none, 问责党组织3个、党员干部12人 gives 12.</li>
 * <li>{@code rules_established}: 新建制度12项、修订完善8项 is summed (20); 其中… parts are not added; 整改措施/整改任务 are
 * not rules.</li>
 * <li>A count of two codes at once (诫勉谈话和批评教育12人, 组织处理和党纪政务处分共23人) gives neither.</li>
 * <li>A "含" sub-amount is read as its own code and never added to its parent. Per code the first statement wins,
 * unless a later one announces a report-wide total (共, 累计, 全县…), which outranks partial counts.</li>
 * <li>Problems: a total (反馈的N个问题, 反馈问题共N个) and, in the same sentence or the next, the number rectified
 * (已完成整改M个, M个已整改到位, 已全部整改完成, 整改完成率x%). A total alone gives nothing; counted 整改任务/措施 told in
 * between break the pair (the rectified count is then about tasks).</li>
 * <li>Never read: numbers right after 年/月/第/数/几 (dates, ordinals, vague counts), meetings, trainings,
 * percentages, 涉及金额.</li>
 * </ul>
 */
public final class FigureExtractor {
    private static final String CN = "零〇一二两三四五六七八九十百千万亿";
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[" + CN + "]+)";
    /** "163余人", "62.5多万元": approximate amounts keep their number. */
    private static final String ABOUT = "(?:余|多)?";
    /** Characters that end a clause. */
    private static final String BREAKS = "。;；,，、:：()（）\\n";
    /** One character of a gap: no digits, numerals, percent signs or clause breaks. */
    private static final String GAP_CHAR = "[^\\d" + CN + BREAKS + "%]";
    /** A date inside a gap (清退2020年以来违规发放津补贴…). */
    private static final String DATE = "(?:\\d{4}年(?:\\d{1,2}月)?(?:\\d{1,2}日)?|\\d{1,2}月(?:\\d{1,2}日)?)";
    /** Common words that contain a numeral character but are no number. */
    private static final String WORDS = "(?:统一|进一步|一把手|一批|一律|一并|同一|唯一|一次性|第一)";
    /** Characters a number may not follow (dates, ordinals, vague counts, a cut number). */
    private static final String NOT_BEFORE_NUM = "\\d.," + CN + "年月第数几";
    private static final String PERSONS = "(人次|人(?!民)|名(?!单))";
    private static final String MONEY_UNIT = "(亿|千万|百万|万)?" + ABOUT + "元";
    /** Verbs between the person count and the keyword when the number comes first. */
    private static final String VERBS = "(?:进行了?|予以|给予了?|受到了?|被给予|被|作出|实施|分别|依规依纪|依纪依法|依法依纪|严肃|均)*";
    /** Keywords of every count code: a gap that holds one of them belongs to another figure. */
    private static final String ANY_KEYWORD =
            "处分|组织处理|诫勉|提醒|批评教育|问责|追责|立案|清退|收缴|追回|追缴|收回|挽回|处理";

    private static String gap(int max) {
        return "(?:" + GAP_CHAR + "|" + DATE + "|" + WORDS + "){0," + max + "}?";
    }

    private enum Part { WHOLE, PARTY, GOV }

    private record Code(String code, FastPatterns.KeywordPattern keyword, String unit, boolean money, Pattern blockers) {
    }

    private static final Pattern COUNT_BLOCKERS = Pattern.compile(ANY_KEYWORD + "|涉及|其中|同比|较上年|占比");
    private static final Pattern MONEY_BLOCKERS = Pattern.compile(
            "清退|收缴|追回|追缴|收回|挽回|损失|涉及|涉案|涉嫌|其中|同比|较上年|占比|处分|问责|立案");

    private static final List<Code> COUNTS = List.of(
            new Code("disciplined_persons", FastPatterns.of("党政纪处", 
                    "(?:党纪政务|党纪政纪|党纪和政务|党纪、政务|党纪及政务|党纪或政务|党纪处分[和及、或]政务|党政纪律?|纪律|党纪|政务|政纪)?处分"),
                    PERSONS, false, COUNT_BLOCKERS),
            new Code("org_handled_persons", FastPatterns.of("组", "组织处理"), PERSONS, false, COUNT_BLOCKERS),
            new Code("admonished_persons", FastPatterns.of("诫", "诫勉(?:谈话|处理)?"), PERSONS, false, COUNT_BLOCKERS),
            new Code("reminded_persons", FastPatterns.of("教批提谈约", "教育提醒|批评教育|提醒教育|提醒谈话|谈话提醒|约谈提醒|批评提醒"),
                    PERSONS, false, COUNT_BLOCKERS),
            new Code("held_accountable_persons", FastPatterns.of("追问责", "追责问责|问责|追责|责任追究"), PERSONS, false,
                    COUNT_BLOCKERS),
            new Code("cases_filed", FastPatterns.of("立", "立案(?:审查调查|审查|调查|查处)?"), "(件|起)", false,
                    COUNT_BLOCKERS));

    private static final List<Code> MONIES = List.of(
            new Code("funds_returned_yuan", FastPatterns.of("清", "清退(?:收缴)?"), null, true, MONEY_BLOCKERS),
            new Code("funds_confiscated_yuan", FastPatterns.of("收", "(?<!清退)收缴"), null, true, MONEY_BLOCKERS),
            new Code("funds_recovered_yuan", FastPatterns.of("追收", "追回|追缴|收回"), null, true, MONEY_BLOCKERS),
            new Code("losses_recovered_yuan", FastPatterns.of("挽", "挽回(?:[^\\d" + BREAKS + "]{0,6}?)损失"), null, true,
                    MONEY_BLOCKERS));

    private static final String RULE_VERB = "(?:新建|新制定|新出台|建立|完善|健全|制定|修订|修改|出台|印发|新增|形成)";
    private static final String RULE_NOUN = "(?:制度|机制|规章)";
    private static final FastPatterns.KeywordPattern RULES_KEYWORD = FastPatterns.of("建新完健制修出印形",
            "建章立制|" + RULE_VERB + "(?:[^\\d" + CN + BREAKS + "]{0,6}?|《[^》\\n]{1,40}》[^\\d" + CN + BREAKS + "]{0,4}?)" + RULE_NOUN);
    private static final String RULE_UNIT = "(项|个|件|条|份)";
    private static final Pattern RULES_BLOCKERS = Pattern.compile("任务|措施|问题|清单|会议|培训|涉及|其中|台账");
    /** "建立完善32项制度": the count before the noun. */
    private static final FastPatterns.KeywordPattern RULES_NUM_FIRST = FastPatterns.of("建新完健制修出印形",
            RULE_VERB + "+[^\\d" + CN + BREAKS + "]{0,4}?(?<![" + NOT_BEFORE_NUM + "])" + NUM + ABOUT + RULE_UNIT
                    + "[^\\d" + CN + BREAKS + "的村镇乡单部校院站企]{0,4}?" + RULE_NOUN);
    /** "、修订完善8项" after a rules figure: a further part of the same figure. */
    private static final Pattern RULES_MORE = Pattern.compile(
            "(?:[、，,和及]|以及)\\s*(?:新建|新制定|新出台|建立|完善|健全|制定|修订|修改|出台|印发)+"
                    + "(?:规章)?(?:制度|制度机制|制度文件)?(?:共)?" + NUM + ABOUT + "(项|个|件|条|份)");

    private FigureExtractor() {
    }

    private record Mention(String code, double value, int at, int rank, boolean sub, Part part, int line) {
    }

    /** Figures of the given non-issue text, in code order; counts as Long, money (yuan) as Double. */
    public static Map<String, Number> extract(String raw) {
        String text = normalize(raw);
        int[] lines = lineStarts(text);
        List<Mention> mentions = new ArrayList<>();
        for (Code c : COUNTS) {
            scanCounts(text, lines, c, mentions);
        }
        for (Code c : MONIES) {
            scanMoney(text, lines, c, mentions);
        }
        scanRules(text, lines, mentions);

        Map<String, Number> out = new LinkedHashMap<>();
        for (String code : CODES) {
            List<Mention> of = new ArrayList<>();
            for (Mention m : mentions) {
                if (m.code().equals(code)) {
                    of.add(m);
                }
            }
            if (code.equals("disciplined_persons")) {
                of = mergeParts(of);
            }
            of.sort((a, b) -> Integer.compare(a.at(), b.at()));
            Mention chosen = of.isEmpty() ? null : of.get(0);
            for (Mention m : of) {
                if (!m.sub() && m.rank() > 0 && (chosen.sub() || m.rank() > chosen.rank())) {
                    chosen = m; // a stated total (全县共给予…) outranks a partial count told earlier
                }
            }
            if (chosen != null) {
                boolean money = code.endsWith("_yuan");
                out.put(code, money ? (Number) (Math.round(chosen.value() * 100) / 100.0)
                        : (Number) Math.round(chosen.value()));
            }
        }
        long[] problems = problems(text);
        if (problems != null) {
            out.put("problems_total", problems[0]);
            out.put("problems_rectified", problems[1]);
        }
        return order(out);
    }

    private static final List<String> CODES = List.of("disciplined_persons", "org_handled_persons",
            "admonished_persons", "reminded_persons", "held_accountable_persons", "cases_filed", "rules_established",
            "funds_returned_yuan", "funds_confiscated_yuan", "funds_recovered_yuan", "losses_recovered_yuan",
            "problems_total", "problems_rectified");

    /** Full-width digits and signs to ASCII, character for character (positions are kept). */
    static String normalize(String raw) {
        char[] c = raw.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch >= '０' && ch <= '９') {
                c[i] = (char) ('0' + (ch - '０'));
            } else if (ch == '．') {
                c[i] = '.';
            } else if (ch == '％') {
                c[i] = '%';
            } else if (ch == '\u3000' || ch == '\u00a0') {
                c[i] = ' ';
            } else if (ch == '\r') {
                c[i] = '\n';
            }
        }
        return new String(c);
    }

    // ---------------------------------------------------------------- counts of persons and cases

    private static final Pattern COUNT_SKIP_ORGS = Pattern.compile(
            "(?:" + gap(8) + NUM + "个[^\\d" + CN + BREAKS + "]{0,6}?[、和及]\\s*)");

    private static final Map<String, Pattern[]> COUNT_PATTERNS = new LinkedHashMap<>();

    static {
        for (Code c : COUNTS) {
            String skip = c.code().equals("held_accountable_persons") ? COUNT_SKIP_ORGS.pattern() + "?" : "";
            COUNT_PATTERNS.put(c.code(), new Pattern[] {
                Pattern.compile(skip + "(" + gap(14) + ")" + NUM + ABOUT + "\\s*" + c.unit()),
                Pattern.compile("(对|将)?(?<![" + NOT_BEFORE_NUM + "])" + NUM + ABOUT + "\\s*" + c.unit() + "("
                        + GAP_CHAR + "{0,12}?)(" + VERBS + ")$")});
        }
    }

    private static void scanCounts(String text, int[] lines, Code c, List<Mention> out) {
        String skip = c.code().equals("held_accountable_persons") ? "skip" : "";
        Matcher f = COUNT_PATTERNS.get(c.code())[0].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher b = COUNT_PATTERNS.get(c.code())[1].matcher(text).useTransparentBounds(true).useAnchoringBounds(true);
        for (Matcher k = c.keyword().find(text, 0); k != null; k = c.keyword().find(text, k.end(), k)) {
            int ks = k.start();
            int ke = k.end();
            String kw = k.group();
            if (excludedKeyword(text, c.code(), ks, ke) || combined(text, ks, ke, kw, c)) {
                continue;
            }
            Part part = Part.WHOLE;
            if (c.code().equals("disciplined_persons")) {
                part = kw.equals("党纪处分") ? Part.PARTY : kw.equals("政务处分") || kw.equals("政纪处分") ? Part.GOV
                        : Part.WHOLE;
            }
            f.region(ke, Math.min(text.length(), ke + 60));
            int numGroup = skip.isEmpty() ? 2 : 3;
            int gapGroup = numGroup - 1;
            if (f.lookingAt() && !blocked(c.blockers(), f.group(gapGroup)) && numberStartsCleanly(text, f.start(numGroup))
                    && unitEndsCleanly(text, f.end())) {
                Double v = parseNumber(f.group(numGroup));
                if (v != null) {
                    out.add(mention(text, lines, c.code(), v, ks, part));
                    continue;
                }
            }
            int from = clauseStart(text, ks, 40);
            b.region(from, ks);
            if (b.find() && (b.group(1) != null || !b.group(5).isEmpty()) && !blocked(c.blockers(), b.group(4))) {
                Double v = parseNumber(b.group(2));
                if (v != null) {
                    out.add(mention(text, lines, c.code(), v, b.start(), part));
                }
            }
        }
    }

    /** Keywords that name no outcome: 免予处分, 处分决定, 不予立案, 问责条例…. */
    private static boolean excludedKeyword(String text, String code, int ks, int ke) {
        String before = text.substring(Math.max(0, ks - 2), ks);
        String after = text.substring(ke, Math.min(text.length(), ke + 2));
        if (before.endsWith("免予") || before.endsWith("不予") || before.endsWith("免于") || before.endsWith("撤销")
                || before.endsWith("解除")) {
            return true;
        }
        String later = text.substring(ke, Math.min(text.length(), ke + 3));
        if (before.endsWith("受") && (later.startsWith("干部") || later.startsWith("人员") || later.startsWith("党员")
                || later.startsWith("的"))) {
            return true;
        }
        return switch (code) {
            case "disciplined_persons" -> after.startsWith("决定") || after.startsWith("期") || after.startsWith("影响")
                    || after.startsWith("条例") || after.startsWith("规定");
            case "held_accountable_persons" -> after.startsWith("条例") || after.startsWith("办法")
                    || after.startsWith("规定");
            default -> false;
        };
    }

    private static final Pattern PERSON_KEYWORD = Pattern.compile(
            "(?:党纪政务|党纪|政务|纪律)?处分|组织处理|诫勉(?:谈话)?|教育提醒|批评教育|提醒教育|提醒谈话|谈话提醒|约谈提醒|问责|追责|处理");
    private static final Pattern JOIN_AFTER = Pattern.compile(
            "^(?:谈话|处理)?(?:和|及|以及|与|、|或|并)(?:给予|进行|予以)?(" + PERSON_KEYWORD.pattern() + ")");
    private static final Pattern JOIN_BEFORE = Pattern.compile(
            "(" + PERSON_KEYWORD.pattern() + ")(?:谈话)?(?:和|及|以及|与|、|或)(?:给予|进行|予以)?$");

    /** A count of two codes at once: 诫勉谈话和批评教育12人, 组织处理和党纪政务处分共23人. */
    private static boolean combined(String text, int ks, int ke, String kw, Code c) {
        if (kw.startsWith("立案")) {
            return false;
        }
        String after = text.substring(ke, Math.min(text.length(), ke + 12));
        String before = text.substring(Math.max(0, ks - 12), ks);
        Matcher a = JOIN_AFTER.matcher(after);
        Matcher b = JOIN_BEFORE.matcher(before);
        // 批评教育和谈话提醒 names one code twice: no combination
        return a.find() && !sameCode(c, a.group(1)) || b.find() && !sameCode(c, b.group(1));
    }

    private static boolean sameCode(Code c, String other) {
        return c.keyword().pattern().matcher(other).matches();
    }

    private static boolean blocked(Pattern blockers, String gap) {
        return gap != null && blockers.matcher(gap).find();
    }

    /** No number right after a digit, 年, 月 or 第; 数十人, 几百人 are no count (人数十人, 数十六人 are). */
    private static boolean numberStartsCleanly(String text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        if (before == '数' && at >= 2 && text.charAt(at - 2) == '人') {
            return true; // 人数十人
        }
        if (before == '数' || before == '几') {
            int end = at;
            while (end < text.length() && "十百千万亿".indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            return end == at || end < text.length() && CN.indexOf(text.charAt(end)) >= 0; // 数十六人 is 16
        }
        return NOT_BEFORE_NUM.indexOf(before) < 0 && !Character.isDigit(before);
    }

    /** "12人" but not "12人民币", "12%" is excluded by the unit itself. */
    private static boolean unitEndsCleanly(String text, int end) {
        return end >= text.length() || text.charAt(end) != '%';
    }

    // ---------------------------------------------------------------- money

    private static final String MONEY = NUM + ABOUT + "\\s*" + MONEY_UNIT;
    private static final Pattern MONEY_BACK = Pattern.compile("(?<![" + NOT_BEFORE_NUM + "])" + MONEY
            + "(" + GAP_CHAR + "{0,8}?)(?:已|已经|全部|均|予以|被|并|足额|如数|依规|及时)*$");

    private static final Pattern MONEY_FORWARD = Pattern.compile("(" + gap(18) + ")" + MONEY);

    private static void scanMoney(String text, int[] lines, Code c, List<Mention> out) {
        Matcher f = MONEY_FORWARD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher b = MONEY_BACK.matcher(text).useTransparentBounds(true).useAnchoringBounds(true);
        for (Matcher k = c.keyword().find(text, 0); k != null; k = c.keyword().find(text, k.end(), k)) {
            int ks = k.start();
            int ke = k.end();
            f.region(ke, Math.min(text.length(), ke + 60));
            if (f.lookingAt() && !blocked(c.blockers(), f.group(1)) && numberStartsCleanly(text, f.start(2))) {
                Double v = yuan(f.group(2), f.group(3));
                if (v != null) {
                    out.add(mention(text, lines, c.code(), v, ks, Part.WHOLE));
                    continue;
                }
            }
            int from = clauseStart(text, ks, 30);
            String prefix = text.substring(from, ks);
            if (prefix.contains("涉及") || prefix.contains("涉案") || prefix.contains("涉嫌")) {
                continue;
            }
            b.region(from, ks);
            if (b.find() && !blocked(c.blockers(), b.group(3))) {
                Double v = yuan(b.group(1), b.group(2));
                if (v != null) {
                    out.add(mention(text, lines, c.code(), v, b.start(), Part.WHOLE));
                }
            }
        }
    }

    private static Double yuan(String number, String unit) {
        Double v = parseNumber(number);
        if (v == null) {
            return null;
        }
        double factor = unit == null ? 1 : switch (unit) {
            case "亿" -> 1e8;
            case "千万" -> 1e7;
            case "百万" -> 1e6;
            case "万" -> 1e4;
            default -> 1;
        };
        return Math.round(v * factor * 100) / 100.0;
    }

    // ---------------------------------------------------------------- rules

    private static final Pattern RULES_FORWARD = Pattern.compile("(" + gap(6) + ")" + NUM + ABOUT + "\\s*" + RULE_UNIT);

    private static void scanRules(String text, int[] lines, List<Mention> out) {
        Matcher f = RULES_FORWARD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher more = RULES_MORE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        java.util.TreeSet<Integer> rulesAt = new java.util.TreeSet<>();
        int consumedTo = -1;
        for (Matcher k = RULES_KEYWORD.find(text, 0); k != null; k = RULES_KEYWORD.find(text, k.end(), k)) {
            if (k.start() < consumedTo) {
                continue;
            }
            f.region(k.end(), Math.min(text.length(), k.end() + 40));
            Double v = null;
            int end = -1;
            if (f.lookingAt() && !blocked(RULES_BLOCKERS, f.group(1)) && numberStartsCleanly(text, f.start(2))) {
                v = parseNumber(f.group(2));
                end = f.end();
            }
            if (v == null) {
                continue;
            }
            // "新建制度12项、修订完善8项": further parts of the same figure
            while (true) {
                more.region(end, Math.min(text.length(), end + 24));
                if (!more.lookingAt()) {
                    break;
                }
                Double w = parseNumber(more.group(1));
                if (w == null) {
                    break;
                }
                v += w;
                end = more.end();
            }
            consumedTo = end;
            rulesAt.add(k.start());
            out.add(mention(text, lines, "rules_established", v, k.start(), Part.WHOLE));
        }
        for (Matcher n = RULES_NUM_FIRST.find(text, 0); n != null; n = RULES_NUM_FIRST.find(text, n.end(), n)) {
            if (blocked(RULES_BLOCKERS, n.group())) {
                continue;
            }
            Integer near = rulesAt.floor(n.start() + 11);
            boolean known = near != null && near > n.start() - 12;
            Double v = parseNumber(n.group(1));
            if (!known && v != null) {
                out.add(mention(text, lines, "rules_established", v, n.start(), Part.WHOLE));
            }
        }
    }

    // ---------------------------------------------------------------- mentions

    /**
     * A mention with its standing: rank 2 when its own clause announces a total (全县共给予…), 1 when an earlier
     * clause of its sentence does (全县共给予党纪政务处分31人，诫勉谈话19人), 0 otherwise; {@code sub} when it is a part
     * (after 其中 in its clause, or inside parentheses: 含…).
     */
    private static Mention mention(String text, int[] lines, String code, double value, int at, Part part) {
        int s = at;
        while (s > 0 && at - s < 80 && "。;；\n".indexOf(text.charAt(s - 1)) < 0) {
            s--;
        }
        int c = clauseStart(text, at, 80, "，,;；。\n");
        String sentence = text.substring(s, at);
        String clause = text.substring(Math.max(c, s), at);
        boolean sub = clause.contains("其中") || openParen(sentence);
        int rank = 0;
        if (TOTAL_WORD.matcher(clause).find()) {
            rank = 2;
        } else if (TOTAL_WORD.matcher(sentence).find() && !clause.startsWith("其中")) {
            rank = 1;
        }
        return new Mention(code, value, at, rank, sub, part, lineOf(lines, at));
    }

    private static boolean openParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if ((c == ')' || c == '）') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int at) {
        int i = java.util.Arrays.binarySearch(lineStarts, at);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * 党纪处分8人、政务处分3人 → one figure of 11 (persons given either sanction), when both parts are told in the same
     * paragraph, outside 其中/含, and no combined count is told there.
     */
    private static List<Mention> mergeParts(List<Mention> of) {
        List<Mention> out = new ArrayList<>();
        boolean[] used = new boolean[of.size()];
        for (int i = 0; i < of.size(); i++) {
            Mention a = of.get(i);
            if (used[i] || a.part() == Part.WHOLE || a.sub()) {
                if (!used[i]) {
                    out.add(a);
                }
                continue;
            }
            boolean wholeInLine = false;
            for (Mention m : of) {
                if (m.part() == Part.WHOLE && m.line() == a.line() && !m.sub()) {
                    wholeInLine = true;
                }
            }
            Mention merged = a;
            if (!wholeInLine) {
                for (int j = i + 1; j < of.size(); j++) {
                    Mention b = of.get(j);
                    if (!used[j] && b.part() != Part.WHOLE && b.part() != a.part() && !b.sub() && b.line() == a.line()) {
                        used[j] = true;
                        merged = new Mention(a.code(), a.value() + b.value(), a.at(), Math.max(a.rank(), b.rank()),
                                false, Part.WHOLE, a.line());
                        break;
                    }
                }
            }
            used[i] = true;
            out.add(merged);
        }
        return out;
    }

    /** Words that announce a report-wide total: 共, 累计, 总计, 全县/全市…. */
    private static final Pattern TOTAL_WORD = Pattern.compile(
            "共|累计|总计|合计|全[省市县区州旗镇乡局校院委厅]|全系统|全行业|全集团|全公司");

    private static final String BREAK_CHARS = BREAKS.replace("\\n", "\n");

    private static int clauseStart(String text, int at, int max) {
        return clauseStart(text, at, max, BREAK_CHARS);
    }

    /** Start of the clause that ends at {@code at}; a comma inside a number (1,250) is no break. */
    private static int clauseStart(String text, int at, int max, String breaks) {
        int b = at;
        while (b > 0 && at - b < max) {
            char c = text.charAt(b - 1);
            boolean thousands = c == ',' && b >= 2 && Character.isDigit(text.charAt(b - 2)) && b < text.length()
                    && Character.isDigit(text.charAt(b));
            if (breaks.indexOf(c) >= 0 && !thousands) {
                break;
            }
            b--;
        }
        return b;
    }

    // ---------------------------------------------------------------- problems

    private static final String PROBLEM_VERB = "(?:反馈|指出|交办|移交|提出|反映)";
    /** "反馈问题共18个", "巡察反馈问题3个方面14个". */
    private static final FastPatterns.KeywordPattern TOTAL_AFTER_WORD = FastPatterns.of("反指交移提",PROBLEM_VERB + "(?:的|了)?问题(?:共|总计|合计|总数)?(?:为|有|计)?"
            + "(?:[0-9" + CN + "]+个方面)?" + NUM + "\\s*(?:个|项|条)(?!方面|类|大类|领域)");
    /** "反馈的4个方面19个问题", "巡视组指出的三十一个具体问题". */
    private static final FastPatterns.KeywordPattern TOTAL_BEFORE_WORD = FastPatterns.of("反指交移提",PROBLEM_VERB + "(?:的|了)?[^。;；\\n]{0,14}?"
            + "(?<![" + NOT_BEFORE_NUM + "])" + NUM + "\\s*(?:个|项|条)(?:具体)?问题");
    /** "7个问题中已完成整改4个": a total told as the set the rectified count is taken from. */
    private static final FastPatterns.KeywordPattern TOTAL_OF_WHICH = FastPatterns.of("0123456789" + CN,
            "(?<![" + NOT_BEFORE_NUM + "])" + NUM + "\\s*(?:个|项)(?:具体)?问题(?:中|当中|里)");
    /** "15个问题已完成整改12个": a total told right before its rectified count. */
    private static final FastPatterns.KeywordPattern TOTAL_THEN_DONE = FastPatterns.of("0123456789" + CN,
            "(?<![" + NOT_BEFORE_NUM + "])" + NUM + "\\s*个(?:具体)?问题(?=[，,]?(?:已经?|均已)?(?:全部)?"
                    + "(?:完成整改|整改完成|整改到位|销号)(?:并销号)?[0-9" + CN + "]+\\s*(?:个|项))");
    /** "12个反馈问题". */
    private static final FastPatterns.KeywordPattern TOTAL_NUM_FIRST = FastPatterns.of("0123456789" + CN,
            "(?<![" + NOT_BEFORE_NUM + "])" + NUM + "\\s*个(?:巡视|巡察)?反馈(?:的)?问题");
    private static final String DONE = "(?:(?:已经?(?:全部)?(?:完成整改|整改完成|整改到位|完成|整改|销号|办结)|完成整改|整改完成|整改到位)"
            + "(?:并(?:销号|验收销号|通过验收))?)";
    /** "已完成整改19个", "已整改完成的问题有12个". */
    private static final Pattern RECTIFIED = Pattern.compile("(?<!基本|未|没有|正在|待|未能)" + DONE
            + "(?:的)?(?:问题)?(?:共|有)?" + NUM + "\\s*(?:个|项)");
    /** "其中12个已整改到位". */
    private static final Pattern RECTIFIED_NUM_FIRST = Pattern.compile("(?<![" + NOT_BEFORE_NUM + "])" + NUM
            + "\\s*(?:个|项)(?:问题)?(?:均)?" + DONE + "(?![^，,。；;]{0,4}?[0-9" + CN + "]+\\s*(?:个|项))"); // 7个问题已完成整改4个: 4
    /** "已全部整改完成", "均已整改到位", "整改完成率100%". */
    private static final Pattern ALL_DONE = Pattern.compile(
            "(?:已经?|均已|均)?全部(?:完成整改|整改完成|整改到位|完成|整改|销号|办结)|均已(?:完成整改|整改完成|整改到位|整改|销号)"
                    + "|(?:整改)?完成率(?:为|达|达到)?100(?:\\.0+)?%|100%(?:完成整改|整改完成|完成|整改到位)");
    private static final Pattern RATE = Pattern.compile("(?:整改)?完成率(?:为|达|达到|达到了)?(\\d+(?:\\.\\d+)?)%");
    /** "整改完成率100%（15个问题）", total after the rate. */
    private static final FastPatterns.KeywordPattern RATE_OF = FastPatterns.of("整完","(?:整改)?完成率(?:为|达|达到)?(\\d+(?:\\.\\d+)?)%[（(](?:共|涉及)?"
            + NUM + "\\s*个(?:具体)?问题[)）]");
    /** Counted tasks or measures between a total and a rectified count: the count is then about them. */
    private static final Pattern TASKS = Pattern.compile(
            "[0-9" + CN + "]+\\s*(?:项|条|个|份)[^，,。；;]{0,4}?(?:任务|措施|小项|事项|举措|整改点|清单)");

    /** {total, rectified} of the first problem statement that gives both, or null. */
    private static long[] problems(String text) {
        Matcher ro = RATE_OF.find(text, 0);
        List<int[]> totals = new ArrayList<>(); // {start, end, group index holder}
        List<Double> values = new ArrayList<>();
        for (FastPatterns.KeywordPattern p : List.of(TOTAL_BEFORE_WORD, TOTAL_AFTER_WORD, TOTAL_NUM_FIRST, TOTAL_OF_WHICH,
                TOTAL_THEN_DONE)) {
            for (Matcher m = p.find(text, 0); m != null; m = p.find(text, m.end(), m)) {
                Double v = parseNumber(m.group(1));
                if (v != null && v > 0) {
                    totals.add(new int[] {m.start(), m.end()});
                    values.add(v);
                }
            }
        }
        long[] best = null;
        int bestAt = Integer.MAX_VALUE;
        for (int i = 0; i < totals.size(); i++) {
            int[] t = totals.get(i);
            if (t[0] >= bestAt) {
                continue;
            }
            long total = Math.round(values.get(i));
            Long done = rectifiedAfter(text, t[1], total);
            if (done != null) {
                best = new long[] {total, done};
                bestAt = t[0];
            }
        }
        if (best == null && ro != null) {
            Double rate = Double.valueOf(ro.group(1));
            Double total = parseNumber(ro.group(2));
            if (total != null) {
                Long done = fromRate(Math.round(total), rate);
                if (done != null) {
                    best = new long[] {Math.round(total), done};
                }
            }
        }
        if (best == null) {
            best = rectifiedWithRate(text);
        }
        return best;
    }

    /** The rectified count told after a total: rest of its sentence and the next sentence. */
    private static Long rectifiedAfter(String text, int from, long total) {
        int end = from;
        int sentences = 0;
        while (end < text.length() && sentences < 2 && end - from < 160) {
            char c = text.charAt(end);
            if ("。;；".indexOf(c) >= 0) {
                sentences++;
            }
            if (c == '\n') {
                break;
            }
            end++;
        }
        String window = text.substring(from, end);
        int firstBreak = indexOfAny(window, "。;；");
        int bestAt = Integer.MAX_VALUE;
        Long best = null;
        Matcher r = RECTIFIED.matcher(window);
        if (r.find()) {
            Double v = parseNumber(r.group(1));
            if (v != null && r.start() < bestAt) {
                bestAt = r.start();
                best = Math.round(v);
            }
        }
        Matcher rn = RECTIFIED_NUM_FIRST.matcher(window);
        if (rn.find() && rn.start() < bestAt) {
            Double v = parseNumber(rn.group(1));
            if (v != null) {
                bestAt = rn.start();
                best = Math.round(v);
            }
        }
        Matcher all = ALL_DONE.matcher(window);
        if (all.find() && all.start() < bestAt && (firstBreak < 0 || all.start() < firstBreak)) {
            bestAt = all.start();
            best = total;
        }
        if (best == null) {
            Matcher rate = RATE.matcher(window);
            if (rate.find()) {
                bestAt = rate.start();
                best = fromRate(total, Double.valueOf(rate.group(1)));
            }
        }
        if (best == null || best > total || best < 0) {
            return null;
        }
        String between = window.substring(0, bestAt);
        if (TASKS.matcher(between).find() || between.contains("问题线索")) {
            return null;
        }
        if (firstBreak >= 0 && bestAt > firstBreak) {
            // in the next sentence: it may hold no other total of its own
            String next = between.substring(firstBreak);
            if (TOTAL_BEFORE_WORD.foundIn(next) || TOTAL_AFTER_WORD.foundIn(next)) {
                return null;
            }
        }
        return best;
    }

    private static final FastPatterns.KeywordPattern RECTIFIED_ONLY = FastPatterns.of("已完整", RECTIFIED.pattern());

    /** "已完成整改35个，完成率83.3%" with no total told: the total that the rate implies, when unique. */
    private static long[] rectifiedWithRate(String text) {
        for (Matcher r = RECTIFIED_ONLY.find(text, 0); r != null; r = RECTIFIED_ONLY.find(text, r.end(), r)) {
            int s = r.start();
            while (s > 0 && "。;；\n".indexOf(text.charAt(s - 1)) < 0) {
                s--;
            }
            int e = r.end();
            while (e < text.length() && "。;；\n".indexOf(text.charAt(e)) < 0) {
                e++;
            }
            String sentence = text.substring(s, e);
            if (sentence.contains("任务") || sentence.contains("措施") || sentence.contains("事项")
                    || sentence.contains("举措") || sentence.contains("线索")) {
                continue;
            }
            Matcher rate = RATE.matcher(sentence);
            Double done = parseNumber(r.group(1));
            if (!rate.find() || done == null) {
                continue;
            }
            String printed = rate.group(1);
            double pct = Double.parseDouble(printed);
            if (pct <= 0 || pct > 100) {
                continue;
            }
            long d = Math.round(done);
            int decimals = printed.contains(".") ? printed.length() - printed.indexOf('.') - 1 : 0;
            double half = 0.5 * Math.pow(10, -decimals);
            Long total = null;
            for (long n = Math.max(d, 1); n <= 100000 && d * 100.0 / n >= pct - half - 1e-9; n++) {
                if (roundsTo(d * 100.0 / n, pct, decimals)) {
                    if (total != null) {
                        total = null;
                        break;
                    }
                    total = n;
                }
            }
            if (total != null) {
                return new long[] {total, d};
            }
        }
        return null;
    }

    /** The rectified count that a rate of a known total implies. */
    private static Long fromRate(long total, double rate) {
        if (rate > 100) {
            return null;
        }
        long d = Math.round(total * rate / 100);
        String r = Double.toString(rate);
        int decimals = r.endsWith(".0") ? 0 : r.length() - r.indexOf('.') - 1;
        return roundsTo(d * 100.0 / total, rate, decimals) ? d : null;
    }

    private static boolean roundsTo(double value, double rate, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.abs(Math.round(value * scale) / scale - rate) < 1e-9;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- numbers

    /** Arabic (with separators) or Chinese numerals, including 亿 ("三亿五千万"). */
    static Double parseNumber(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int yi = s.indexOf('亿');
        if (yi >= 0 && !Character.isDigit(s.charAt(0))) {
            Double hi = yi == 0 ? Double.valueOf(1) : ChineseNumbers.parse(s.substring(0, yi));
            Double lo = yi == s.length() - 1 ? Double.valueOf(0) : ChineseNumbers.parse(s.substring(yi + 1));
            return hi == null || lo == null ? null : hi * 1e8 + lo;
        }
        return ChineseNumbers.parse(s);
    }

    private static Map<String, Number> order(Map<String, Number> found) {
        Map<String, Number> out = new LinkedHashMap<>();
        for (String code : CODES) {
            if (found.containsKey(code)) {
                out.put(code, found.get(code));
            }
        }
        return out;
    }
}
