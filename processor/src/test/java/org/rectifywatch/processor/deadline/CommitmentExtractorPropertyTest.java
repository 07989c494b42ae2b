package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rectifywatch.model.report.Commitment;

/**
 * A generated family of rectification sentences: subject × progress clause × promise word × date form × deadline
 * word × goal, plus label cells and history forms that must give no commitment. The expected due date is computed
 * here from the parts (year, month, day of the form, the context year and the anchor), never by the extractor's
 * code; the property is that {@code extract} returns exactly the expected commitments, in order.
 *
 * <p>The rules the expectation encodes (the README's and the extractor's contract): a promise word makes any date a
 * commitment, even a passed one (it is then overdue); a deadline word (前, 以前, 之前) or a year-level 内 without
 * promise word makes one unless the date is before the anchor (history: 均在3月底前填报了); a goal verb alone makes
 * one only for a date with a year (written or relative) after the anchor; a 时限 cell always does; a month without
 * any year that would fall before the anchor is in the next year.
 */
class CommitmentExtractorPropertyTest {

    /** One generated date form: its text and its due date; {@code hasYear} false for a bare month/day. */
    record DateForm(String text, LocalDate due, boolean hasYear, boolean within) {
    }

    /** One generated sentence and the commitment it must yield (null: none). */
    record Part(String sentence, Commitment expected) {
    }

