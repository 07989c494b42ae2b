package org.rectifywatch.processor.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated family of report-level summary paragraphs: figure clauses composed from a keyword phrase × a number
 * form (Arabic, Chinese numerals, 余/多, thousand separators, full-width digits) × a unit × an order (number after
 * or before the keyword), mixed with fillers and trap clauses that must give no figure. The expected figures are
 * computed here from the values drawn, never by the code under test.
 *
 * <p>The phrase lists are written for this test (not taken from any report).
 */
final class FigureFamily {
    record Paragraph(String text, Map<String, Number> expected) {
    }

    private final Random r;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Number> expected = new LinkedHashMap<>();

    private FigureFamily(Random r) {
        this.r = r;
    }

    static Paragraph generate(Random r) {
        return new FigureFamily(r).build();
    }

    static final List<String> CODES = List.of("disciplined_persons", "org_handled_persons", "admonished_persons",
            "reminded_persons", "held_accountable_persons", "cases_filed", "rules_established", "funds_returned_yuan",
            "funds_confiscated_yuan", "funds_recovered_yuan", "losses_recovered_yuan", "problems_total",
            "problems_rectified");

    // ------------------------------------------------------------------ phrase lists ({n} number, {u} unit)

    private static final String[] DISCIPLINED_AFTER = {"给予党纪政务处分{n}{u}", "党纪政务处分{n}{u}", "给予纪律处分{n}{u}",
        "处分干部{n}名", "处分{n}人", "给予违纪党员干部党纪政务处分{n}{u}", "给予党纪和政务处分{n}人",
        "给予党纪政纪处分{n}{u}", "依规依纪给予党纪政务处分{n}人次", "给予相关责任人党纪、政务处分{n}人"};
    private static final String[] DISCIPLINED_BEFORE = {"{n}人受到党纪政务处分", "{n}名党员干部受到纪律处分",
        "对{n}名违纪干部给予党纪政务处分", "{n}人被给予党纪政务处分", "对{n}名责任人依纪依法给予党纪政务处分"};
    private static final String[] DISCIPLINED_PARTS = {"给予党纪处分{a}人、政务处分{b}人", "党纪处分{a}人，政务处分{b}人",
        "给予党纪处分{a}名、政务处分{b}名", "党纪处分{a}人次、政务处分{b}人次"};
    private static final String[] ORG_AFTER = {"组织处理{n}{u}", "给予组织处理{n}人", "组织处理干部{n}名",
        "对相关责任人组织处理{n}人", "采取组织处理措施{n}人", "组织处理人数{n}人"};
    private static final String[] ORG_BEFORE = {"对{n}人进行组织处理", "对{n}名干部作出组织处理", "{n}名领导干部被组织处理",
        "对{n}名履职不力的干部予以组织处理"};
    private static final String[] ADMONISHED_AFTER = {"诫勉谈话{n}{u}", "诫勉{n}人", "诫勉谈话党员干部{n}名",
        "给予诫勉处理{n}人", "对相关人员诫勉谈话{n}人"};
    private static final String[] ADMONISHED_BEFORE = {"对{n}名干部进行诫勉", "对{n}人予以诫勉谈话", "{n}名干部被诫勉谈话"};
    private static final String[] REMINDED_AFTER = {"提醒谈话{n}{u}", "谈话提醒{n}人次", "批评教育{n}{u}", "教育提醒{n}{u}",
        "约谈提醒{n}人次", "开展提醒谈话{n}人次", "批评教育党员干部{n}名",
        "批评教育和谈话提醒{n}人次"};
    private static final String[] REMINDED_BEFORE = {"对{n}名干部进行批评教育", "对{n}人进行提醒谈话",
        "对{n}名党员干部开展教育提醒"};
    private static final String[] HELD_AFTER = {"问责{n}人", "追责问责{n}人", "严肃问责{n}名领导干部", "问责{n}名失职失责干部",
        "问责党组织{k}个、党员干部{n}人", "问责{k}个党组织、{n}名党员干部"};
    private static final String[] HELD_BEFORE = {"对{n}名领导干部进行问责", "{n}名干部被问责", "对落实责任不力的{n}人严肃问责"};
    private static final String[] CASES_AFTER = {"立案{n}件", "立案审查调查{n}件", "立案审查调查违纪违法问题{n}起", "立案查处{n}起",
        "立案{n}件{k}人", "立案审查{n}件"};
    private static final String[] CASES_BEFORE = {"对{n}件问题线索予以立案", "对{n}起违纪问题进行立案"};
    private static final String[] RULES_AFTER = {"建立完善制度{n}项", "制定完善制度机制{n}项", "出台制度文件{n}个", "建章立制{n}项",
        "修订完善制度{n}项", "健全完善规章制度{n}项", "建立健全长效机制{n}项", "建立健全各项制度{n}项",
        "出台《关于加强干部日常监督管理的实施办法》等制度文件{n}个", "形成制度成果{n}项"};
    private static final String[] RULES_BEFORE = {"建立完善{n}项制度", "出台{n}项制度机制", "修订完善{n}个制度文件"};
    private static final String[] RULES_SUM = {"新建制度{a}项、修订完善{b}项", "新制定制度{a}项，修订制度{b}项",
        "新建制度{a}项，修订完善制度{b}项", "新建制度{a}项、修订{b}项"};
    private static final String[] RETURNED_AFTER = {"清退资金{m}", "清退违规款项{m}", "清退违规发放津补贴{m}",
        "清退违规发放的津补贴{m}", "清退2021年以来违规发放的奖金{m}", "清退违规收取的费用{m}"};
    private static final String[] RETURNED_BEFORE = {"违规发放的津补贴{m}已全部清退", "违规资金{m}均已清退"};
    private static final String[] CONFISCATED_AFTER = {"收缴违纪款{m}", "收缴违纪违法资金{m}", "收缴违纪违法所得{m}"};
    private static final String[] CONFISCATED_BEFORE = {"违纪款{m}已全部收缴"};
    private static final String[] RECOVERED_AFTER = {"追回资金{m}", "追回违规资金{m}", "追缴资金{m}", "追回违规使用的专项资金{m}",
        "追缴违规拨付资金{m}", "追回被侵占挪用资金约{m}"};
    private static final String[] RECOVERED_BEFORE = {"违规资金{m}已全部追回"};
    private static final String[] LOSSES_AFTER = {"挽回经济损失{m}", "挽回直接经济损失{m}", "挽回损失{m}", "为国家挽回经济损失{m}", "挽回和避免经济损失{m}"};

