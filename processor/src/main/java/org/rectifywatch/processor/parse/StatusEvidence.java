package org.rectifywatch.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.FastPatterns.KeywordPattern;

/**
 * Sentence-level evidence for the status of an issue. The rectification text is cut into sentences (at 。；! ? line
 * ends and before 一是/二是, (一), 1. enumerations) and each sentence into clauses (at ，：); each sentence gets one
 * {@link Kind}:
 * <ul>
 * <li>{@code PENDING} — a concrete item still under way or planned (正在, 将于, 尚未, 在建, 待批复, 有序推进, 计划…前完成,
 * 其余…, 已完成…的60%, 基本完成整改);</li>
 * <li>{@code DONE} — a concrete result reported as achieved (已建成, 已完成, 已清理到位, 已全部入驻, 如期开学, 办结率100%,
 * 已拆除, 已追缴到位, 已兑付, 全部整改到位, 制度已印发…), unless it is an aspiration (确保/力争/要求…到位) or negated
 * (尚未/未/没有…);</li>
 * <li>{@code MEASURE} — an action or continuing measure (建立…机制, 持续, 常态化, 坚持, 定期, 开展…, 召开了会议): things
 * done, but not a claim that the problem is solved;</li>
 * <li>{@code NEUTRAL} — anything else (background, intent, figures without a state).</li>
 * </ul>
 * Inside one sentence a later state overrides an earlier one when it is told as the present (原计划…, 现已完成;
 * 于2022年开工建设, 目前已建成投用); otherwise pending wins. 基本完成 on its own (工作基本完成) is neither a completion
 * claim nor a concrete pending item: it reads as a measure; 基本完成整改 (of the issue) is pending, as in the status
 * groups "基本完成整改的问题".
 */
final class StatusEvidence {
    enum Kind { DONE, PENDING, MEASURE, NEUTRAL }

    /** One sentence, its kind and the clause that gave it (the whole sentence for NEUTRAL). */
    record Sentence(String text, Kind kind, String clause) {
    }

    private StatusEvidence() {
    }

    private static final String SENTENCE_END = "。;；!！?？\n";
    private static final String CLAUSE_END = ",，:：";
    /** Where an enumerated point starts a new sentence: 一是 二是 … 十是, (一) （二）, 1. 2、, ① ②. */
    private static final Pattern ENUMERATION = Pattern.compile(
            "(?:[一二三四五六七八九十]{1,2}是|[(（][一二三四五六七八九十]{1,2}[)）]|(?<![\\d.])\\d{1,2}[.、．](?!\\d)|[①②③④⑤⑥⑦⑧⑨⑩])");

