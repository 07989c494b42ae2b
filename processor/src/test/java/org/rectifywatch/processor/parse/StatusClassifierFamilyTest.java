package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A generated family of rectification texts: each text is composed of 1–6 sentences drawn from parts whose meaning is
 * known — measures, results reported done, pending items, aspirations, background, history (pending then done),
 * partial results, and the explicit closure of the whole issue — in varied order, joiners and enumeration, with units
 * from counties, universities, state-owned enterprises and ministries. The expected status is computed from the parts
 * used, per the annotation rules:
 * <ol>
 * <li>an explicit closure of the whole issue (该问题已整改完成) → completed;</li>
 * <li>else any concrete pending item (a pending or partial part) → in_progress;</li>
 * <li>else results reported done → completed, unless they are incidental to a programme of measures (at least
 * {@value StatusClassifier#MIN_OTHERS_FOR_PROGRAMME} other sentences and more than
 * {@value StatusClassifier#OTHERS_PER_DONE} per done sentence) → long_term;</li>
 * <li>else (measures, aspirations, background only) → long_term.</li>
 * </ol>
 * The phrase lists are written for this test; none is taken from a corpus report.
 */
class StatusClassifierFamilyTest {

    enum Part { MEASURE, DONE, PENDING, ASPIRATION, BACKGROUND, HISTORY, PARTIAL, CLOSURE }

    private static final String[] UNITS = {
        "县住建局", "镇党委", "学校党委", "集团公司", "部机关", "区教育局", "二级学院", "分公司", "司局", "街道党工委",
        "县卫健委", "研究生院", "子公司", "市场监管局", "乡政府", "后勤管理处", "总部", "区自然资源局", "财务处", "县医保局"
    };

    private static final String[] MEASURES = {
        "{u}建立健全问题整改长效机制",
        "坚持每季度召开一次专题会议研究整改工作",
        "组织开展全员警示教育，通报典型案例{n}起",
        "召开了党委常委会专题研究部署整改工作",
        "开展了专题培训{n}期，培训干部{n}0人次",
        "持续深化“放管服”改革，压减审批时限",
        "{u}进一步完善“三重一大”决策制度",
        "定期开展财务收支情况专项检查",
        "常态化开展廉政谈话和提醒",
        "把整改工作纳入年度目标考核，压紧压实各级责任",
        "由纪检监察组跟踪督导，对整改情况开展“回头看”",
        "修订完善议事规则，严格执行民主集中制",
        "加强对“一把手”和领导班子的监督",
        "深入开展作风建设专项整治",
        "{u}制定整改任务清单，明确责任领导和责任人",
        "长期坚持理论学习中心组学习制度",
        "强化科研经费使用全过程监管",
        "推动安全生产责任向班组延伸",
        "围绕主责主业优化国有资本布局",
        "建立重大项目联席会议制度，定期调度项目进展",
        "对{n}名相关责任人进行了约谈提醒",
        "开展了“以案促改”专题民主生活会",
        "着力提升基层党组织组织力",
        "严格落实意识形态工作责任制",
        "不断加大对违规违纪问题的查处力度",
    };

    private static final String[] DONE = {
        "{p}中学新校区已建成，并于{y}年9月如期开学",
        "园区标准化厂房已全部入驻",
        "违规发放的津补贴{n}万元已追缴到位",
        "群众反映的{n}件信访事项办结率100%",
        "占用耕地的{n}处违建构筑物已拆除",
        "拖欠的农民工工资{n}万元已兑付",
        "超标准配备的办公用房已清理到位",
        "《科研经费管理办法》已修订印发",
        "已将{n}名干部调整充实到巡察机构",
        "违规收取的资料费已全部退还学生",
        "涉及的{n}个具体问题已全部整改到位",
        "实验楼消防设施已修复并通过验收",
        "{p}污水处理厂已建成投用",
        "问责追责{n}人，已全部依规依纪作出处理",
        "{n}名超职数配备的干部已全部消化",
        "{p}安置小区{n}户群众已全部入住",
        "闲置的{n}套周转房已收回并重新分配",
        "{u}违规兼职的{n}名干部已全部辞去兼职",
        "长期挂账的往来款{n}万元已清理完毕并销号",
        "{p}农贸市场提升改造工程已竣工并投入使用",
        "拖欠企业账款{n}万元已全部清偿",
        "{u}已于{y}年{m}月完成整改",
        "应收未收的租金{n}万元已追回",
        "问题楼盘{n}户不动产权证已全部办理",
        "{p}卫生院已如期开诊",
        "经多轮协调，{p}片区{n}户已全部签约",
        "{u}原有的{n}个临时机构已全部撤销",
        "对账发现的{n}笔差错已全部更正",
        "{n}名干部的档案问题均已整改到位",
    };

    private static final String[] PENDING = {
        "{p}安置小区正在进行主体施工",
        "剩余{n}个项目将于{y}年6月底前完成",
        "项目用地手续已报省自然资源厅审批",
        "仍有{n}户群众尚未完成搬迁",
        "老旧供水管网改造工程在建",
        "{p}学校扩建项目有序推进",
        "计划于{y}年底前完成全部整改",
        "涉及的{n}起案件已进入司法程序",
        "历史遗留的{n}笔债务正在分批化解",
        "{u}资产划转事项待上级批复",
        "其余{n}个村的整治工作正在推进",
        "{p}图书馆改造工程预计{y}年{m}月交付",
        "{n}个问题线索正在办理中",
        "所涉资金{n}万元尚未追回",
        "力争{y}年底前全部完成清理",
        "{p}片区已完成{n}户签约，其余{n}户正在协商",
        "已完成{n}个村的污水管网铺设，剩余村组计划{y}年内完工",
        "{u}已制定处置方案，相关资产正在挂牌转让",
    };

    private static final String[] ASPIRATIONS = {
        "确保问题整改到位、不反弹",
        "要求各二级学院限期整改到位",
        "以钉钉子精神确保整改落地见效",
        "务必做到件件有着落、事事有回音",
        "力争取得群众满意的整改实效",
        "督促相关单位举一反三、全面自查",
        "切实做到真改实改、彻底整改",
    };

    private static final String[] BACKGROUND = {
        "{u}高度重视巡视反馈问题",
        "{u}把整改作为重大政治任务",
        "班子成员认真对照反馈意见查摆剖析",
        "针对这一问题，{u}深刻反思",
        "该问题主要表现为管理粗放、责任不清",
    };

    private static final String[] HISTORY = {
        "{p}食堂改造工程原计划{y}年6月底前完成，现已完成并投入使用",
        "该项目于{y}年3月开工建设，目前已建成投用",
        "原定于{y}年底前完成的档案专项审核，现已全部完成",
        "此前尚未办结的{n}件信访件，现已全部办结",
    };

    private static final String[] PARTIAL = {
        "{p}道路改造已完成总工程量的{pc}%",
        "已完成年度清理任务的{pc}%",
        "已完成部分项目的验收",
        "资金兑付完成率达{pc}%",
    };

    private static final String[] CLOSURE = {
        "该问题已整改完成",
        "此问题已全部整改到位",
        "上述问题已整改销号",
    };

    private static final String[] PLACES = {"城南", "河西", "东湖", "新区", "青山", "桃源", "北关", "滨江", "西岭", "长乐"};

    private static final String[] JOINERS = {"。", "；", "。\n", "；\n"};

    /** One composed text with the parts it used and the status those parts call for. */
    record Composed(String text, List<Part> parts, String expected) {
    }

    static String expected(List<Part> parts) {
        if (parts.contains(Part.CLOSURE)) {
            return StatusClassifier.COMPLETED;
        }
        if (parts.contains(Part.PENDING) || parts.contains(Part.PARTIAL)) {
            return StatusClassifier.IN_PROGRESS;
        }
        long done = parts.stream().filter(p -> p == Part.DONE || p == Part.HISTORY).count();
        long others = parts.size() - done;
        if (done > 0 && !(others >= StatusClassifier.MIN_OTHERS_FOR_PROGRAMME
                && others > (long) StatusClassifier.OTHERS_PER_DONE * done)) {
            return StatusClassifier.COMPLETED;
        }
        return StatusClassifier.LONG_TERM;
    }

    static Composed compose(Random r) {
        // a scenario picks the mix so that every status is well represented
        int n = 1 + r.nextInt(6);
        int scenario = r.nextInt(8);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(switch (scenario) {
                case 0 -> pick(r, Part.MEASURE, Part.MEASURE, Part.ASPIRATION, Part.BACKGROUND); // long_term
                case 1, 2 -> pick(r, Part.DONE, Part.DONE, Part.MEASURE, Part.BACKGROUND, Part.ASPIRATION, Part.HISTORY);
                case 3 -> pick(r, Part.MEASURE, Part.DONE, Part.PENDING, Part.ASPIRATION, Part.BACKGROUND);
                case 4 -> pick(r, Part.MEASURE, Part.MEASURE, Part.MEASURE, Part.DONE, Part.ASPIRATION); // programmes
                case 5 -> pick(r, Part.DONE, Part.HISTORY, Part.PARTIAL, Part.MEASURE);
                case 6 -> pick(r, Part.MEASURE, Part.DONE, Part.PENDING, Part.CLOSURE, Part.BACKGROUND);
                default -> pick(r, Part.values());
            });
        }
        boolean enumerate = n >= 3 && r.nextInt(3) == 0;
        String joiner = JOINERS[r.nextInt(JOINERS.length)];
        StringBuilder text = new StringBuilder();
        String[] ordinals = {"一是", "二是", "三是", "四是", "五是", "六是"};
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(enumerate ? "；" : joiner);
            }
            if (enumerate) {
                text.append(ordinals[i]);
            }
            text.append(fill(r, phrase(r, parts.get(i))));
        }
        if (r.nextBoolean()) {
            text.append("。");
        }
        return new Composed(text.toString(), parts, expected(parts));
    }

    private static Part pick(Random r, Part... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static String phrase(Random r, Part p) {
        String[] list = phrases(p);
        return list[r.nextInt(list.length)];
    }

    private static String[] phrases(Part p) {
        return switch (p) {
            case MEASURE -> MEASURES;
            case DONE -> DONE;
            case PENDING -> PENDING;
            case ASPIRATION -> ASPIRATIONS;
            case BACKGROUND -> BACKGROUND;
            case HISTORY -> HISTORY;
            case PARTIAL -> PARTIAL;
            case CLOSURE -> CLOSURE;
        };
    }

    private static String fill(Random r, String template) {
        return template.replace("{u}", UNITS[r.nextInt(UNITS.length)])
                .replace("{p}", PLACES[r.nextInt(PLACES.length)])
                .replace("{n}", String.valueOf(2 + r.nextInt(180)))
                .replace("{y}", String.valueOf(2021 + r.nextInt(5)))
                .replace("{m}", String.valueOf(1 + r.nextInt(12)))
                .replace("{pc}", String.valueOf(20 + r.nextInt(75)));
    }

    @Test
    void aSeededBatchOfComposedTextsIsClassifiedAsItsPartsSay() {
        Random r = new Random(20240617L);
        int total = 3000;
        int correct = 0;
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<Part, int[]> missesByPart = new EnumMap<>(Part.class);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Composed c = compose(r);
            StatusClassifier.Verdict v = StatusClassifier.classify(c.text(), List.of());
            confusion.computeIfAbsent(c.expected(), k -> new TreeMap<>()).merge(v.status(), 1, Integer::sum);
            if (v.status().equals(c.expected())) {
                correct++;
            } else {
                c.parts().forEach(p -> missesByPart.computeIfAbsent(p, k -> new int[1])[0]++);
                if (misses.size() < 25) {
                    misses.add("expected " + c.expected() + " got " + v.status() + " [" + v.evidence() + "] "
                            + c.parts() + "\n    " + c.text().replace("\n", "⏎"));
                }
            }
        }
        double accuracy = (double) correct / total;
        System.out.printf("generated family: %d/%d = %.4f%n", correct, total, accuracy);
        System.out.println("confusion (rows expected, columns predicted):");
        String[] statuses = {"completed", "in_progress", "long_term"};
        System.out.printf("  %-12s %10s %12s %10s%n", "", statuses[0], statuses[1], statuses[2]);
        for (String g : statuses) {
            Map<String, Integer> row = confusion.getOrDefault(g, Map.of());
            System.out.printf("  %-12s %10d %12d %10d%n", g, row.getOrDefault(statuses[0], 0),
                    row.getOrDefault(statuses[1], 0), row.getOrDefault(statuses[2], 0));
        }
        missesByPart.forEach((p, c) -> System.out.println("  parts in misses: " + p + " " + c[0]));
        misses.forEach(m -> System.out.println("  MISS " + m));
        assertThat(accuracy).as("accuracy on the generated family").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyPartAloneIsWhatItSays() {
        Random r = new Random(7);
        List<String> wrong = new ArrayList<>();
        for (Part p : Part.values()) {
            for (String t : phrases(p)) {
                String text = fill(r, t);
                String want = expected(List.of(p));
                String got = StatusClassifier.classify(text, List.of()).status();
                if (!want.equals(got)) {
                    wrong.add(p + " " + text + " → " + got);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