    private static final String[] OPENERS = {"整改期间", "截至目前", "通过集中整改", "整改工作开展以来", "2023年12月以来",
        "自2024年3月15日反馈以来", "在巡视组的指导督促下", "县委坚持把巡视整改作为重大政治任务", "局党组逐项建立整改台账"};
    private static final String[] FILLERS = {"切实以案促改、以案促治", "推动整改工作走深走实", "持续压实整改责任",
        "形成了一批制度成果", "整改工作取得阶段性成效", "严肃查处群众身边不正之风", "持续释放违纪必究的强烈信号",
        "对反馈问题逐项对账销号"};
    /** Clauses that hold numbers but no report-wide figure. */
    private static final String[] TRAPS = {"召开党委会议{k}次专题研究整改工作", "开展专题培训{k}次", "培训党员干部{n}人次",
        "制定整改措施{k}条", "梳理形成整改任务{k}项", "排查违规发放津补贴问题{k}个，涉及金额{m}", "群众满意度达到{p}%",
        "问责党组织{k}个", "立案审查调查{k}人", "查处违反中央八项规定精神问题{k}起", "发放提醒函{k}份",
        "运用监督执纪“四种形态”批评教育和处理{n}人次", "诫勉谈话和批评教育{k}人", "回访受处分干部{k}人",
        "收到群众信访举报{k}件", "新增就业岗位{n}个", "涉案金额{m}", "召开第{k}次常委会议",
        "建立整改台账{k}本", "组织处理和党纪政务处分共{k}人", "发现问题线索{k}件"};