    /** A generated rectification text and its expected commitments. */
    record Case(int contextYear, LocalDate anchor, List<Part> parts) {
        String text() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                b.append(parts.get(i).sentence()).append(i % 2 == 0 ? "。" : "；");
            }
            return b.toString();
        }

        List<Commitment> expected() {
            Set<String> seen = new LinkedHashSet<>();
            List<Commitment> out = new ArrayList<>();
            for (Part p : parts) {
                Commitment c = p.expected();
                if (c != null && seen.add(c.text() + "|" + c.due())) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    @Property(tries = 2000, seed = "1306")
    void extractsExactlyTheComposedCommitments(@ForAll("cases") Case c) {
        List<Commitment> got = CommitmentExtractor.extract(c.text(), c.contextYear(), c.anchor().toString());
        assertThat(got).as("%s (context %d, anchor %s)", c.text(), c.contextYear(), c.anchor())
                .containsExactlyElementsOf(c.expected());
    }

    @Property(tries = 1000, seed = "1307")
    void historyFormsAreNeverCommitments(@ForAll("histories") Case c) {
        assertThat(CommitmentExtractor.extract(c.text(), c.contextYear(), c.anchor().toString()))
                .as("%s (context %d, anchor %s)", c.text(), c.contextYear(), c.anchor()).isEmpty();
    }

    @Provide
    Arbitrary<Case> cases() {
        return contextAndAnchor().flatMap(ca -> Arbitraries.oneOf(
                        promiseSentence(ca.year(), ca.anchor()),
                        promiseSentence(ca.year(), ca.anchor()),
                        promiseSentence(ca.year(), ca.anchor()),
                        labelCell(ca.year(), ca.anchor()),
                        historyThenPromise(ca.year(), ca.anchor()),
                        history(ca.year(), ca.anchor()).map(h -> new Part(h, null)))
                .list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> new Case(ca.year(), ca.anchor(), parts)));
    }

    @Provide
    Arbitrary<Case> histories() {
        return contextAndAnchor().flatMap(ca -> history(ca.year(), ca.anchor()).list().ofMinSize(1).ofMaxSize(3)
                .map(hs -> new Case(ca.year(), ca.anchor(), hs.stream().map(h -> new Part(h, null)).toList())));
    }

    record ContextAndAnchor(int year, LocalDate anchor) {
    }

    private static Arbitrary<ContextAndAnchor> contextAndAnchor() {
        return Combinators.combine(Arbitraries.integers().between(2016, 2030), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28)).as((y, m, d) -> new ContextAndAnchor(y, LocalDate.of(y, m, d)));
    }

    // ---- the parts of a promise sentence ----

    private static final List<String> SUBJECTS = List.of("剩余3个项目", "剩余6处隐患", "余下的2名预备党员档案", "第二批招聘工作",
            "梅溪新材料产业园二期", "该村集体经济薄弱问题", "干部档案专项审核", "剩余42公里养护工程", "隐性债务化解工作", "剩余部分");
    private static final List<String> PROGRESS = List.of("", "", "已完成整改31处，", "目前已完成80%，", "正在加快推进，",
            "2#、11#楼已封顶，", "对2019年以来的项目开展后评价，", "今年已化解隐性债务3.6亿元，");
    private static final List<String> PROMISES = List.of("", "", "将于", "将在", "计划于", "计划", "力争", "力争在", "确保",
            "预计", "拟于", "争取");
    private static final List<String> DEADLINES = List.of("", "前", "前", "以前", "之前");
    private static final List<String> GOALS = List.of("完成", "全部完成", "完成整改", "整改到位", "全部整改到位", "完成销号",
            "建成投用", "达到交付条件", "完成验收", "实现全覆盖");

    private static Arbitrary<Part> promiseSentence(int ctx, LocalDate anchor) {
        return Combinators.combine(Arbitraries.of(PROGRESS), Arbitraries.of(SUBJECTS), Arbitraries.of(PROMISES),
                dateForm(ctx, anchor), Arbitraries.of(DEADLINES), Arbitraries.of(GOALS)).as((progress, subject, promise, form, deadline, goal) -> {
                    String dl = form.within() ? "" : deadline;
                    String s = progress + subject + promise + form.text() + dl + goal;
                    return new Part(s, expectedOf(s, form, !promise.isEmpty(), !dl.isEmpty() || form.within(), anchor));
                });
    }

    /** The rule the sentence must follow, from its parts only. */
    private static Commitment expectedOf(String sentence, DateForm form, boolean promise, boolean deadline, LocalDate anchor) {
        boolean commits = promise
                || (deadline && !form.due().isBefore(anchor))
                || (form.hasYear() && form.due().isAfter(anchor));
        return commits ? new Commitment(sentence, form.due().toString()) : null;
    }

    private static Arbitrary<Part> labelCell(int ctx, LocalDate anchor) {
        Arbitrary<String> label = Arbitraries.of("整改时限：", "完成时限：", "整改期限：", "整改时限:", "截止时间：", "时限要求：");
        Arbitrary<Part> dated = Combinators.combine(label, dateForm(ctx, anchor), Arbitraries.of("", "前"))
                .as((l, f, dl) -> {
                    String s = l + f.text() + (f.within() ? "" : dl);
                    return new Part(s, new Commitment(s, f.due().toString()));
                });
        Arbitrary<Part> numeric = Combinators.combine(label, Arbitraries.integers().between(ctx - 1, ctx + 2),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 28), Arbitraries.of(".", "-", "/", "．"))
                .as((l, y, m, d, sep) -> {
                    String s = l + y + sep + (m < 10 && d % 2 == 0 ? "0" + m : "" + m) + (d == 0 ? "" : sep + d);
                    LocalDate due = d == 0 ? YearMonth.of(y, m).atEndOfMonth() : LocalDate.of(y, m, d);
                    return new Part(s, new Commitment(s, due.toString()));
                });
        Arbitrary<Part> none = Combinators.combine(label, Arbitraries.of("长期坚持", "立行立改", "持续推进", "长期", "立行立改，长期坚持"))
                .as((l, v) -> new Part(l + v, null));
        return Arbitraries.oneOf(dated, dated, numeric, none);
    }

    private static Arbitrary<Part> historyThenPromise(int ctx, LocalDate anchor) {
        return Combinators.combine(history(ctx, anchor), promiseSentence(ctx, anchor)).as((h, p) -> {
            String s = h + "，" + p.sentence();
            return new Part(s, p.expected() == null ? null : new Commitment(s, p.expected().due()));
        });
    }

    // ---- date forms, each with its due date computed from its parts ----

    private static Arbitrary<DateForm> dateForm(int ctx, LocalDate anchor) {
        Arbitrary<Integer> year = Arbitraries.integers().between(ctx - 1, ctx + 2);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 28);
        Arbitrary<Boolean> cn = Arbitraries.of(false, false, true);
        Arbitrary<DateForm> full = Combinators.combine(year, month, day, cn).as((y, m, d, c) ->
                new DateForm(yearText(y, c) + num(m, c) + "月" + num(d, c) + "日", LocalDate.of(y, m, d), true, false));
        Arbitrary<DateForm> monthEnd = Combinators.combine(year, month, Arbitraries.of("底", "末", "下旬", "", "份"), cn).as((y, m, p, c) ->
                new DateForm(yearText(y, c) + num(m, c) + "月" + p, YearMonth.of(y, m).atEndOfMonth(), true, false));
        Arbitrary<DateForm> tenDays = Combinators.combine(year, month, Arbitraries.of("上旬", "中旬")).as((y, m, p) ->
                new DateForm(y + "年" + m + "月" + p, LocalDate.of(y, m, p.equals("上旬") ? 10 : 20), true, false));
        Arbitrary<DateForm> bareMonth = Combinators.combine(month, Arbitraries.of("底", "末"), cn).as((m, p, c) ->
                new DateForm(num(m, c) + "月" + p, YearMonth.of(ctx, m).atEndOfMonth().isBefore(anchor)
                        ? YearMonth.of(ctx + 1, m).atEndOfMonth() : YearMonth.of(ctx, m).atEndOfMonth(), false, false));
        Arbitrary<DateForm> bareDay = Combinators.combine(month, day).as((m, d) ->
                new DateForm(m + "月" + d + "日", nextIfBefore(LocalDate.of(ctx, m, d), anchor), false, false));
        Arbitrary<DateForm> relMonth = Combinators.combine(Arbitraries.of("今年", "明年"), month, Arbitraries.of("底", "末", ""))
                .as((r, m, p) -> new DateForm(r + m + "月" + p,
                        YearMonth.of(r.equals("明年") ? ctx + 1 : ctx, m).atEndOfMonth(), true, false));
        Arbitrary<DateForm> yearEnd = year.flatMap(y -> Arbitraries.of(
                new DateForm(y + "年底", LocalDate.of(y, 12, 31), true, false),
                new DateForm(y + "年年底", LocalDate.of(y, 12, 31), true, false),
                new DateForm(y + "年末", LocalDate.of(y, 12, 31), true, false),
                new DateForm(yearText(y, true) + "底", LocalDate.of(y, 12, 31), true, false),
                new DateForm("年底", LocalDate.of(ctx, 12, 31), true, false),
                new DateForm("今年底", LocalDate.of(ctx, 12, 31), true, false),
                new DateForm("今年年底", LocalDate.of(ctx, 12, 31), true, false),
                new DateForm("明年底", LocalDate.of(ctx + 1, 12, 31), true, false),
                new DateForm("明年年底", LocalDate.of(ctx + 1, 12, 31), true, false)));
        Arbitrary<DateForm> within = year.flatMap(y -> Arbitraries.of(
                new DateForm("年内", LocalDate.of(ctx, 12, 31), true, true),
                new DateForm("今年内", LocalDate.of(ctx, 12, 31), true, true),
                new DateForm("本年度内", LocalDate.of(ctx, 12, 31), true, true),
                new DateForm("年度内", LocalDate.of(ctx, 12, 31), true, true),
                new DateForm(y + "年内", LocalDate.of(y, 12, 31), true, true),
                new DateForm(y + "年度内", LocalDate.of(y, 12, 31), true, true)));
        Arbitrary<DateForm> half = Combinators.combine(Arbitraries.of("", "今年", "明年", "Y"), year, Arbitraries.of("上半年", "下半年"))
                .as((r, y, h) -> {
                    int yy = r.equals("Y") ? y : r.equals("明年") ? ctx + 1 : ctx;
                    return new DateForm((r.equals("Y") ? y + "年" : r) + h,
                            h.equals("上半年") ? LocalDate.of(yy, 6, 30) : LocalDate.of(yy, 12, 31), true, false);
                });
        Arbitrary<DateForm> quarter = Combinators.combine(Arbitraries.of("", "今年", "明年", "Y"), year, Arbitraries.integers().between(1, 4),
                Arbitraries.of("第", ""), cn).as((r, y, q, di, c) -> {
                    int yy = r.equals("Y") ? y : r.equals("明年") ? ctx + 1 : ctx;
                    return new DateForm((r.equals("Y") ? y + "年" : r) + di + (c ? num(q, true) : "" + q) + "季度",
                            YearMonth.of(yy, q * 3).atEndOfMonth(), true, false);
                });
        Arbitrary<DateForm> yearAlone = year.map(y -> new DateForm(y + "年", LocalDate.of(y, 12, 31), true, false));
        return Arbitraries.oneOf(full, monthEnd, monthEnd, tenDays, bareMonth, bareMonth, bareDay, relMonth, yearEnd, yearEnd,
                within, half, quarter, yearAlone);
    }

    /** A date without a year that would fall before the anchor is in the following year. */
    private static LocalDate nextIfBefore(LocalDate d, LocalDate anchor) {
        return d.isBefore(anchor) ? d.plusYears(1) : d;
    }

    private static String yearText(int y, boolean chinese) {
        if (!chinese) {
            return y + "年";
        }
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(y).toCharArray()) {
            b.append("〇一二三四五六七八九".charAt(c - '0'));
        }
        return b.append('年').toString();
    }

    /** 1..31 in Arabic or Chinese numerals (十二, 二十八). */
    private static String num(int n, boolean chinese) {
        if (!chinese) {
            return String.valueOf(n);
        }
        String d = "〇一二三四五六七八九";
        if (n <= 10) {
            return n == 10 ? "十" : String.valueOf(d.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : d.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + d.charAt(n % 10);
    }

    // ---- history: none of it may become a commitment ----

    private static Arbitrary<String> history(int ctx, LocalDate anchor) {
        Arbitrary<DateForm> any = dateForm(ctx, anchor);
        Arbitrary<Integer> pastYear = Arbitraries.integers().between(ctx - 5, ctx - 1);
        Arbitrary<Integer> month = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> n = Arbitraries.integers().between(2, 60);
        Arbitrary<String> goal = Arbitraries.of(GOALS);
        Arbitrary<String> subject = Arbitraries.of(SUBJECTS);
        return Arbitraries.oneOf(
                Combinators.combine(subject, any, goal).as((s, f, g) -> s + "已于" + f.text() + g),
                Combinators.combine(subject, any, goal).as((s, f, g) -> s + "已在" + f.text() + (f.within() ? "" : "前") + g),
                Combinators.combine(any, goal).as((f, g) -> f.text() + (f.within() ? "" : "前") + "已全部" + g),
                Combinators.combine(subject, any, goal).as((s, f, g) -> s + "于" + f.text() + g + "了"),
                Combinators.combine(any, goal, n).as((f, g, k) -> "截至" + f.text() + "，已" + g + k + "个"),
                Combinators.combine(pastYear, n).as((y, k) -> y + "年以来，累计排查问题" + k + "个"),
                Combinators.combine(any, Arbitraries.of("开展专项治理", "实行挂图作战")).as((f, a) -> "自" + f.text() + "起，" + a),
                Combinators.combine(pastYear, month, goal).as((y, m, g) -> "全部科级干部均在" + y + "年" + m + "月底前" + g),
                Combinators.combine(pastYear, month, goal).as((y, m, g) -> y + "年" + m + "月底前" + g + "全部问题整改"),
                pastYear.map(y -> "组织开展" + y + "年度考核"),
                Arbitraries.integers().between(ctx - 3, ctx + 1).map(y -> "严格执行" + y + "年版标准"),
                Arbitraries.integers().between(ctx - 3, ctx + 1).map(y -> "将" + y + "年度考核结果运用到干部选任中"),
                Arbitraries.of("每月底前报送整改进展", "每季度末通报一次整改情况", "每年年底前开展一次检查", "每半年开展一次督查"),
                n.map(k -> "前三季度完成投资" + k + "亿元"),
                Arbitraries.of("近三年内发生的问题已全部整改", "过去两年内未召开专题会议"),
                Combinators.combine(pastYear, month, month).as((y, m1, m2) -> y + "年" + m1 + "月至" + (y + 1) + "年" + m2 + "月期间开展自查"),
                Combinators.combine(any, goal).as((f, g) -> "原计划" + f.text() + (f.within() ? "" : "前") + g),
                Combinators.combine(pastYear, month, Arbitraries.of("召开专题会议", "印发实施方案")).as((y, m, a) -> "于" + y + "年" + m + "月" + a),
                Arbitraries.of("将开展摸底排查", "守住安全底线", "完成年度目标任务", "全部科级干部填报了个人事项"));
    }
}