    // ---- pending: a concrete item still under way or planned ----
    static final KeywordPattern PENDING = FastPatterns.alternation(
            "整改中|正在|正按|正对|正抓紧|正加紧|正有序|将于|将在|拟于|拟在|计划于|计划在|计划年底|计划年内|预计|"
                    + "(?:力争|争取)(?=[^,，。;；]{0,10}(?:\\d{4}年|今年|明年|年底|年内|月底|季度|上半年|下半年|前|内))|"
                    + "计划(?=[^,，。;；]{0,8}(?:\\d{4}年|今年|明年|年底|年内|上半年|下半年|月底))|"
                    + "尚未(?![^,，。;；]{0,12}的)|尚需|尚待|仍在|仍需|未完成|未整改到位|未整改完成|未办结|未结案|未销号|未到位|未兑付|未拆除|"
                    + "(?<!接)待批复|(?<!接)待审批|待验收|(?<!接)待办理|待审核|待评审|待移交|待上级|待省|待市|待县|待国家|"
                    + "在建|报批中|审批中|施工中|建设中|实施中|办理中|审理中|推进中|进行中|整治中|处置中|协调中|谈判中|招标中|公示中|"
                    + "已报[^,，。;；]{0,10}审批|已进入[^,，。;；]{0,8}程序|司法程序|诉讼程序|进场施工|启动建设|开工建设|启动发展程序|"
                    + "还将继续|下步将|下一步将|抓紧推进|加快推进中|有序推进|序时推进|稳步推进中|"
                    + "(?:加快|快速|加速|全力|抓紧)推进[^,，。;；]{0,20}等\\d+个[^,，。;；]{0,6}项目|"
                    + "前完成|底前|年内完成|以前完成|之前完成|前全部|前整改到位|前办结|"
                    + "基本完成整改|基本整改到位|基本完成[^,，。;；]{0,6}整改任务");
    /** Pending only when the clause reports no result itself (其余3个正在推进 vs 其余项目已全部完成). */
    private static final KeywordPattern WEAK_PENDING = FastPatterns.alternation("其余|剩余|余下|陆续|逐步消化|分批|分步");
    /** 已完成…的60% / 完成进度80% / 完成投资…% — a share below 100% of a concrete item. */
    private static final Pattern PARTIAL = Pattern.compile(
            "(?:完成|进度|完工)[^,，。;；]{0,16}?(?<![\\d.])(\\d{1,2}(?:\\.\\d+)?)\\s*[%％]|完成[^,，。;；]{0,10}(?:过半|大半|一半|部分)|"
                    + "已完成部分|部分完成|完成率[^,，。;；\\d]{0,4}(\\d{1,2}(?:\\.\\d+)?)\\s*[%％]");
    /** 剩余0项 / 其余0个: nothing is left. */
    private static final Pattern NOTHING_LEFT = Pattern.compile("(?:其余|剩余|余下)(?:的)?(?:问题|事项|任务)?(?:0|零)\\s*(?:项|个|件)");
    /** A pending keyword that is history: 原计划…, 此前…, 曾…; 原定. */
    private static final Pattern HISTORY = Pattern.compile("原计划|原定|原拟|按原|此前|曾经?|之前|起初|当时");
    /** A later clause told as the present, which makes earlier pending clauses of the sentence history. */
    private static final Pattern NOW = Pattern.compile(
            "^(?:[^,，]{0,12})?(?:现已|目前已|现在已|如今已|至今已|现均已|目前均已|现全部|目前全部|截至[^,，]{0,14}已|已于)");