    // ------------------------------------------------------------------ building

    private Paragraph build() {
        List<Runnable> parts = new ArrayList<>(List.of(this::disciplined, this::orgHandled, this::admonished,
                this::reminded, this::held, this::cases, this::rules, this::returned, this::confiscated,
                this::recovered, this::losses));
        Collections.shuffle(parts, r);
        int figures = 1 + r.nextInt(6);
        for (int i = 0; i < figures; i++) {
            parts.get(i).run();
        }
        Collections.shuffle(clauses, r);
        int traps = r.nextInt(4);
        for (int i = 0; i < traps; i++) {
            clauses.add(r.nextInt(clauses.size() + 1), fill(pick(TRAPS), trapNumber()));
        }
        if (r.nextInt(3) == 0) {
            clauses.add(r.nextInt(clauses.size() + 1), pick(FILLERS));
        }
        StringBuilder b = new StringBuilder();
        String problems = r.nextInt(2) == 0 ? problems() : (r.nextInt(4) == 0 ? problemsTrap() : null);
        if (problems != null) {
            b.append(problems);
        }
        b.append(pick(OPENERS)).append('，');
        for (int i = 0; i < clauses.size(); i++) {
            b.append(clauses.get(i));
            if (i < clauses.size() - 1) {
                int j = r.nextInt(20);
                b.append(j < 12 ? "，" : j < 17 ? "；" : "。");
            }
        }
        b.append('。');
        return new Paragraph(b.toString(), Map.copyOf(expected));
    }

    private void count(String code, String[] after, String[] before, String units) {
        long n = personCount();
        boolean isBefore = before.length > 0 && r.nextInt(3) == 0;
        String template = isBefore ? pick(before) : pick(after);
        String unit = String.valueOf(units.split(",")[r.nextInt(units.split(",").length)]);
        String k = String.valueOf(1 + r.nextInt(9));
        String clause = template.replace("{u}", unit).replace("{k}", k).replace("{n}", countText(n));
        boolean totalled = !isBefore && r.nextInt(4) == 0;
        if (totalled) {
            clause = pick(new String[] {"共", "累计", "全县共", "全市累计", "共计"}) + clause;
        }
        expected.put(code, n);
        // a stated total, then a partial count of the same code (never the figure), or the reverse
        if (!isBefore && n > 2 && r.nextInt(6) == 0) {
            long part = 1 + r.nextInt((int) n - 1);
            String partial = pick(new String[] {"乡镇", "县直单位", "局属单位", "二级单位"})
                    + template.replace("{u}", unit).replace("{k}", k).replace("{n}", countText(part));
            if (r.nextBoolean()) {
                clause = (totalled ? "" : "全县共") + clause + "，其中" + partial;
                clause = clause.replace("全县共共", "全县共");
            } else {
                clauses.add(partial);
                clause = "全县累计" + clause.replaceFirst("^(共计|全县共|全市累计|累计|共)", "");
            }
        }
        clauses.add(clause);
    }

    private void disciplined() {
        if (r.nextInt(5) == 0) {
            long a = 1 + r.nextInt(40);
            long b = 1 + r.nextInt(40);
            clauses.add(pick(DISCIPLINED_PARTS).replace("{a}", countText(a)).replace("{b}", countText(b)));
            expected.put("disciplined_persons", a + b);
            return;
        }
        count("disciplined_persons", DISCIPLINED_AFTER, DISCIPLINED_BEFORE, "人,名,人次");
        if (r.nextInt(5) == 0) {
            clauses.set(clauses.size() - 1, clauses.get(clauses.size() - 1) + "（其中县处级干部" + (1 + r.nextInt(5)) + "人）");
        }
    }

    private void orgHandled() {
        count("org_handled_persons", ORG_AFTER, ORG_BEFORE, "人,名");
    }

    private void admonished() {
        count("admonished_persons", ADMONISHED_AFTER, ADMONISHED_BEFORE, "人,名");
    }

