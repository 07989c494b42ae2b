package org.rectifywatch.processor.gen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.processor.gen.GeneratedReport.GoldCommitment;
import org.rectifywatch.processor.gen.GeneratedReport.GoldIssue;

/**
 * Makes inspection-rectification reports (巡视/巡察整改情况通报) with their gold annotation, for property tests.
 * Pure and seeded: the same seed gives the same report.
 *
 * <p>A report is a combination of independent dimensions: the {@link Layout} (heading scheme and the depth at
 * which the issues sit; this is the report's {@code family}), the {@link Wording} of problem headings, the
 * {@link Placement} of the rectification text, numbering quirks (punctuation of ordinals, full-width digits, a gap,
 * numbering restarting per group or running through), boilerplate before and after, sections that hold no issues
 * (introduction, transferred case leads, plans, possibly with numbered items of their own), report-level figures
 * versus figures inside issues, statuses and dated commitments.
 *
 * <p>Annotation decisions, following the corpus README ("the finest-grained problem that the inspection fed back
 * and that the report answers"):
 * <ul>
 * <li>Numbered items that are rectification actions ((1)制定… / 1.开展… under an issue, 在……上下功夫 groups) are not
 * issues; when only action groups sit under a 方面 heading, that heading is the issue.</li>
 * <li>一是……；二是……；三是…… inside ONE paragraph under a problem heading are not issues, whether they list
 * sub-problems or actions: the rectification answers the paragraph as a whole, so the heading is the issue. When
 * 一是/二是 items are each a line of their own with their own rectification, each item is an issue.</li>
 * <li>{@code problem} is the statement without ordinal, without the 关于“…”的问题 / 针对“…”问题 wrapper, without a
 * trailing 。 and without 的整改情况.</li>
 * <li>status: completed when the text claims the fix, in_progress when something is explicitly pending or dated
 * in the future, long_term for continuing measures with neither, unknown without rectification text. In
 * tables and labelled blocks the progress cell/line decides.</li>
 * <li>commitments: the whole 。-sentence holding a dated promise (table/label deadlines quoted with their header);
 * dates without a year take the publication year, which every report prints in its closing date line.</li>
 * <li>figures: only the report-level summary; numbers with the same keywords inside an issue's rectification are
 * not report figures. 反馈问题 totals are recorded only when the rectified count is given with them.</li>
 * </ul>
 */
public final class ReportGenerator {

    /** The structure combination: heading scheme and issue depth. Its name is the report's family. */
    public enum Layout {
        /** 一、 items are the issues; unnumbered intro and plans. */
        TOP_LEVEL("top-level"),
        /** 一、intro / 二、feedback / （一）方面 groups / 1. issues / 三、plans. */
        SECTION_GROUP_ITEM("section-group-item"),
        /** 第一部分 / 一、groups / （一） issues / 第三部分 plans with 一、 items. */
        PART_SECTION_GROUP("part-section-group"),
        /** 方面 headings with 一是/二是 issue lines each answered inline. */
        ASPECT_YISHI("aspect-yishi"),
        /** （一）groups / 第一，第二， issue lines. */
        ORDINAL_WORDS("ordinal-words"),
        /** 二、 / 第一方面问题 / （一） / 1. issues. */
        FOUR_LEVEL("four-level"),
        /** 二、 / （一）方面 / 1.sub-area / （1） issues (sub-problems replace their parent). */
        FOUR_LEVEL_DEEP("four-level-deep"),
        /** 问题N： / 整改措施： / 整改进展： / 整改时限： each on its own line. */
        LABELLED_BLOCKS("labelled-blocks"),
        /** 一、关于“X”方面问题的整改情况 / （一）关于“Y”的问题 (issue) / 1. actions. */
        FEEDBACK_AREA_ACTIONS("feedback-area-actions"),
        /** 一、关于“X”方面问题的整改情况 (issue) / （一）在……上下功夫 action groups / 1. actions. */
        ACTION_GROUPS("action-groups"),
        /** a flattened rectification table, one row per line, TAB or 2+ space separated cells. */
        TABLE_ROWS("table-rows"),
        /** problem heading + one paragraph with 一是……；二是…… (sub-problems or actions): the heading is the issue. */
        PARAGRAPH_SUBPROBLEMS("paragraph-subproblems");

        public final String family;

        Layout(String family) {
            this.family = family;
        }
    }

    /** How an issue heading states its problem. */
    public enum Wording {
        PLAIN, PARTIAL_SUBJECT, GUANYU, ZHENDUI, VERB_OPENING, YEAR_OPENING, NUMBER_OPENING, QUOTE_OPENING
    }

    /** Where the rectification text of a heading-style issue sits. */
    public enum Placement {
        NEXT_LINE, INLINE, MULTI_PARAGRAPH, MARKER_LINE, MARKER_PREFIX, INLINE_MARKER, ACTION_ITEMS
    }

    public GeneratedReport generate(long seed) {
        Random r = new Random(seed);
        Layout[] all = Layout.values();
        return new Run(seed, all[r.nextInt(all.length)]).build();
    }

    public GeneratedReport generate(long seed, Layout layout) {
        return new Run(seed, layout).build();
    }

    // ------------------------------------------------------------------ vocabulary (written for this generator)