    // ---- done: a concrete result achieved ----
    private static final String RESULT_VERB = "(?:全部|全面|均|如期|按期|按时|顺利|依法依规|依规依纪|依纪依规|依规|依法|依纪|按规定|按要求|按程序|"
            + "严肃|彻底|基本)*(?:作出|进行|给予|予以)?"
            + "(?:完成|建成|竣工|投用|投入使用|投入运行|交付|开学|开园|开诊|开业|入驻|入住|搬迁|迁入|拆除|清理|清退|清缴|清偿|清收|"
            + "追缴|追回|收回|收缴|缴回|缴纳|缴入|退还|退回|兑付|兑现|发放|支付|拨付|偿还|归还|办结|结案|销号|化解|解决|整改|纠正|"
            + "更正|修复|修缮|补齐|补办|补缴|补录|补签|配齐|配备|配强|调整|撤销|注销|吊销|关停|关闭|取缔|清零|移交|移送|"
            + "处理|处置|处分|问责|规范|复垦|复绿|恢复|上线|开通|挂牌|通过|验收|签订|到任|到岗|办理|办证|确权|登记|领证|"
            + "印发|出台|建立|修订|健全|完善|落实|实现|达到|消除|杜绝|停止|停用|收归|划转|接管|移出|改正|取消|免去|免职|辞退|"
            + "清除|腾退|归位|退出|消化|辞去|辞职|签约|签署|结清|付清|还清|清算|获批|办妥|完工|撤出|搬离|封堵|清运|解除|改造|安置|补偿|到账|入库|上缴|达标|合格)";
    static final KeywordPattern DONE = FastPatterns.of("已均现全整如顺正建竣办完兑清入到销化回满追拆退补收缴配返发拨问",
            // 已建成, 均已拆除, 现已全部到任, 已于2024年6月完成整改
            "(?:已经?|均已|现已|全部已|已经全部)" + RESULT_VERB
                    + "|已于(?:(?!启动|开始|开展|部署|召开)[^,，。;；]){0,14}(?:起?(?:实施|施行|印发|出台)|" + RESULT_VERB + ")"
                    // no 已: the result is itself the statement
                    + "|全部(?:进行|予以|作出)?(?:整改到位|整改完成|完成整改|完成|办结|审结|拆除|清理到位|追回|追缴到位|兑付|入驻|到位|"
                    + "销号|清零|补齐|纠正|退还|交流轮岗|轮岗|交流|调整|撤销|注销|收回|清退|移交|处理|免职|更换|取消)"
                    + "|整改(?:完毕|到位|完成)(?![^,，。;；]{0,4}(?:后|前|时))"
                    + "|如期(?:开学|竣工|交付|完成|投用|投入使用|开园|开诊|开业|入驻|建成|办结)"
                    + "|顺利(?:完成|通过|开学|交付|竣工|投用|入驻|搬迁|办结)"
                    + "|正式(?:投用|投入使用|开学|运行|挂牌|开园|开业|启用|上线|印发|出台|施行|实施)"
                    + "|(?:建成|竣工)(?:并)?(?:投用|投入使用|交付|开学|运行|通水|通车)"
                    + "|(?:办结率|完成率|整改率|兑付率|清退率|入驻率|到位率|销号率|办证率|化解率|完工率|回复率|满意率)"
                    + "[^,，。;；]{0,4}100\\s*[%％]"
                    + "|(?:清理|清退|追缴|追回|兑付|拆除|退还|补齐|收回|缴回|配备|整改|清偿|返还|发放|拨付)到位"
                    + "|(?<=制度|办法|规定|细则|方案|意见|机制|规划|条例|清单|标准|规则|》|”)(?:已经?|均已)"
                    + "(?:修订完善|建立|制定|出台|修订|完善|印发|下发|施行|实施|健全)"
                    + "|问题已(?:全部|均)?(?:解决|整改)|办结销号"
                    // 已将6名干部调整到巡察机构, 已将违规资金全部退还
                    + "|已将[^,，。;；]{1,24}?(?:全部)?(?:调整|调入|调配|充实|纳入|移交|移送|退还|上缴|缴入|清退|划转|收回|归还|补齐|"
                    + "录入|配备|交还|返还|转入|整改)");
    /** Before a result in its clause, these make it a wish, a demand or a condition, not a fact. */
    private static final Pattern NOT_DONE_CONTEXT = Pattern.compile(
            "确保|力争|推动|要求|争取|务必|直至|直到|以便|目标|责令|限期|计划(?:于|在|年|\\d)|拟|待|如果|若|一旦|才能|方可|必须|应当|需要|努力");
    /** A result whose object is a continuing mechanism is the long_term answer, not a completion. */
    private static final Pattern CONTINUING = Pattern.compile("长效机制|长效管理|常态化|常态长效");
    /** A negation right before the result (未全部整改到位, 没有如期开学), not one earlier in the clause (应收未收的租金已追回). */
    private static final Pattern NEGATION = Pattern.compile("(?:尚未|未|没有|无法|难以|不能)(?:能|按期|如期|按时|全部|完全)?$");

    // ---- measures: actions and continuing mechanisms ----
    static final KeywordPattern MEASURE = FastPatterns.alternation(
            "长效机制|机制|制度|办法|规定|清单|台账|方案|细则|意见|持续|常态化|坚持|定期|开展|加强|强化|深化|严格|严肃|"
                    + "落实|推动|推进|组织|召开|举办|培训|教育|督导|督查|检查|排查|巡查|压实|进一步|不断|健全|完善|建立|"
                    + "制定|出台|修订|印发|成立|召集|约谈|通报|研究|部署|学习|提升|提高|优化|规范|扎实|全面|着力|聚焦|"
                    + "围绕|紧盯|加大|狠抓|完善|构建|形成|探索|实行|实施|落地|整治|治理|监督|考核|问责|处分|查处|立案|谈话|提醒");
    /** The continuing mechanism a long_term verdict quotes, when there is one. */
    static final KeywordPattern MECHANISM = FastPatterns.alternation("长效机制|机制|制度|办法|规定|清单");

    /** The sentences of {@code text} with their kinds, in order. */
    static List<Sentence> label(String text) {
        List<Sentence> out = new ArrayList<>();
        for (String s : sentences(text)) {
            out.add(labelSentence(s));
        }
        return out;
    }