    private void reminded() {
        count("reminded_persons", REMINDED_AFTER, REMINDED_BEFORE, "人,名,人次");
    }

    private void held() {
        count("held_accountable_persons", HELD_AFTER, HELD_BEFORE, "人");
    }

    private void cases() {
        count("cases_filed", CASES_AFTER, CASES_BEFORE, "件");
    }

    private void rules() {
        int kind = r.nextInt(6);
        if (kind == 0) {
            long a = 1 + r.nextInt(30);
            long b = 1 + r.nextInt(30);
            clauses.add(pick(RULES_SUM).replace("{a}", countText(a)).replace("{b}", countText(b)));
            expected.put("rules_established", a + b);
        } else if (kind == 1) {
            long n = 2 + r.nextInt(120);
            clauses.add(pick(RULES_BEFORE).replace("{n}", countText(n)));
            expected.put("rules_established", n);
        } else {
            long n = 2 + r.nextInt(120);
            String clause = pick(RULES_AFTER).replace("{n}", countText(n));
            if (r.nextInt(5) == 0 && n > 3) {
                long a = 1 + r.nextInt((int) n - 1);
                clause += "，其中新建" + a + "项、修订" + (n - a) + "项";
            }
            clauses.add(clause);
            expected.put("rules_established", n);
        }
    }

    private void money(String code, String[] after, String[] before) {
        Money m = money();
        boolean isBefore = before.length > 0 && r.nextInt(4) == 0;
        String clause = (isBefore ? pick(before) : pick(after)).replace("{m}", m.text());
        expected.put(code, m.yuan());
        if (!isBefore && r.nextInt(4) == 0) {
            clause = pick(new String[] {"共", "累计", "全县共"}) + clause;
        }
        clauses.add(clause);
    }

    private void returned() {
        if (r.nextInt(4) == 0) {
            Money whole = money();
            Money sub = smaller(whole);
            if (sub != null && !expected.containsKey("funds_confiscated_yuan")) {
                clauses.add("清退资金" + whole.text() + "（含收缴违纪款" + sub.text() + "）");
                expected.put("funds_returned_yuan", whole.yuan());
                expected.put("funds_confiscated_yuan", sub.yuan());
                return;
            }
        }
        money("funds_returned_yuan", RETURNED_AFTER, RETURNED_BEFORE);
    }

    private void confiscated() {
        if (!expected.containsKey("funds_confiscated_yuan")) {
            money("funds_confiscated_yuan", CONFISCATED_AFTER, CONFISCATED_BEFORE);
        }
    }

    private void recovered() {
        if (r.nextInt(4) == 0) {
            Money whole = money();
            Money sub = smaller(whole);
            if (sub != null) {
                clauses.add("追回资金" + whole.text() + "（含追回扶贫领域违规资金" + sub.text() + "）");
                expected.put("funds_recovered_yuan", whole.yuan());
                return;
            }
        }
        money("funds_recovered_yuan", RECOVERED_AFTER, RECOVERED_BEFORE);
    }

    private void losses() {
        money("losses_recovered_yuan", LOSSES_AFTER, new String[0]);
    }

    // ------------------------------------------------------------------ problems