    private static final String[] CN = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
            "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五"};
    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

    private static final String[] NAME1 = {"青", "云", "石", "临", "安", "丰", "永", "南", "北", "东", "西", "白", "金", "玉",
            "长", "清", "新", "和", "宁", "平", "桐", "柳", "桂", "松", "梅", "兰", "江", "海", "雁", "凤"};
    private static final String[] NAME2 = {"川", "岭", "溪", "阳", "桥", "山", "河", "林", "泉", "原", "湖", "源", "塘", "坪",
            "峰", "关", "城", "浦", "滨", "台"};
    private static final String[] PROVINCE_AREA = {"0371", "0571", "0731", "0851", "0791", "0551", "0311", "0931",
            "0871", "0451", "0531", "0771", "027", "028", "029", "020", "025"};
    private static final String[] BUREAU = {"交通运输局", "水利局", "自然资源局", "市场监督管理局", "住房和城乡建设局", "农业农村局",
            "卫生健康委员会", "教育局", "生态环境局"};
    private static final String[] SOE = {"能源集团有限公司", "交通投资集团有限公司", "建设投资集团有限公司", "水务集团有限公司",
            "文化旅游集团有限公司"};

    private static final String[] SUBJECTS = {"理论学习中心组学习", "意识形态工作责任制落实", "安全生产隐患排查整治", "农村人居环境整治",
            "招商引资项目跟踪服务", "政府债务风险防控", "干部选拔任用工作", "村级财务管理", "基层党组织标准化建设", "上轮巡察反馈问题整改",
            "工程项目招投标管理", "公务用车管理", "专项资金使用管理", "政务服务事项办理", "信访积案化解", "耕地保护工作", "污水处理设施建设",
            "国有资产出租管理", "干部人事档案管理", "发展党员工作", "科研经费管理", "校园安全管理", "医保基金监管", "食品安全监管",
            "河湖长制落实", "集体经济组织管理", "年轻干部培养", "政府投资项目审计整改", "惠农补贴发放审核", "行政执法监督", "防汛抗旱准备",
            "网络舆情应对处置", "保障性住房分配", "老旧小区改造", "义务教育学校建设", "民营企业纾困帮扶", "土地出让金征收", "党费收缴管理",
            "廉政风险点排查", "公务接待管理", "巡察整改日常监督", "乡村振兴衔接资金监管", "城乡供水保障", "农贸市场管理", "物业服务监管"};
    private static final String[] DEFECTS = {"不到位", "有差距", "不够深入", "不够规范", "存在薄弱环节", "落实不力", "推进缓慢", "监管不严",
            "流于形式", "仍有短板", "成效不明显", "不够严格", "把关不严", "统筹不够"};
    private static final String[] DETAILS = {"部分单位存在应付心态", "个别问题出现反弹", "相关台账记录不完整", "督促检查不够经常",
            "责任分工不够明确", "部分制度执行打折扣", "基层反映问题较多", "跟踪问效不够及时", "考核评价导向作用发挥不充分",
            "日常管理存在“宽松软”现象"};
    private static final String[] VERBS = {"聚焦", "推动", "深化", "落实", "服务", "统筹", "加快", "抓好"};
    private static final String[] VERB_OBJECTS = {"主责主业", "高质量发展", "乡村全面振兴", "国有企业改革", "科技创新", "营商环境优化",
            "生态环境保护", "民生实事办理", "新型城镇化建设", "产业转型升级", "重大风险防范化解", "基层减负", "人才强校战略",
            "“双一流”建设", "粮食安全责任制", "数字政府建设"};
    private static final String[] DEFECTS2 = {"力度不大", "举措不多", "仍有短板", "不够到位", "成效不够明显", "有差距", "办法不多",
            "用力不均衡"};
    private static final String[] UNIT_NOUNS = {"乡镇", "单位", "村（社区）", "二级学院", "下属企业", "职能部门", "基层党支部", "学校",
            "直属单位", "科室"};
    private static final String[] UNIT_PREDICATES = {"党组织书记抓党建意识不强", "财务报销审核不严", "主体责任落实不到位",
            "“三会一课”开展不经常", "安全生产主体责任落实不到位", "干部担当作为不够", "村务公开不及时", "项目资金拨付滞后",
            "内部控制制度执行不严", "档案管理混乱", "廉政风险防控措施落实不到位", "违规发放津补贴问题仍有发生"};
    private static final String[] COUNTED = {"个村集体经济收入未达到预期目标", "个政府投资项目未按期竣工验收", "家下属企业未建立内部审计制度",
            "名科级干部长期借调在外", "个乡镇污水处理站运行不正常", "所学校食堂管理不规范", "个行政村道路硬化工程进度滞后",
            "个安置小区未办理不动产登记", "个重点项目前期工作推进迟缓"};
    private static final String[] QUOTED = {"“三重一大”决策制度执行不严", "“三会一课”制度落实不经常", "“四风”问题仍有反弹",
            "“一岗双责”履行不到位", "“放管服”改革推进不够有力", "“两个责任”协同贯通不够", "“一把手”监督存在薄弱环节",
            "“最多跑一次”改革落实不到位", "“四议两公开”制度执行走样", "“第一议题”制度落实不够深入",
            "“凡提四必”要求执行不严格", "“一网通办”覆盖面不广"};
    private static final String[] YEAR_TAILS = {"上半年", "以来", "下半年", "全年"};

    private static final String[] GROUPS = {"落实党中央决策部署和省委工作要求", "全面从严治党", "领导班子和干部队伍建设", "基层党组织建设",
            "巡视整改和审计整改", "意识形态工作", "选人用人", "党风廉政建设和反腐败工作", "贯彻新发展理念", "防范化解重大风险"};
    private static final String[] GROUP_PROBLEMS = {"推动高质量发展不够有力", "防范化解风险不到位", "管党治党责任落实不力",
            "基层党组织建设存在薄弱环节", "领导班子建设有差距", "落实整改主体责任不够扎实", "贯彻新发展理念有偏差",
            "民生保障工作存在短板", "落实中央八项规定精神不够严格", "选人用人工作不够规范"};

    private static final String[] ACTION_TITLES = {"健全制度机制", "开展专项整治", "强化监督检查", "压实工作责任", "加强队伍建设",
            "完善考核评价", "深化源头治理", "抓好建章立制", "严肃追责问责", "加强教育引导", "推进信息化管理", "规范工作流程"};
    private static final String[] EFFORT_AREAS = {"建章立制", "压实责任", "源头治理", "常态长效", "精准施策", "强基固本", "监督问责",
            "队伍建设"};
    private static final String[] ACTIONS = {"召开专题会议研究部署整改工作", "建立问题整改台账，实行销号管理", "约谈相关单位主要负责人",
            "组织开展专题培训{n}场次", "对{n}个点位逐一开展排查", "邀请第三方机构开展评估", "把整改情况纳入年度目标考核",
            "组织相关科室逐项对照检查", "对{y}年以来的相关情况进行全面梳理", "压实分管领导和责任科室责任", "开展“回头看”督查{n}次",
            "制定《关于进一步加强{s}的实施意见》", "修订《{s}办法》", "开展{s}专项检查", "印发{s}工作指引"};
    private static final String[] RULE_AREAS = {"公务用车管理", "财务报销管理", "工程项目管理", "专项资金管理", "政府采购管理",
            "合同管理", "集体资产管理", "公务接待管理", "内部审计管理", "干部因私出国（境）管理", "档案管理", "会议费管理",
            "差旅费管理", "村级小微权力运行管理", "党员教育管理"};
    private static final String[] COMPLETED = {"该问题已整改完成", "问题已全部整改到位", "已完成整改", "相关制度已印发实施",
            "违规发放的资金已全部清退", "新建设施已建成并投入使用", "相关信访事项办结率100%", "该项问题已整改到位"};
    private static final String[] IN_PROGRESS = {"剩余{n}个问题正在整改中", "相关工作正在有序推进", "目前尚未完成全部整改",
            "{n}个项目仍在建设中", "部分事项待上级批复后实施", "相关项目正在加紧建设"};
    private static final String[] LONG_TERM = {"坚持每季度开展一次专项督查，持续巩固整改成效", "常态化开展监督检查，长期坚持",
            "把{s}纳入日常监督重点，持续抓好", "定期通报工作情况，形成常态长效", "坚持问题导向，持续深化治理"};
    private static final String[] THINGS = {"项目", "点位", "问题", "整改事项", "村", "台账问题"};

    /** Figure codes with their report-level and issue-level wordings; {n} is the value, money is in 万元. */
    private static final String[][] FIGURES = {
            {"disciplined_persons", "给予党纪政务处分{n}人", "对{n}名责任人给予党纪政务处分"},
            {"org_handled_persons", "组织处理{n}人", "对{n}名干部进行组织处理"},
            {"admonished_persons", "诫勉{n}人", "对{n}名干部进行诫勉谈话"},
            {"reminded_persons", "教育提醒{n}人", "批评教育{n}人"},
            {"held_accountable_persons", "问责{n}人", "问责{n}人"},
            {"cases_filed", "立案{n}件", "立案审查调查{n}件"},
            {"rules_established", "建立完善制度{n}项", "建立完善制度{n}项"},
            {"funds_returned_yuan", "清退违规资金{m}万元", "清退违规发放补贴{m}万元"},
            {"funds_confiscated_yuan", "收缴违纪违法所得{m}万元", "收缴违纪款{m}万元"},
            {"funds_recovered_yuan", "追回资金{m}万元", "追回资金{m}万元"},
            {"losses_recovered_yuan", "挽回经济损失{m}万元", "挽回经济损失{m}万元"}};

    // ------------------------------------------------------------------ one generation run

    private static final class Run {
        final long seed;
        final Random r;
        final Layout layout;
        final List<String> lines = new ArrayList<>();
        final List<Boolean> reportLevel = new ArrayList<>();
        final List<GoldIssue> issues = new ArrayList<>();
        final Map<String, Number> figures = new LinkedHashMap<>();
        final Set<Double> reportValues = new HashSet<>();
        final Set<Double> issueValues = new LinkedHashSet<>();
        final List<String> traits = new ArrayList<>();
        final Set<String> usedProblems = new HashSet<>();
        final Set<Integer> usedSubjects = new HashSet<>();

        // context
        String target;
        String org;          // the party organisation writing the report
        String orgShort;     // 县委 / 局党组 / 校党委 …
        String teamLevel;    // 省委 / 中央 / 市委 / 县委
        String xun;          // 巡视 / 巡察
        String team;
        String kind;
        LocalDate inspStart;
        LocalDate inspEnd;
        LocalDate feedback;
        LocalDate published;
        String areaCode;
        String whole;

        // numbering style
        String dotSep;
        boolean mixedPunct;
        boolean fullWidth;
        int arParenStyle;
        boolean cnParenAscii;
        boolean running;
        boolean gap;
        boolean gapUsed;
        Wording wordingBias;
        boolean suffixOk;
        int groupBase;
        int groupSeq = 7;
        Placement placement;

        Run(long seed, Layout layout) {
            this.seed = seed;
            this.r = new Random(seed * 0x9E3779B97F4A7C15L + layout.ordinal());
            this.layout = layout;
        }

        // ------------------------------------------------------------ helpers

        <T> T pick(T[] a) {
            return a[r.nextInt(a.length)];
        }

        @SafeVarargs
        final <T> T one(T... a) {
            return a[r.nextInt(a.length)];
        }

        boolean chance(double p) {
            return r.nextDouble() < p;
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        int addReport(String line) {
            lines.add(line);
            reportLevel.add(true);
            return lines.size();
        }

        int addIssue(String line) {
            lines.add(line);
            reportLevel.add(false);
            return lines.size();
        }

        String digits(int n) {
            String s = Integer.toString(n);
            if (!fullWidth) {
                return s;
            }
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) {
                b.append((char) ('０' + (c - '0')));
            }
            return b.toString();
        }

        String cnDun(int n) {
            return CN[n] + "、";
        }

        String cnParen(int n) {
            return cnParenAscii ? "(" + CN[n] + ")" : "（" + CN[n] + "）";
        }

        String cnParenGold(int n) {
            return "(" + CN[n] + ")";
        }

        String arDot(int n) {
            String sep = mixedPunct ? one(".", "、", "．") : dotSep;
            return digits(n) + sep;
        }

        String arParen(int n) {
            int style = mixedPunct ? r.nextInt(3) : arParenStyle;
            return switch (style) {
                case 0 -> "（" + digits(n) + "）";
                case 1 -> "(" + digits(n) + ")";
                default -> digits(n) + "）";
            };
        }

        String arParenGold(String printed) {
            String n = nfkc(printed);
            return n.startsWith("(") ? n : n.replace(")", "") + ")";
        }

        String circled(int n) {
            return String.valueOf(CIRCLED.charAt(n - 1));
        }

        /** Ordinals of {@code count} siblings starting at {@code start}; maybe one gap (5 after 3) per report. */
        int[] numbers(int count, int start) {
            int[] out = new int[count];
            int skipAt = -1;
            if (gap && !gapUsed && count >= 3) {
                skipAt = between(1, count - 1);
                gapUsed = true;
            }
            int n = start;
            for (int i = 0; i < count; i++) {
                if (i == skipAt) {
                    n++;
                }
                out[i] = n++;
            }
            return out;
        }

        String money(double wan) {
            return new BigDecimal(Double.toString(wan)).stripTrailingZeros().toPlainString();
        }

        double yuan(double wan) {
            return new BigDecimal(Double.toString(wan)).multiply(BigDecimal.valueOf(10000)).doubleValue();
        }

        double randomWan() {
            int scale = r.nextInt(3);
            int raw = between(12, 99999);
            return BigDecimal.valueOf(raw, scale).doubleValue();
        }

        // ------------------------------------------------------------ context

        void context() {
            String name = pick(NAME1) + pick(NAME2);
            String city = pick(NAME1) + pick(NAME2);
            int unitKind = r.nextInt(10);
            int y0 = between(2016, 2024);
            String province = "省委";
            switch (unitKind) {
                case 0, 1 -> { target = name + "县"; org = "中共" + target + "委员会"; orgShort = "县委"; teamLevel = province; }
                case 2 -> { target = name + "区"; org = "中共" + city + "市" + target + "委员会"; orgShort = "区委"; teamLevel = one(province, "市委"); }
                case 3 -> { target = name + "市"; org = "中共" + target + "委员会"; orgShort = "市委"; teamLevel = province; }
                case 4 -> { target = city + "市" + pick(BUREAU); org = "中共" + target + "党组"; orgShort = "局党组"; teamLevel = "市委"; }
                case 5 -> { target = name + one("大学", "理工大学", "师范大学", "农业大学"); org = "中共" + target + "委员会"; orgShort = "学校党委"; teamLevel = one(province, "中央"); }
                case 6 -> { target = name + pick(SOE); org = "中共" + target + "委员会"; orgShort = "集团党委"; teamLevel = one(province, "中央"); }
                case 7 -> { target = name + "街道"; org = "中共" + city + "区" + target + "工作委员会"; orgShort = "街道党工委"; teamLevel = "区委"; }
                case 8 -> { target = name + "镇"; org = "中共" + target + "委员会"; orgShort = "镇党委"; teamLevel = "县委"; }
                default -> { target = name + "村"; org = "中共" + city + "县" + name + "镇" + target + "支部委员会"; orgShort = "村党支部"; teamLevel = "县委"; }
            }
            xun = teamLevel.equals("省委") || teamLevel.equals("中央") ? "巡视" : "巡察";
            team = teamLevel + "第" + CN[between(1, 12)] + xun + "组";
            kind = one("常规" + xun, xun + "“回头看”", "专项" + xun, "机动" + xun, "常规" + xun);
            int m0 = between(1, 9);
            inspStart = LocalDate.of(y0, m0, between(1, 28));
            inspEnd = inspStart.plusDays(between(30, 75));
            feedback = inspEnd.plusDays(between(20, 70));
            published = feedback.plusDays(between(80, 240));
            areaCode = pick(PROVINCE_AREA);
            whole = switch (orgShort) {
                case "县委" -> "全县";
                case "区委" -> "全区";
                case "市委" -> "全市";
                case "局党组" -> "全局";
                case "学校党委" -> "全校";
                case "集团党委" -> "集团";
                case "街道党工委" -> "全街道";
                case "镇党委" -> "全镇";
                default -> "全村";
            };
            traits.add("unit=" + orgShort);
        }

        String cnDate(LocalDate d) {
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }

        String title() {
            String what = one("整改情况", "整改进展情况", "整改落实情况");
            return switch (r.nextInt(3)) {
                case 0 -> org + "关于" + teamLevel + xun + what + "的通报";
                case 1 -> org + "关于" + teamLevel + xun + "反馈意见" + what + "的报告";
                default -> org + "关于" + xun + what + "的公告";
            };
        }

        String opening() {
            String period = chance(0.7)
                    ? cnDate(inspStart) + "至" + (inspEnd.getYear() == inspStart.getYear()
                    ? inspEnd.getMonthValue() + "月" + inspEnd.getDayOfMonth() + "日" : cnDate(inspEnd))
                    : inspStart.getYear() + "年" + inspStart.getMonthValue() + "月至" + inspEnd.getMonthValue() + "月";
            String fb = feedback.getYear() == inspEnd.getYear() && chance(0.5)
                    ? feedback.getMonthValue() + "月" + feedback.getDayOfMonth() + "日" : cnDate(feedback);
            String by = teamLevel.equals("中央") ? "中央" : teamLevel;
            String lead = teamLevel.equals("中央") ? "根据中央巡视工作领导小组统一部署" : "根据" + by + xun + "工作统一部署";
            return lead + "，" + period + "，" + team + "对" + target + "开展了" + kind + "。" + fb + "，" + by + xun + "组向"
                    + orgShort + "反馈了" + xun + "意见。按照党务公开原则和" + xun + "工作有关要求，现将" + xun + "整改进展情况予以公布。";
        }

        void preBoilerplate() {
            if (chance(0.35)) {
                addReport(one("首页 > 信息公开 > " + xun + "整改", "当前位置：首页 > 工作动态 > " + xun + "巡察",
                        "网站首页 | 政务公开 | " + xun + "整改专栏"));
                traits.add("nav");
            }
        }

        void headerAfterTitle() {
            if (chance(0.3)) {
                addReport("发布时间：" + published + " " + between(8, 17) + ":" + String.format("%02d", between(0, 59))
                        + "　来源：" + one(orgShort + "办公室", target + "纪委监委", "本站"));
                traits.add("published-line");
            }
            if (chance(0.25)) {
                addReport("【字体：大 中 小】");
            }
        }

        void postBoilerplate() {
            String phone = areaCode + "-" + between(2000000, 8999999);
            String mail = target + "行政中心" + between(100, 999) + "室，邮编" + between(100000, 899999);
            String email = "xszg" + between(100, 999) + "@163.com";
            String welcome = "欢迎广大干部群众对" + xun + "整改落实情况进行监督。如有意见建议，请及时向我们反映。";
            switch (r.nextInt(3)) {
                case 0 -> addReport(welcome + "联系电话：" + phone + "；邮政信箱：" + mail + "；电子邮箱：" + email + "。");
                case 1 -> {
                    addReport(welcome);
                    addReport("联系电话：" + phone);
                    addReport("邮政信箱：" + mail);
                    addReport("电子邮箱：" + email);
                }
                default -> addReport(welcome + "联系电话：" + phone + "。");
            }
            addReport(org);
            addReport(cnDate(published));
            if (chance(0.4)) {
                addReport("【打印】【关闭】");
                traits.add("print-close");
            }
            if (chance(0.3)) {
                addReport("上一篇：关于开展" + one("作风建设", "营商环境", "安全生产") + "专项督查的通知");
                addReport("下一篇：" + pick(NAME1) + pick(NAME2) + "镇召开" + xun + "整改推进会");
            }
        }

        // ------------------------------------------------------------ figures

        String figureSummary() {
            List<String[]> pool = new ArrayList<>(List.of(FIGURES));
            java.util.Collections.shuffle(pool, r);
            int k = between(3, 8);
            List<String> parts = new ArrayList<>();
            for (String[] f : pool.subList(0, k)) {
                if (f[0].endsWith("_yuan")) {
                    double wan = randomWan();
                    double y = yuan(wan);
                    figures.put(f[0], y);
                    reportValues.add(y);
                    parts.add(f[1].replace("{m}", money(wan)));
                } else {
                    int n = between(5, 320);
                    figures.put(f[0], (long) n);
                    reportValues.add((double) n);
                    parts.add(f[1].replace("{n}", Integer.toString(n)));
                }
            }
            // keep the README's order-free map but write the sentence in a natural order
            String lead = one("整改期间，", "通过集中整改，", "截至目前，", "巡视整改以来，".replace("巡视", xun));
            StringBuilder s = new StringBuilder(lead + one(whole + "共", "共", "累计"));
            s.append(String.join("，", parts)).append("。");
            if (chance(0.6)) {
                int total = between(12, 60);
                int done = between(total / 2, total - 1);
                figures.put("problems_total", (long) total);
                figures.put("problems_rectified", (long) done);
                reportValues.add((double) total);
                reportValues.add((double) done);
                s.append(xun).append("组反馈的").append(total).append("个问题，已完成整改").append(done)
                        .append("个，其余").append(total - done).append("个正在按计划推进。");
            }
            traits.add("figures");
            return s.toString();
        }

        /** An issue-level figure sentence whose value differs from every report-level figure. */
        String issueFigure() {
            String[] f = pick(FIGURES);
            for (int attempt = 0; attempt < 20; attempt++) {
                if (f[0].endsWith("_yuan")) {
                    double wan = BigDecimal.valueOf(between(11, 9999), r.nextInt(3)).doubleValue();
                    double y = yuan(wan);
                    if (!reportValues.contains(y)) {
                        issueValues.add(y);
                        return f[2].replace("{m}", money(wan));
                    }
                } else {
                    int n = between(2, 40);
                    if (!reportValues.contains((double) n)) {
                        issueValues.add((double) n);
                        return f[2].replace("{n}", Integer.toString(n));
                    }
                }
            }
            return "组织开展专项检查";
        }

        // ------------------------------------------------------------ problems

        String subject() {
            for (int i = 0; i < 200; i++) {
                int k = r.nextInt(SUBJECTS.length);
                if (usedSubjects.add(k)) {
                    return SUBJECTS[k];
                }
            }
            return SUBJECTS[r.nextInt(SUBJECTS.length)];
        }

        Wording wording() {
            if (wordingBias != null && chance(0.6)) {
                return wordingBias;
            }
            return pick(Wording.values());
        }

        /** A fresh problem statement of the given wording (wrappers are added by {@link #heading}). */
        String problem(Wording w) {
            for (int attempt = 0; attempt < 50; attempt++) {
                String p = switch (w) {
                    case PLAIN, GUANYU, ZHENDUI -> subject() + pick(DEFECTS) + (chance(0.3) ? "，" + pick(DETAILS) : "");
                    case PARTIAL_SUBJECT -> one("部分", "个别") + pick(UNIT_NOUNS) + pick(UNIT_PREDICATES);
                    case VERB_OPENING -> pick(VERBS) + pick(VERB_OBJECTS) + pick(DEFECTS2);
                    case YEAR_OPENING -> (inspStart.getYear() - between(1, 3)) + "年" + pick(YEAR_TAILS)
                            + one("，", "") + subject() + pick(DEFECTS);
                    case NUMBER_OPENING -> between(2, 9) + pick(COUNTED);
                    case QUOTE_OPENING -> pick(QUOTED) + (chance(0.3) ? "，" + pick(DETAILS) : "");
                };
                String key = p.length() > 8 ? p.substring(0, 8) : p;
                if (usedProblems.add(key) && usedProblems.add(p)) {
                    return p;
                }
            }
            return subject() + pick(DEFECTS) + "，" + pick(DETAILS);
        }

        String heading(Wording w, String problem, boolean allowSuffix) {
            String q = inner(problem);
            String h = switch (w) {
                case GUANYU -> one("关于“" + q + "”的问题", "关于" + problem + "的问题", "关于“" + q + "”问题");
                case ZHENDUI -> one("针对“" + q + "”问题", "针对“" + q + "”的问题");
                default -> problem;
            };
            if (allowSuffix && suffixOk && (w == Wording.GUANYU || w == Wording.ZHENDUI) && chance(0.4)) {
                h = h + "的整改情况";
            }
            return h;
        }

        // ------------------------------------------------------------ rectification

        /** Rectification of one issue: sentences (without 。), status and commitments. */
        final class Rect {
            final List<String> sentences = new ArrayList<>();
            final List<GoldCommitment> commitments = new ArrayList<>();
            String status;
            String statusSentence;

            String paragraph() {
                return sentences.isEmpty() ? "" : String.join("。", sentences) + "。";
            }
        }

        String status() {
            double d = r.nextDouble();
            return d < 0.34 ? "completed" : d < 0.66 ? "in_progress" : d < 0.96 ? "long_term" : "unknown";
        }

        String action(String ignored) {
            return pick(ACTIONS).replace("{n}", Integer.toString(between(3, 30)))
                    .replace("{y}", Integer.toString(inspStart.getYear() - between(1, 4)))
                    .replace("{s}", pick(RULE_AREAS));
        }

        List<String> distinctActions(int k) {
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < 30 && out.size() < k; i++) {
                String a = action(null);
                String key = a.replaceAll("[0-9]", "").substring(0, Math.min(6, a.length()));
                if (out.stream().noneMatch(x -> x.replaceAll("[0-9]", "").startsWith(key))) {
                    out.add(a);
                }
            }
            return new ArrayList<>(out);
        }

        Rect rect(String problem, String status) {
            Rect rc = new Rect();
            rc.status = status;
            if (status.equals("unknown")) {
                return rc;
            }
            String subj = pick(RULE_AREAS);
            List<String> clauses = distinctActions(between(1, 3));
            if (chance(0.35)) {
                clauses.add(issueFigure());
            }
            // one or two sentences of actions
            if (clauses.size() > 2 && chance(0.5)) {
                rc.sentences.add(String.join("，", clauses.subList(0, 2)));
                rc.sentences.add(String.join("，", clauses.subList(2, clauses.size())));
            } else {
                rc.sentences.add(String.join("，", clauses));
            }
            String s = switch (status) {
                case "completed" -> pick(COMPLETED);
                case "in_progress" -> inProgress(rc);
                default -> pick(LONG_TERM).replace("{s}", subj);
            };
            rc.statusSentence = s;
            if (status.equals("in_progress") && !rc.commitments.isEmpty()) {
                rc.sentences.add(s);
            } else if (chance(0.5)) {
                // the status clause ends the last action sentence
                int last = rc.sentences.size() - 1;
                rc.sentences.set(last, rc.sentences.get(last) + "，" + s);
            } else {
                rc.sentences.add(s);
            }
            return rc;
        }

        String inProgress(Rect rc) {
            if (chance(0.65)) {
                String[] when = futureWhen();
                String thing = pick(THINGS);
                String sentence = switch (r.nextInt(4)) {
                    case 0 -> "已完成" + between(2, 9) + "个" + thing + "，剩余" + between(1, 5) + "个计划" + when[0] + "完成";
                    case 1 -> "相关" + thing + "正在加紧推进，预计" + when[0] + "全部完成";
                    case 2 -> "力争" + when[0] + "全部整改到位";
                    default -> one("安置房", "污水管网", "综合服务中心", "农贸市场") + "项目主体工程在建，计划" + when[0] + "建成投用";
                };
                rc.commitments.add(new GoldCommitment(sentence, when[1]));
                if (chance(0.15)) {
                    // an unanchored window: a commitment without a due date
                    String window = "力争" + one("三年内", "两年内") + "实现" + pick(RULE_AREAS) + "信息化全覆盖";
                    rc.commitments.add(new GoldCommitment(window, null));
                    return sentence + "，" + window;
                }
                return sentence;
            }
            return pick(IN_PROGRESS).replace("{n}", Integer.toString(between(1, 6)));
        }

        /** {phrase, due}: a future promise relative to the publication date. */
        String[] futureWhen() {
            int pubY = published.getYear();
            int pubM = published.getMonthValue();
            for (int attempt = 0; attempt < 10; attempt++) {
                switch (r.nextInt(8)) {
                    case 0, 1 -> {
                        YearMonth ym = YearMonth.from(published).plusMonths(between(1, 14));
                        return new String[] {"于" + ym.getYear() + "年" + ym.getMonthValue() + "月底前", ym.atEndOfMonth().toString()};
                    }
                    case 2 -> {
                        if (pubM <= 10) {
                            return new String[] {"年底前", pubY + "-12-31"};
                        }
                    }
                    case 3 -> {
                        if (pubM <= 10) {
                            int m = between(pubM + 1, 12);
                            return new String[] {m + "月底前", YearMonth.of(pubY, m).atEndOfMonth().toString()};
                        }
                    }
                    case 4 -> {
                        return new String[] {"明年上半年", (pubY + 1) + "-06-30"};
                    }
                    case 5 -> {
                        YearMonth ym = YearMonth.from(published).plusMonths(between(2, 18));
                        return new String[] {"于" + ym.getYear() + "年" + ym.getMonthValue() + "月前", ym.atEndOfMonth().toString()};
                    }
                    case 6 -> {
                        if (pubM <= 10) {
                            return new String[] {"今年内", pubY + "-12-31"};
                        }
                    }
                    default -> {
                        LocalDate d = published.plusDays(between(40, 400));
                        return new String[] {"于" + cnDate(d) + "前", d.toString()};
                    }
                }
            }
            return new String[] {"明年上半年", (pubY + 1) + "-06-30"};
        }

        // ------------------------------------------------------------ issues with headings

        void record(String label, List<String> path, String problem, int line, Rect rc) {
            issues.add(new GoldIssue(issues.size() + 1, label, List.copyOf(path), problem, line, rc.status,
                    List.copyOf(rc.commitments)));
        }

        /**
         * Writes one heading-style issue: {@code prefix + heading} and its rectification per {@code placement};
         * {@code actionLabel} numbers action items one level below the issue.
         */
        void headingIssue(String prefix, String label, List<String> path, java.util.function.IntFunction<String> actionLabel) {
            Wording w = wording();
            String problem = problem(w);
            String status = status();
            Placement p = placement;
            boolean sameLine = p == Placement.INLINE || p == Placement.INLINE_MARKER;
            String head = heading(w, problem, !sameLine);
            if (status.equals("unknown") && sameLine) {
                status = "long_term";
            }
            Rect rc = rect(problem, status);
            String end = head.endsWith("的整改情况") || head.endsWith("问题") && chance(0.5) ? "" : one("。", "", "。");
            if (rc.sentences.isEmpty()) {
                record(label, path, problem, addIssue(prefix + head + end), rc);
                return;
            }
            switch (p) {
                case INLINE -> record(label, path, problem, addIssue(prefix + head + "。" + rc.paragraph()), rc);
                case INLINE_MARKER -> record(label, path, problem,
                        addIssue(prefix + head + "。" + one("整改情况：", "整改进展：", "整改措施：") + rc.paragraph()), rc);
                case NEXT_LINE -> {
                    record(label, path, problem, addIssue(prefix + head + end), rc);
                    addIssue(rc.paragraph());
                }
                case MARKER_PREFIX -> {
                    record(label, path, problem, addIssue(prefix + head + end), rc);
                    addIssue(one("整改情况：", "整改进展情况：", "整改措施：") + rc.paragraph());
                }
                case MARKER_LINE -> {
                    record(label, path, problem, addIssue(prefix + head + end), rc);
                    addIssue(one("整改情况：", "整改落实情况：", "整改措施及成效："));
                    for (String s : rc.sentences) {
                        addIssue(s + "。");
                    }
                }
                case MULTI_PARAGRAPH -> {
                    record(label, path, problem, addIssue(prefix + head + end), rc);
                    List<String> ss = new ArrayList<>(rc.sentences);
                    if (ss.size() == 1) {
                        addIssue(one("针对这一问题，", "对此，", "") + ss.get(0) + "。");
                        addIssue(orgShort + one("坚持举一反三，", "注重建章立制，") + action("相关工作") + "。");
                    } else {
                        for (String s : ss) {
                            addIssue(s + "。");
                        }
                    }
                }
                case ACTION_ITEMS -> {
                    record(label, path, problem, addIssue(prefix + head + end), rc);
                    int n = between(2, 4);
                    for (int i = 1; i <= n; i++) {
                        String body = i < n ? action("相关工作") + "。" : rc.paragraph();
                        addIssue(actionLabel.apply(i) + pick(ACTION_TITLES) + "。" + body);
                    }
                }
            }
        }

        // ------------------------------------------------------------ sections without issues

        String[] introHeadings() {
            return new String[] {"整改工作开展情况", "提高政治站位，加强组织领导", "整改工作组织推进情况", "强化组织领导，扎实推进整改",
                    "整改工作总体情况"};
        }

        String introParagraph() {
            return one(orgShort + "把" + xun + "整改作为重大政治任务，召开专题会议研究部署，成立整改工作领导小组，制定整改方案，"
                            + "建立问题清单、任务清单、责任清单，实行挂图作战、对账销号。",
                    orgShort + "主要负责同志切实履行第一责任人职责，先后主持召开整改推进会" + between(3, 12)
                            + "次，逐项调度整改进展，确保整改任务落地见效。",
                    "坚持边查边改、立行立改，对" + xun + "反馈意见逐条分析、逐项细化，形成整改措施" + between(40, 160)
                            + "条，一体推进问题整改、建章立制和以案促改。");
        }

        void introItems(java.util.function.IntFunction<String> label) {
            String[] items = {"提高思想认识，扛牢整改责任", "坚持问题导向，细化整改措施", "强化督查问效，确保整改质效", "注重标本兼治，健全长效机制"};
            int n = between(2, 3);
            for (int i = 1; i <= n; i++) {
                addReport(label.apply(i) + items[i - 1] + "。" + introParagraph());
            }
            traits.add("intro-items");
        }

        void introSection(String heading, java.util.function.IntFunction<String> itemLabel, boolean figuresHere) {
            addReport(heading);
            if (itemLabel != null && chance(0.4)) {
                introItems(itemLabel);
            } else {
                addReport(introParagraph());
                if (chance(0.4)) {
                    addReport("一是" + one("强化组织领导", "压实整改责任") + "；二是" + one("细化整改措施", "建立工作台账")
                            + "；三是" + one("加强督查督办", "严格验收销号") + "。");
                }
            }
            if (figuresHere) {
                addReport(figureSummary());
            }
        }

        void clueSection(String heading) {
            addReport(heading);
            addReport(xun + "组移交问题线索" + between(10, 60) + "件，" + orgShort + "逐件研究、分类处置，目前已办结"
                    + between(5, 9) + "件，其余线索正在按程序办理。" + xun + "期间转办信访件" + between(20, 120) + "件，已全部办结。");
            traits.add("clue-section");
        }

        void plansSection(String heading, java.util.function.IntFunction<String> itemLabel) {
            if (heading != null) {
                addReport(heading);
            }
            String[] items = {"持续巩固整改成果", "着力健全长效机制", "强化整改日常监督", "推动整改成果转化"};
            if (itemLabel != null && chance(0.5)) {
                int n = between(2, 3);
                for (int i = 1; i <= n; i++) {
                    addReport(itemLabel.apply(i) + items[i - 1] + "。" + one(
                            "对已完成的整改任务适时开展“回头看”，防止问题反弹回潮。",
                            "对需要长期坚持的整改任务持续用力、久久为功。",
                            "把整改落实情况纳入日常监督和年度考核。"));
                }
                traits.add("plan-items");
            } else {
                addReport((heading == null ? "下一步，" : "") + orgShort + "将坚持目标不变、标准不降、力度不减，对已完成的整改任务适时开展"
                        + "“回头看”，对需要长期坚持的整改任务持续用力，推动" + xun + "整改成果转化为推动高质量发展的实际成效。");
            }
        }

        String issueSectionHeading(int n) {
            return cnDun(n) + one(xun + "反馈问题整改落实情况", "反馈问题整改进展情况", "对照" + xun + "反馈意见逐项整改情况",
                    "集中整改完成情况");
        }

        String groupText(int i) {
            return switch (r.nextInt(4)) {
                case 0 -> "关于" + GROUPS[i % GROUPS.length] + "方面的问题";
                case 1 -> GROUPS[i % GROUPS.length] + "方面";
                case 2 -> "在“" + GROUPS[i % GROUPS.length] + "”方面";
                default -> GROUP_PROBLEMS[i % GROUP_PROBLEMS.length];
            };
        }

        // ------------------------------------------------------------ layouts

        GeneratedReport build() {
            context();
            dotSep = one(".", "、", "．", ".", "、");
            mixedPunct = chance(0.15);
            fullWidth = chance(0.12);
            arParenStyle = r.nextInt(3);
            cnParenAscii = chance(0.2);
            running = chance(0.4);
            gap = chance(0.15);
            wordingBias = chance(0.5) ? pick(Wording.values()) : null;
            groupBase = r.nextInt(GROUPS.length);
            placement = pick(Placement.values());

            preBoilerplate();
            addReport(title());
            headerAfterTitle();
            addReport(opening());
            switch (layout) {
                case TOP_LEVEL -> topLevel();
                case SECTION_GROUP_ITEM -> sectionGroupItem();
                case PART_SECTION_GROUP -> partSectionGroup();
                case ASPECT_YISHI -> aspectYishi();
                case ORDINAL_WORDS -> ordinalWords();
                case FOUR_LEVEL -> fourLevel();
                case FOUR_LEVEL_DEEP -> fourLevelDeep();
                case LABELLED_BLOCKS -> labelledBlocks();
                case FEEDBACK_AREA_ACTIONS -> feedbackAreaActions();
                case ACTION_GROUPS -> actionGroups();
                case TABLE_ROWS -> tableRows();
                case PARAGRAPH_SUBPROBLEMS -> paragraphSubproblems();
            }
            postBoilerplate();
            if (mixedPunct) {
                traits.add("mixed-punct");
            }
            if (fullWidth) {
                traits.add("fullwidth-digits");
            }
            if (gapUsed) {
                traits.add("numbering-gap");
            }
            if (wordingBias != null) {
                traits.add("wording=" + wordingBias);
            }
            return finish();
        }

        /** The unnumbered opening part used when 一、 carries issues or feedback areas. */
        void unnumberedIntro() {
            addReport(introParagraph());
            if (chance(0.5)) {
                addReport(introParagraph());
            }
            if (chance(0.75)) {
                addReport(figureSummary());
            }
        }

        void topLevel() {
            traits.add("placement=" + placement);
            suffixOk = true;
            unnumberedIntro();
            int n = between(3, 9);
            int[] nums = numbers(n, 1);
            boolean actionsAtCnParen = chance(0.5);
            for (int i = 0; i < n; i++) {
                int num = nums[i];
                headingIssue(cnDun(num), CN[num], List.of(),
                        k -> actionsAtCnParen ? cnParen(k) : arDot(k));
            }
            if (chance(0.3)) {
                addReport(cnDun(nums[n - 1] + 1) + "关于移交问题线索办理情况");
                addReport(xun + "组移交的问题线索已全部按程序办理，办结" + between(5, 30) + "件。");
                traits.add("clue-at-issue-level");
            }
            plansSection(chance(0.5) ? null : "下一步工作打算", null);
        }

        void sectionGroupItem() {
            traits.add("placement=" + placement);
            boolean figuresInIntro = chance(0.75);
            introSection(cnDun(1) + pick(introHeadings()), this::cnParen, figuresInIntro);
            String sec = issueSectionHeading(2);
            addReport(sec);
            int groups = between(2, 4);
            int running1 = 1;
            for (int g = 1; g <= groups; g++) {
                String gh = cnParen(g) + groupText(groupBase + g);
                addReport(gh);
                int n = between(1, 4);
                int[] nums = numbers(n, running ? running1 : 1);
                running1 = nums[n - 1] + 1;
                for (int i = 0; i < n; i++) {
                    String pre = arDot(nums[i]);
                    headingIssue(pre, Integer.toString(nums[i]), List.of(sec, gh), this::arParen);
                }
            }
            int next = 3;
            if (chance(0.35)) {
                clueSection(cnDun(next++) + "关于移交问题线索办理情况");
            }
            plansSection(cnDun(next) + one("下一步工作打算", "下一步工作安排", "下步工作打算"), this::cnParen);
            if (running) {
                traits.add("numbering=running");
            }
        }

        void partSectionGroup() {
            traits.add("placement=" + placement);
            addReport(one("第一部分 整改工作总体情况", "第一部分：整改工作开展情况", "第一部分　总体情况"));
            addReport(introParagraph());
            if (chance(0.75)) {
                addReport(figureSummary());
            }
            String part2 = one("第二部分 反馈问题整改落实情况", "第二部分：" + xun + "反馈问题整改情况");
            addReport(part2);
            int groups = between(2, 4);
            int run = 1;
            for (int g = 1; g <= groups; g++) {
                String gh = cnDun(g) + groupText(groupBase + g);
                addReport(gh);
                int n = between(1, 4);
                int[] nums = numbers(n, running ? run : 1);
                run = nums[n - 1] + 1;
                for (int i = 0; i < n; i++) {
                    headingIssue(cnParen(nums[i]), cnParenGold(nums[i]), List.of(part2, gh), this::arDot);
                }
            }
            addReport(one("第三部分 下一步工作打算", "第三部分：下一步工作安排"));
            plansSection(null, this::cnDun);
        }

        void yishiIssue(int k, List<String> path) {
            Wording w = wording();
            if (w == Wording.GUANYU || w == Wording.ZHENDUI) {
                w = Wording.PLAIN;
            }
            String problem = problem(w);
            Rect rc = rect(problem, one("completed", "in_progress", "long_term"));
            String label = CN[k] + "是";
            String marker = chance(0.7) ? one("整改情况：", "整改进展：") : "";
            record(label, path, problem, addIssue(label + problem + "。" + marker + rc.paragraph()), rc);
        }

        void aspectYishi() {
            boolean top = chance(0.5);
            List<String> base = new ArrayList<>();
            if (top) {
                unnumberedIntro();
            } else {
                introSection(cnDun(1) + pick(introHeadings()), null, chance(0.75));
                String sec = issueSectionHeading(2);
                addReport(sec);
                base.add(sec);
            }
            int groups = between(2, 4);
            for (int g = 1; g <= groups; g++) {
                String gp = GROUP_PROBLEMS[(groupBase + groupSeq++) % GROUP_PROBLEMS.length];
                String gh = top ? cnDun(g) + one("关于" + gp + "的问题", "关于“" + gp + "”问题的整改情况")
                        : "第" + CN[g] + "方面问题：" + gp;
                addReport(gh);
                List<String> path = new ArrayList<>(base);
                path.add(gh);
                int n = between(2, 4);
                for (int i = 1; i <= n; i++) {
                    yishiIssue(i, path);
                }
            }
            traits.add(top ? "groups=一、关于" : "groups=第N方面问题");
            plansSection(top ? null : cnDun(3) + "下一步工作打算", null);
        }

        void ordinalWords() {
            introSection(cnDun(1) + pick(introHeadings()), null, chance(0.75));
            String sec = issueSectionHeading(2);
            addReport(sec);
            int groups = between(2, 4);
            for (int g = 1; g <= groups; g++) {
                String gh = cnParen(g) + groupText(groupBase + g);
                addReport(gh);
                int n = between(2, 4);
                for (int i = 1; i <= n; i++) {
                    Wording w = wording();
                    if (w == Wording.GUANYU || w == Wording.ZHENDUI) {
                        w = Wording.PLAIN;
                    }
                    String problem = problem(w);
                    Rect rc = rect(problem, one("completed", "in_progress", "long_term"));
                    String label = "第" + CN[i];
                    String marker = chance(0.7) ? "整改情况：" : "";
                    record(label, List.of(sec, gh), problem,
                            addIssue(label + "，" + problem + "。" + marker + rc.paragraph()), rc);
                }
            }
            plansSection(cnDun(3) + "下一步工作打算", this::cnParen);
        }

        void fourLevel() {
            traits.add("placement=" + placement);
            introSection(cnDun(1) + pick(introHeadings()), this::cnParen, chance(0.75));
            String sec = issueSectionHeading(2);
            addReport(sec);
            int aspects = between(2, 3);
            int run = 1;
            for (int a = 1; a <= aspects; a++) {
                String ah = "第" + CN[a] + "方面问题：" + GROUPS[(groupBase + groupSeq++) % GROUPS.length] + one("不到位", "存在差距", "不够有力");
                addReport(ah);
                int groups = between(1, 3);
                for (int g = 1; g <= groups; g++) {
                    String gh = cnParen(g) + GROUP_PROBLEMS[(groupBase + groupSeq++) % GROUP_PROBLEMS.length];
                    addReport(gh);
                    int n = between(1, 3);
                    int[] nums = numbers(n, running ? run : 1);
                    run = nums[n - 1] + 1;
                    for (int i = 0; i < n; i++) {
                        headingIssue(arDot(nums[i]), Integer.toString(nums[i]), List.of(sec, ah, gh), this::arParen);
                    }
                }
            }
            plansSection(cnDun(3) + "下一步工作打算", null);
        }

        void fourLevelDeep() {
            if (placement == Placement.ACTION_ITEMS || placement == Placement.MARKER_LINE) {
                placement = Placement.INLINE_MARKER;
            }
            traits.add("placement=" + placement);
            introSection(cnDun(1) + pick(introHeadings()), null, chance(0.75));
            String sec = issueSectionHeading(2);
            addReport(sec);
            int groups = between(2, 3);
            for (int g = 1; g <= groups; g++) {
                String gh = cnParen(g) + groupText(groupBase + g);
                addReport(gh);
                int areas = between(1, 3);
                for (int a = 1; a <= areas; a++) {
                    String ah = arDot(a) + problem(Wording.PLAIN);
                    addReport(ah);
                    int n = between(2, 3);
                    int[] nums = numbers(n, 1);
                    for (int i = 0; i < n; i++) {
                        String pre = arParen(nums[i]);
                        headingIssue(pre, arParenGold(pre), List.of(sec, gh, ah), this::circled);
                    }
                }
            }
            plansSection(cnDun(3) + "下一步工作打算", null);
        }

        void labelledBlocks() {
            introSection(cnDun(1) + pick(introHeadings()), this::cnParen, chance(0.75));
            String sec = issueSectionHeading(2);
            addReport(sec);
            boolean groups = chance(0.4);
            boolean cnNum = chance(0.3);
            String deadlineLabel = one("整改时限：", "完成时限：");
            String progressLabel = one("整改进展：", "完成情况：");
            int total = 0;
            int gcount = groups ? between(2, 3) : 1;
            for (int g = 1; g <= gcount; g++) {
                List<String> path = new ArrayList<>(List.of(sec));
                if (groups) {
                    String gh = cnParen(g) + groupText(groupBase + g);
                    addReport(gh);
                    path.add(gh);
                }
                int n = between(2, 4);
                for (int i = 0; i < n; i++) {
                    total++;
                    String label = "问题" + (cnNum ? CN[total] : digits(total));
                    String problem = problem(pick(new Wording[] {Wording.PLAIN, Wording.PARTIAL_SUBJECT, Wording.VERB_OPENING,
                            Wording.QUOTE_OPENING, Wording.NUMBER_OPENING, Wording.YEAR_OPENING}));
                    String status = one("completed", "in_progress", "long_term");
                    Rect rc = new Rect();
                    rc.status = status;
                    String measures = action("相关工作") + "，" + action("相关工作") + (chance(0.35) ? "，" + issueFigure() : "");
                    String progress = switch (status) {
                        case "completed" -> one("已完成", "已完成整改", "已整改到位");
                        case "in_progress" -> one("正在推进", "已完成" + between(2, 6) + "项，剩余" + between(1, 3) + "项正在整改中", "整改中");
                        default -> one("长期坚持", "持续推进，长期坚持");
                    };
                    String deadline;
                    if (status.equals("long_term")) {
                        deadline = one("长期坚持", "长期");
                    } else if (status.equals("completed") && chance(0.4)) {
                        deadline = "立行立改";
                    } else {
                        YearMonth ym = status.equals("completed") ? YearMonth.from(published).minusMonths(between(1, 5))
                                : YearMonth.from(published).plusMonths(between(1, 10));
                        deadline = ym.getYear() + "年" + ym.getMonthValue() + "月底前";
                        rc.commitments.add(new GoldCommitment(deadlineLabel + deadline, ym.atEndOfMonth().toString()));
                    }
                    record(label, path, problem, addIssue(label + "：" + problem + "。"), rc);
                    addIssue("整改措施：" + measures + "。");
                    addIssue(progressLabel + progress);
                    if (chance(0.85) || !rc.commitments.isEmpty()) {
                        addIssue(deadlineLabel + deadline);
                    }
                }
            }
            plansSection(cnDun(3) + "下一步工作打算", null);
        }

        void feedbackAreaActions() {
            unnumberedIntro();
            int areas = between(2, 4);
            int groupBase = r.nextInt(GROUPS.length);
            int issueNo = 0;
            for (int a = 1; a <= areas; a++) {
                String ah = cnDun(a) + "关于“" + GROUPS[(groupBase + a) % GROUPS.length] + "”方面问题的整改情况";
                addReport(ah);
                int n = between(1, 3);
                int[] nums = numbers(n, running ? issueNo + 1 : 1);
                issueNo = nums[n - 1];
                for (int i = 0; i < n; i++) {
                    Wording w = wording();
                    String problem = problem(w);
                    String head = switch (r.nextInt(3)) {
                        case 0 -> "关于“" + inner(problem) + "”的问题";
                        case 1 -> "关于" + problem + "的问题";
                        default -> "针对“" + inner(problem) + "”问题";
                    };
                    Rect rc = rect(problem, one("completed", "in_progress", "long_term"));
                    record(cnParenGold(nums[i]), List.of(ah), problem, addIssue(cnParen(nums[i]) + head), rc);
                    int k = between(2, 4);
                    for (int j = 1; j <= k; j++) {
                        String body = j < k ? action("相关工作") + "。" : rc.paragraph();
                        addIssue(arDot(j) + pick(ACTION_TITLES) + "。" + body);
                    }
                }
            }
            plansSection(null, null);
        }

        void actionGroups() {
            unnumberedIntro();
            int areas = between(2, 5);
            int[] nums = numbers(areas, 1);
            for (int a = 0; a < areas; a++) {
                Wording w = wording();
                if (w == Wording.GUANYU || w == Wording.ZHENDUI) {
                    w = Wording.PLAIN;
                }
                String problem = problem(w);
                String head = cnDun(nums[a]) + one("关于“" + inner(problem) + "”方面问题的整改情况", "关于“" + inner(problem) + "”问题的整改情况");
                Rect rc = rect(problem, one("completed", "in_progress", "long_term"));
                record(CN[nums[a]], List.of(), problem, addIssue(head), rc);
                int groups = between(2, 3);
                for (int g = 1; g <= groups; g++) {
                    addReportOrIssue(cnParen(g) + one("在" + pick(EFFORT_AREAS) + "上下功夫", "聚焦" + pick(EFFORT_AREAS) + "，"
                            + one("狠抓落实", "精准发力", "久久为功"), "着力" + pick(ACTION_TITLES)));
                    boolean last = g == groups;
                    if (chance(0.5)) {
                        int k = between(1, 3);
                        for (int j = 1; j <= k; j++) {
                            String body = last && j == k ? rc.paragraph() : action("相关工作") + "。";
                            addIssue(arDot(j) + body);
                        }
                    } else {
                        addIssue(last ? rc.paragraph() : action("相关工作") + "，" + action("相关工作") + "。");
                    }
                }
            }
            plansSection(null, null);
        }

        void addReportOrIssue(String line) {
            addIssue(line);
        }

        void tableRows() {
            boolean tab = chance(0.5);
            String sep = tab ? "\t" : one("  ", "   ", "    ");
            traits.add(tab ? "cells=tab" : "cells=spaces");
            introSection(cnDun(1) + pick(introHeadings()), null, chance(0.8));
            String sec = cnDun(2) + one(xun + "反馈问题整改情况一览表", "反馈问题整改落实情况清单", xun + "反馈意见整改台账");
            addReport(sec);
            boolean category = chance(0.4);
            boolean owner = chance(0.4);
            List<String> header = new ArrayList<>(List.of("序号"));
            if (category) {
                header.add("问题类别");
            }
            header.addAll(List.of("反馈问题", "整改措施"));
            if (owner) {
                header.add("责任单位");
            }
            header.addAll(List.of("整改时限", "完成情况"));
            addReport(String.join(sep, header));
            int n = between(3, 10);
            int[] nums = numbers(n, 1);
            for (int i = 0; i < n; i++) {
                Wording w = pick(new Wording[] {Wording.PLAIN, Wording.PARTIAL_SUBJECT, Wording.VERB_OPENING,
                        Wording.QUOTE_OPENING, Wording.NUMBER_OPENING, Wording.YEAR_OPENING});
                String problem = problem(w);
                String status = one("completed", "in_progress", "long_term");
                Rect rc = new Rect();
                rc.status = status;
                String measures = action("相关工作") + "，" + action("相关工作") + (chance(0.35) ? "，" + issueFigure() : "");
                String deadline;
                if (status.equals("long_term")) {
                    deadline = one("长期坚持", "长期");
                } else if (status.equals("completed") && chance(0.35)) {
                    deadline = "立行立改";
                } else {
                    YearMonth ym = status.equals("completed") ? YearMonth.from(published).minusMonths(between(1, 5))
                            : YearMonth.from(published).plusMonths(between(1, 10));
                    deadline = ym.getYear() + "年" + ym.getMonthValue() + "月底前";
                    rc.commitments.add(new GoldCommitment("整改时限：" + deadline, ym.atEndOfMonth().toString()));
                }
                String done = switch (status) {
                    case "completed" -> one("已完成", "已完成整改", "已整改到位");
                    case "in_progress" -> one("正在推进", "整改中", "正在整改");
                    default -> "长期坚持";
                };
                List<String> cells = new ArrayList<>(List.of(digits(nums[i])));
                if (category) {
                    cells.add(GROUPS[r.nextInt(4)].replace("和省委工作要求", ""));
                }
                cells.add(problem);
                cells.add(measures);
                if (owner) {
                    cells.add(one("党政办", "财务科", "组织办", "纪工委", "规划建设办"));
                }
                cells.add(deadline);
                cells.add(done);
                record(Integer.toString(nums[i]), List.of(sec), problem, addIssue(String.join(sep, cells)), rc);
            }
            plansSection(cnDun(3) + "下一步工作打算", null);
        }

        void paragraphSubproblems() {
            introSection(cnDun(1) + pick(introHeadings()), null, chance(0.75));
            String sec = issueSectionHeading(2);
            addReport(sec);
            int n = between(2, 6);
            int[] nums = numbers(n, 1);
            boolean cnLevel = chance(0.5);
            for (int i = 0; i < n; i++) {
                Wording w = wording();
                String problem = problem(w);
                String head = heading(w, problem, false);
                String pre = cnLevel ? cnParen(nums[i]) : arDot(nums[i]);
                String label = cnLevel ? cnParenGold(nums[i]) : Integer.toString(nums[i]);
                Rect rc = rect(problem, one("completed", "in_progress", "long_term"));
                record(label, List.of(sec), problem, addIssue(pre + head), rc);
                int k = between(2, 3);
                StringBuilder p = new StringBuilder();
                if (chance(0.5)) {
                    // sub-problems listed in one paragraph, answered as a whole
                    p.append(one(xun + "指出：", "具体表现为：", "主要是："));
                    for (int j = 1; j <= k; j++) {
                        String sub;
                        int guard = 0;
                        do { // a sub-problem never repeats a statement used elsewhere in the report
                            sub = one("部分", "个别") + pick(UNIT_NOUNS) + pick(UNIT_PREDICATES);
                        } while (!usedProblems.add(sub) && ++guard < 50);
                        p.append(CN[j]).append("是").append(sub).append(j < k ? "；" : "。");
                    }
                    p.append("整改情况：").append(rc.paragraph());
                    traits.add("para=subproblems");
                } else {
                    for (int j = 1; j <= k; j++) {
                        p.append(CN[j]).append("是").append(action("相关工作")).append(j < k ? "；" : "。");
                    }
                    p.append(rc.paragraph());
                    traits.add("para=actions");
                }
                addIssue(p.toString());
            }
            plansSection(cnDun(3) + "下一步工作打算", null);
        }

        // ------------------------------------------------------------ gold

        GeneratedReport finish() {
            String text = String.join("\n", lines);
            Set<Double> reportNumbers = new HashSet<>(reportValues);
            Pattern num = Pattern.compile("(\\d+(?:\\.\\d+)?)(万元)?");
            for (int i = 0; i < lines.size(); i++) {
                if (!reportLevel.get(i)) {
                    continue;
                }
                Matcher m = num.matcher(nfkc(lines.get(i)));
                while (m.find()) {
                    double v = Double.parseDouble(m.group(1));
                    reportNumbers.add(v);
                    reportNumbers.add(yuan(v));
                }
            }
            Set<Double> issueOnly = new LinkedHashSet<>(issueValues);
            issueOnly.removeAll(reportNumbers);

            String file = "gen-" + layout.family + "-" + Long.toHexString(seed) + ".txt";
            ObjectNode gold = Json.MAPPER.createObjectNode();
            gold.put("file", file);
            gold.putObject("meta").put("target", target);
            ObjectNode figs = gold.putObject("figures");
            figures.forEach((k, v) -> {
                if (v instanceof Double d) {
                    figs.put(k, d);
                } else {
                    figs.put(k, v.longValue());
                }
            });
            gold.put("issue_count", issues.size());
            ArrayNode arr = gold.putArray("issues");
            for (GoldIssue g : issues) {
                ObjectNode o = arr.addObject();
                o.put("seq", g.seq());
                o.put("label", g.label());
                ArrayNode path = o.putArray("path");
                g.path().forEach(path::add);
                o.put("problem", g.problem());
                o.put("line", g.line());
                o.putNull("topic");
                o.putNull("topic2");
                o.put("status", g.status());
                ArrayNode cs = o.putArray("commitments");
                for (GoldCommitment c : g.commitments()) {
                    ObjectNode co = cs.addObject();
                    co.put("text", c.text());
                    if (c.due() == null) {
                        co.putNull("due");
                    } else {
                        co.put("due", c.due());
                    }
                }
            }
            gold.put("notes", "generated: family " + layout.family + ", traits " + traits);
            return new GeneratedReport(layout.family, seed, List.copyOf(traits), text, gold, List.copyOf(issues),
                    Map.copyOf(figures), Set.copyOf(issueOnly));
        }
    }

    /** A problem quoted inside “…”: its own double quotes become single ones, as printed reports do. */
    static String inner(String problem) {
        return problem.replace('“', '‘').replace('”', '’');
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