    /** Characters an enumeration marker starts with (the regex runs only there). */
    private static final String ENUMERATION_FIRST = "一二三四五六七八九十(（0123456789①②③④⑤⑥⑦⑧⑨⑩";

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        Matcher en = ENUMERATION.matcher(text);
        for (int i = 0; i <= n; i++) {
            boolean end = i == n || SENTENCE_END.indexOf(text.charAt(i)) >= 0;
            boolean enumStart = !end && i > start && ENUMERATION_FIRST.indexOf(text.charAt(i)) >= 0
                    && precededByBreak(text, i) && en.region(i, n).lookingAt();
            if (end || enumStart) {
                String s = text.substring(start, i).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                start = end ? i + 1 : i;
            }
        }
        return out;
    }

    /** An enumeration marker starts a sentence only after a clause end (一是…，二是…) — not inside 第一是 or 12.5. */
    private static boolean precededByBreak(String text, int i) {
        char c = text.charAt(i - 1);
        return CLAUSE_END.indexOf(c) >= 0 || Character.isWhitespace(c) || c == '。';
    }

    static List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= sentence.length(); i++) {
            if (i == sentence.length() || CLAUSE_END.indexOf(sentence.charAt(i)) >= 0) {
                String c = sentence.substring(start, i).strip();
                if (!c.isEmpty()) {
                    out.add(c);
                }
                start = i + 1;
            }
        }
        return out;
    }

    static Sentence labelSentence(String sentence) {
        List<String> clauses = clauses(sentence);
        Kind[] kinds = new Kind[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            kinds[i] = labelClause(clauses.get(i));
        }
        // a pending clause followed by a present-tense done clause is history (原计划…, 现已完成)
        // (only the clause right before: 该项目于2023年开工建设，目前已建成投用)
        for (int i = 1; i < clauses.size(); i++) {
            if (kinds[i] == Kind.DONE && kinds[i - 1] == Kind.PENDING && NOW.matcher(clauses.get(i)).find()) {
                kinds[i - 1] = Kind.NEUTRAL;
            }
        }
        for (Kind k : new Kind[] {Kind.PENDING, Kind.DONE, Kind.MEASURE}) {
            for (int i = 0; i < clauses.size(); i++) {
                if (kinds[i] == k) {
                    return new Sentence(sentence, k, clauses.get(i));
                }
            }
        }
        return new Sentence(sentence, Kind.NEUTRAL, sentence);
    }

    static Kind labelClause(String clause) {
        if (isPending(clause)) {
            return Kind.PENDING;
        }
        if (isDone(clause)) {
            return Kind.DONE;
        }
        if (WEAK_PENDING.foundIn(clause) && !NOTHING_LEFT.matcher(clause).find()) {
            return Kind.PENDING;
        }
        if (MEASURE.foundIn(clause) || clause.contains("已")) {
            return Kind.MEASURE;
        }
        return Kind.NEUTRAL;
    }

    private static boolean isPending(String clause) {
        boolean mayBePartial = clause.contains("完成") || clause.contains("进度") || clause.contains("完工");
        Matcher pm = PARTIAL.matcher(clause);
        while (mayBePartial && pm.find()) {
            String pct = pm.group(1) != null ? pm.group(1) : pm.group(2);
            if (pct == null || Double.parseDouble(pct) < 100) {
                return true;
            }
        }
        int from = 0;
        Matcher m = null;
        while ((m = PENDING.find(clause, from, m)) != null) {
            from = Math.max(m.end(), m.start() + 1);
            String before = clause.substring(0, m.start());
            if (HISTORY.matcher(before).find() || HISTORY.matcher(m.group()).lookingAt()) {
                continue; // 原计划于…前完成: history
            }
            if (m.group().startsWith("前") || m.group().startsWith("底前") || m.group().startsWith("以前")
                    || m.group().startsWith("之前")) {
                // a deadline: pending unless the clause itself reports the result (已于6月底前完成)
                if (before.contains("已") || before.contains("每")) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isDone(String clause) {
        int from = 0;
        Matcher m = null;
        while ((m = DONE.find(clause, from, m)) != null) {
            from = Math.max(m.end(), m.start() + 1);
            String before = clause.substring(0, m.start());
            if (NOT_DONE_CONTEXT.matcher(before).find() || NEGATION.matcher(before).find()) {
                continue;
            }
            String hit = m.group();
            if (hit.contains("基本")) {
                continue; // 工作已基本完成: not a completion claim
            }
            if (before.startsWith("其中")) {
                continue; // 引进项目6个，其中3个已建成: a breakdown of a figure, not the state of the problem
            }
            if (CONTINUING.matcher(clause.substring(m.start())).find()) {
                continue; // 已建立…长效机制: a continuing mechanism, the long_term answer itself
            }
            return true;
        }
        return false;
    }
}