    private String problems() {
        long total = 3 + r.nextInt(80);
        long done = r.nextInt(4) == 0 ? total : 1 + r.nextInt((int) total);
        String t = exactText(total);
        String d = exactText(done);
        String aspects = exactText(2 + r.nextInt(4));
        String rate = BigDecimal.valueOf(done * 100.0 / total).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        String[] pair = {"巡视反馈问题{t}个，已完成整改{d}个。", "巡察反馈问题共{t}个，已整改到位{d}个，其余正在推进。",
            "巡视反馈的{t}个问题中已整改完成{d}个。", "对照反馈的{a}个方面{t}个问题，逐项制定整改措施，截至目前，已完成整改{d}个。",
            "省委巡视组指出的{t}个问题，已销号{d}个。", "巡视反馈的{t}个问题，已完成整改{d}个，完成率{p}%。",
            "巡视反馈问题共{t}个。截至目前，已整改到位{d}个，剩余问题正在按时序推进。",
            "反馈的{t}个问题中，{d}个已完成整改。", "巡察组反馈的{a}个方面{t}个具体问题，已完成整改的问题有{d}个。",
            "巡察反馈问题{a}个方面{t}个，已完成整改{d}个。"};
        String[] all = {"巡视反馈的{t}个问题全部整改完成。", "反馈的{t}个问题已全部整改到位。", "巡察反馈的{t}个问题均已整改完成。",
            "截至目前，整改完成率100%（{t}个问题）。"};
        String template;
        if (done == total && r.nextBoolean()) {
            template = pick(all);
        } else if (r.nextInt(8) == 0) {
            // no total told: the rate implies it when only one total rounds to it
            template = r.nextBoolean() ? "截至目前，已完成整改{d}个，完成率{p}%。" : "截至目前，反馈问题整改完成率达到{p}%，已完成整改{d}个。";
            Long implied = impliedTotal(done, rate);
            if (implied == null) {
                return template.replace("{d}", d).replace("{p}", rate);
            }
            total = implied;
        } else {
            template = pick(pair);
        }
        expected.put("problems_total", total);
        expected.put("problems_rectified", done);
        return template.replace("{t}", t).replace("{d}", d).replace("{a}", aspects).replace("{p}", rate);
    }

    /** Problem-like sentences without a rectified problem count. */
    private String problemsTrap() {
        String t = exactText(3 + r.nextInt(60));
        long tasks = 60 + r.nextInt(60);
        return pick(new String[] {"将反馈的" + t + "个问题细化为" + tasks + "项整改任务，已完成" + (tasks - 3) + "项。",
            "巡视反馈的3个方面" + t + "个问题，梳理形成" + tasks + "项整改任务。",
            "巡察反馈问题" + t + "个，均已制定整改措施。",
            "针对反馈的" + t + "个问题，制定整改措施" + tasks + "条，已完成整改" + (tasks - 5) + "条。"});
    }

    /** The totals whose rate, rounded as printed (83.3 to one decimal, 50 to units), is the rate printed; the total when only one fits. */
    private static Long impliedTotal(long done, String rate) {
        BigDecimal printed = new BigDecimal(rate);
        Long found = null;
        for (long n = done; n <= 100000; n++) {
            BigDecimal v = BigDecimal.valueOf(done * 100.0 / n).setScale(printed.scale(), java.math.RoundingMode.HALF_UP);
            if (v.compareTo(printed) == 0) {
                if (found != null) {
                    return null;
                }
                found = n;
            } else if (v.compareTo(printed) < 0) {
                break;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ numbers

    private long personCount() {
        int k = r.nextInt(10);
        return k < 6 ? 1 + r.nextInt(60) : k < 9 ? 60 + r.nextInt(400) : 1000 + r.nextInt(4000);
    }

    /** A count as printed: Arabic, Chinese, with 余/多 (round values), separators, full-width digits. */
    private String countText(long n) {
        int form = r.nextInt(10);
        if (n >= 1000 && form < 3) {
            return String.format("%,d", n);
        }
        if (form < 4) {
            return Long.toString(n);
        }
        if (form < 7) {
            return chinese(n);
        }
        if (form < 8) {
            return fullWidth(Long.toString(n));
        }
        if (n % 10 == 0 && n >= 10) {
            return (r.nextBoolean() ? Long.toString(n) : chinese(n)) + (r.nextBoolean() ? "余" : "多");
        }
        return Long.toString(n);
    }

    /** A count without 余/多. */
    private String exactText(long n) {
        int form = r.nextInt(4);
        return form == 0 ? chinese(n) : form == 1 ? fullWidth(Long.toString(n)) : Long.toString(n);
    }

    private String trapNumber() {
        return String.valueOf(2 + r.nextInt(300));
    }

    private String fill(String template, String n) {
        return template.replace("{k}", String.valueOf(2 + r.nextInt(30))).replace("{n}", n)
                .replace("{m}", money().text()).replace("{p}", (80 + r.nextInt(20)) + "." + r.nextInt(10));
    }

    record Money(String text, double yuan) {
    }

    private Money money() {
        int form = r.nextInt(9);
        switch (form) {
            case 0, 1 -> { // 31.77万元
                BigDecimal w = BigDecimal.valueOf(1 + r.nextInt(999999), 2).stripTrailingZeros();
                return new Money(w.toPlainString() + "万元", w.movePointRight(4).doubleValue());
            }
            case 2 -> { // 2.08亿元
                BigDecimal y = BigDecimal.valueOf(100 + r.nextInt(2000), 2).stripTrailingZeros();
                return new Money(y.toPlainString() + "亿元", y.movePointRight(8).doubleValue());
            }
            case 3 -> { // 35000元, 3,500元
                long v = 100 + r.nextInt(900000);
                return new Money((v >= 1000 && r.nextBoolean() ? String.format("%,d", v) : Long.toString(v)) + "元", v);
            }
            case 4 -> { // 1,250余万元, 50万余元, 30多万元
                long w = 10 + r.nextInt(3000);
                String num = w >= 1000 && r.nextBoolean() ? String.format("%,d", w) : Long.toString(w);
                String[] forms = {num + "余万元", num + "万余元", num + "多万元"};
                return new Money(pick(forms), w * 10000.0);
            }
            case 5 -> { // 三百二十万元
                long w = 1 + r.nextInt(9999);
                return new Money(chinese(w) + "万元", w * 10000.0);
            }
            case 6 -> { // 三千五百元 / 两亿元 / 一亿二千万元
                int k = r.nextInt(3);
                if (k == 0) {
                    long v = 100 + r.nextInt(9900);
                    return new Money(chinese(v) + "元", v);
                }
                long yi = 1 + r.nextInt(5);
                if (k == 1) {
                    return new Money((yi == 2 ? "两" : chinese(yi)) + "亿元", yi * 1e8);
                }
                long wan = 1000 * (1 + r.nextInt(9));
                return new Money(chinese(yi) + "亿" + chinese(wan) + "万元", yi * 1e8 + wan * 1e4);
            }
            default -> { // full-width digits
                BigDecimal w = BigDecimal.valueOf(1 + r.nextInt(99999), 1).stripTrailingZeros();
                String s = fullWidth(w.toPlainString());
                if (r.nextBoolean()) {
                    s = s.replace('.', '．');
                }
                return new Money(s + "万元", w.movePointRight(4).doubleValue());
            }
        }
    }

    /** A smaller amount in the same unit family, for a 含 sub-amount. */
    private Money smaller(Money whole) {
        if (whole.yuan() < 20000) {
            return null;
        }
        long wan = Math.max(1, (long) (whole.yuan() / 10000 * (0.1 + 0.8 * r.nextDouble())));
        if (wan * 10000.0 >= whole.yuan()) {
            return null;
        }
        return new Money(wan + "万元", wan * 10000.0);
    }

    /** Chinese numerals for 1..99,999,999, the way reports print them (十二, 一百零五, 三千二百四十万). */
    static String chinese(long n) {
        if (n >= 10000) {
            long hi = n / 10000;
            long lo = n % 10000;
            String s = chinese(hi) + "万";
            if (lo == 0) {
                return s;
            }
            return s + (lo < 1000 ? "零" : "") + below10000(lo, false);
        }
        return below10000(n, true);
    }

    private static String below10000(long n, boolean leading) {
        String digits = "零一二三四五六七八九";
        String[] units = {"千", "百", "十", ""};
        long[] div = {1000, 100, 10, 1};
        StringBuilder b = new StringBuilder();
        boolean started = false;
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            int d = (int) (n / div[i] % 10);
            if (d == 0) {
                zero = started;
                continue;
            }
            if (zero) {
                b.append('零');
                zero = false;
            }
            if (!(leading && !started && d == 1 && i == 2)) {
                b.append(digits.charAt(d));
            }
            b.append(units[i]);
            started = true;
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

    private String pick(String[] options) {
        return options[r.nextInt(options.length)];
    }
}
