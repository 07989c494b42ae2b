package org.rectifywatch.processor.segment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.FastPatterns;

/**
 * How a heading states a feedback problem: the explicit wrappers of the genre (针对“X”问题, 关于“X”问题的整改情况,
 * 关于X的问题, 在“X”方面, 反馈问题:X) and, for plain sentences, whether they read as a shortcoming (problem) or as
 * a rectification action (持续…, 加强…, 建立…).
 */
public final class ProblemText {
    private static final String OPEN = "[“\"「『‘']";
    private static final String CLOSE = "[”\"」』’']";
    private static final String REST = "(?:的)?(?:整改(?:落实)?(?:情况|进展情况|进展)?)?$";
    private static final Pattern QUOTED = Pattern.compile(
            "^(?:针对|关于|对)" + OPEN + "(.+)" + CLOSE + "(?:等)?(?:的)?(?:问题|方面问题|方面的问题)" + REST);
    private static final Pattern ASPECT = Pattern.compile(
            "^在" + OPEN + "(.+)" + CLOSE + "方面(?:的问题|存在的问题|问题)?" + REST);
    private static final Pattern LABELLED = Pattern.compile("^(?:(?:巡[视察])?(?:反馈|存在|指出)?(?:的)?问题(?:[一二三四五六七八九十\\d]+)?\\s*[:：]"
            + "|[^，,。：:]{0,16}?第[一二三四五六七八九十\\d]{1,3}(?:个|项|条)?问题\\s*[:：]|序号\\s*\\d{1,3}\\s*[:：]"
            + "|[【\\[（(](?:巡[视察])?(?:反馈|存在|指出)?问题(?:[一二三四五六七八九十\\d]+)?[】\\]）)]\\s*[:：]?)\\s*(.+)$");
    private static final Pattern PLAIN = Pattern.compile("^(?:针对|关于)(.+?)(?:的)?问题" + REST);
    private static final Pattern TOPIC = Pattern.compile("^关于(.+)$");
    private static final Pattern SUFFIX = Pattern.compile("^(.+?)的问题" + REST);

    /** Section titles that announce the rectification of all problems (巡视反馈问题整改落实情况). */
    private static final Pattern CONTAINER = Pattern.compile(
            "(?:反馈|指出|交办)?(?:的)?(?:意见|问题)?(?:的)?整改(?:落实|完成|推进|进展)?(?:情况|工作|进展)$");

    /** Verbs that open a rectification action heading. */
    private static final Pattern ACTION_START = Pattern.compile(
            "^(?:持续|加速|加快|加大|加强|层层|压紧|压实|深化|深入|完善|健全|建立|建强|推进|推动|全面|全力|扎实|积极|高质量|"
                    + "优化|坚持|强化|严格|切实|着力|大力|增强|提升|提高|规范|落实|抓好|抓实|抓牢|做好|做实|巩固|开展|实施|聚焦|聚力|狠抓|"
                    + "统筹|筑牢|织密|凝聚|树牢|牢固|紧盯|紧扣|紧紧|围绕|立足|突出抓|用好|发挥|打造|构建|创新|探索|注重|坚决|迅速|及时|"
                    + "认真|明确|细化|精准|从严|严肃|严把|严防|严查|整合|整治|清理|排查|大抓|真抓|在(?![“\"])|对标|解决|"
                    + "主动|不断|进一步|集中|分类|健全完善|建立健全|制定|出台|修订|组织|召开|成立|配齐|配强|选优|"
                    + "补齐|补强|压茬|依法|稳妥|有序|扩大|培育|引进|新建|提质|管好|守牢|"
                    + "约谈|召集|印发|修订|编制|下发|举办|督促|指导|推行|实行|梳理|查处|通报|追回|收缴|清退|配备|投入|安排|"
                    + "邀请|委托|聘请|约请|走访|回访|核查|核实|复核|核减|追缴|退还|整改了|完成了|"
                    + "对[^,，。;；]{1,24}?(?:进行|开展|实施|给予|予以|作出|组织))");

    /** Shortcoming predicates strong enough to make even a verb-initial sentence a problem (推动…不够有力). */
    private static final FastPatterns.KeywordPattern STRONG_SHORTCOMING = FastPatterns.alternation(
            "不够|不到位|不足|不力|不严|不实|不高|不强|不深|不细|不准|不规范|不彻底|不充分|不明显|不平衡|不完善|不健全|"
                    + "不及时|不牢|不精准|不匹配|不齐|不畅|不严谨|不扎实|有差距|存在差距|滞后|缺失|缺位|偏慢|偏低|缓慢|宽松软|"
                    + "流于形式|乏力|仍未|未到位|失之于|不作为");

    /** Words of shortcoming that make a sentence a problem statement. */
    private static final FastPatterns.KeywordPattern SHORTCOMING = FastPatterns.alternation(
            "不够|不到位|不足|不力|不严|不实|不高|不强|不深|不细|不准|不规范|不彻底|不充分|不明显|不平衡|不完善|不健全|"
                    + "不及时|不牢|不精准|不匹配|不齐|不畅|不通畅|不严谨|不严肃|不扎实|不合理|不落实|不清|不全|不当|不严格|"
                    + "有差距|差距|短板|薄弱|滞后|缺失|缺位|缺乏|欠缺|偏慢|偏低|偏弱|偏差|偏软|偏松|偏少|偏多|偏高|偏大|较大|突出|多发|频发|易发|"
                    + "仍有|仍然|仍未|仍存|未能|未按|未及时|未整改|未到位|没有|空档|反弹|宽松软|流于形式|失衡|风险|隐患|弱化|虚化|"
                    + "淡化|有待|乏力|缓慢|低下|困难|浅表|浮于|走过场|失之于|松懈|涣散|违规|违反|违纪|问题|乱象|漏洞|顽疾|"
                    + "不作为|慢作为|乱作为|形式主义|官僚主义|存在|偏离|落后|不重视|重视不够|意识淡薄|淡薄|拖沓|走样|走偏|变形|变味|迟缓|未达到|未达|闲置|滞留|挤占|挪用|截留|超标|超配|超职数|盲区|空白|不正常|不均衡|不合规|不达标|不一致|不统一|不对称|不健康|"
                    + "打折扣|搞变通|做选择|混乱|无序|推进慢|进展慢|进度慢|效益低|效率低|质量低|水平低|不紧|不实|不严|不准确|不深入|不牢固|不扎实|未完成|未落实|未建立|未形成|失守|失管|失察|失职|不完整|未签订|未执行|未公开|未履行|未经");

    /**
     * Predicates that close a shortcoming statement. A Chinese problem statement ends in its judgement, so a
     * sentence that opens with a verb of action but ends in one of these states a problem (推动…举措不多,
     * 聚焦…力度不大, 深化…仍有短板), while an action ends in its object (加大…整改力度, 整治…问题).
     */
    private static final Pattern ENDS_IN_SHORTCOMING = Pattern.compile(
            "(?:不大|不多|不够|不足|不到位|不力|不强|不高|不严|不实|不深|不细|不准|不好|不优|不广|不明显|不充分|不彻底|不及时|"
                    + "不规范|不完善|不健全|不平衡|不扎实|不精准|不深入|不全面|不严格|不牢固|不紧|不畅|不够有力|不够到位|"
                    + "较少|较弱|较低|较慢|较差|偏少|偏弱|偏低|偏慢|偏松|偏软|偏差|有差距|存在差距|差距较大|短板|弱项|薄弱|滞后|缓慢|乏力|"
                    + "欠缺|缺乏|缺失|缺位|一般化|走过场|流于形式|打折扣|有待(?:加强|提高|提升|完善|改进)|亟待(?:加强|提高|提升|完善)|"
                    + "不够明显|成效不佳|效果不佳|作用发挥不够|落实不到位|执行不严格|还有差距|仍有短板|存在短板|存在不足|"
                    + "不同程度存在|时有发生|仍然存在|依然存在|问题突出|较为突出|比较突出|有所弱化|弱化|虚化|淡化|边缘化"
                    // any 不X / 不XX predicate closing the sentence (不均衡, 不正常, 不合规), but not the 不 of resolve
                    + "|(?<!坚持|决|绝|毫)不(?!懈|动摇|放松|停歇|手软|减|降|变|松劲|断)\\p{IsHan}{1,2})$");

    /** Verbs whose object is the shortcoming itself: 补齐…短板, 解决…不到位, 克服…不足 are actions. */
    private static final Pattern REMEDY_START = Pattern.compile(
            "^(?:着力|切实|全力|坚决|进一步|持续|加快)?(?:补齐|补强|补足|补上|弥补|填补|消除|克服|解决|整治|破解|改变|扭转|纠正|防止|避免|杜绝|堵塞|堵住|突破|攻克|治理)");

    /*
     * The outline asks these of the same headings and first sentences several times over (a node, its run, its parent's
     * reading of it): each is a pure function of its text, so the answers are remembered per thread.
     */
    private static final SentenceAnswers ENDS_IN_SHORTCOMING_ANSWERS =
            new SentenceAnswers(ProblemText::endsInShortcomingUncached);
    private static final SentenceAnswers EXPLICIT_ANSWERS = new SentenceAnswers(ProblemText::isExplicitUncached);
    private static final SentenceAnswers PROBLEM_ANSWERS = new SentenceAnswers(ProblemText::readsAsProblemUncached);
    private static final SentenceAnswers ACTION_ANSWERS = new SentenceAnswers(ProblemText::readsAsActionUncached);

    /** True when the last clause of the sentence ends in a shortcoming predicate (and does not remedy it). */
    public static boolean endsInShortcoming(String sentence) {
        return ENDS_IN_SHORTCOMING_ANSWERS.test(sentence);
    }

    private static boolean endsInShortcomingUncached(String sentence) {
        String s = HeadingDetector.stripEnd(sentence.strip());
        return ENDS_IN_SHORTCOMING.matcher(s).find() && !REMEDY_START.matcher(s).lookingAt();
    }

    /** Reads both ways: opens with a verb of action, yet states a shortcoming (聚焦…不够到位, 加快…用力不均衡). */
    public static boolean readsBothWays(String sentence) {
        return readsAsProblem(sentence) && readsAsAction(sentence);
    }

    /** Subjects by which the genre words a shortcoming of some (部分单位, 个别干部, 有的村, 一些党员). */
    private static final Pattern PARTIAL_SUBJECT = Pattern.compile("^(?:部分|个别|有的|一些|少数|极少数"
            // or counted: 8名科级干部…, 3个村…, 2所学校… — a finding is told by its count, an action opens with a verb
            + "|\\d{1,4}(?:个|名|家|所|项|起|笔|户|人|件|座|条|处|批|宗|份|次|栋|间|辆)(?!以上|以下|方面|月|年))[\\p{IsHan}“]");

    private ProblemText() {
    }

    /** The first sentence of a title (up to the first 。 outside quotes). */
    public static String firstSentence(String title) {
        int stop = HeadingDetector.firstSentenceEnd(title);
        return stop >= 0 ? title.substring(0, stop) : title;
    }

    /** Text after the first sentence (inline rectification), or "" when there is none. */
    public static String inlineRest(String title) {
        int stop = HeadingDetector.firstSentenceEnd(title);
        return stop >= 0 ? title.substring(stop + 1).trim() : "";
    }

    /** True when the sentence uses an explicit problem wrapper (针对/关于…问题, 在“X”方面, 问题:). */
    public static boolean isExplicit(String sentence) {
        return EXPLICIT_ANSWERS.test(sentence);
    }

    private static boolean isExplicitUncached(String sentence) {
        String s = HeadingDetector.stripEnd(sentence);
        return QUOTED.matcher(s).lookingAt() || ASPECT.matcher(s).lookingAt() || LABELLED.matcher(s).lookingAt()
                || PLAIN.matcher(s).lookingAt() || s.endsWith("的问题") || s.endsWith("方面问题") || topicLabel(s);
    }

    /** "关于干部队伍建设": a feedback point named by its subject only (short, one clause, not a section title). */
    private static boolean topicLabel(String s) {
        return s.startsWith("关于") && s.length() <= 40 && !hasClausePunctuation(s) && !CONTAINER.matcher(s).find()
                && !s.endsWith("方面") && !s.endsWith("情况") && !s.endsWith("工作");
    }

    /** "针对X问题,制定…": an action aimed at a problem, named in passing. */
    private static final Pattern AIMED_ACTION = Pattern.compile("^针对[^,，。;；“\"]{1,50}?(?:问题|短板|不足|情况)[,，;；]\\s*\\S");

    /** A heading that names a feedback area (关于“X”方面, …方面的问题): a group of problems, not one problem. */
    public static boolean namesArea(String title) {
        String t = HeadingDetector.stripEnd(title);
        return t.endsWith("方面") || t.endsWith("方面问题") || t.endsWith("方面的问题") || t.endsWith("方面存在的问题");
    }

    /** True when a plain sentence reads as a shortcoming rather than an action. */
    public static boolean readsAsProblem(String sentence) {
        return PROBLEM_ANSWERS.test(sentence);
    }

    private static boolean readsAsProblemUncached(String sentence) {
        String s = HeadingDetector.stripEnd(sentence);
        if (s.isEmpty() || AIMED_ACTION.matcher(s).lookingAt()) {
            return false;
        }
        if (isExplicit(s)) {
            return true;
        }
        if (CONTAINER.matcher(s).find()) {
            return false;
        }
        if (STRONG_SHORTCOMING.foundIn(s) || endsInShortcoming(s)) {
            return true;
        }
        if (ACTION_START.matcher(s).lookingAt()) {
            return false;
        }
        // feedback points are told about "some" units or people (部分单位…, 个别干部…, 有的村…)
        return SHORTCOMING.foundIn(s) || PARTIAL_SUBJECT.matcher(s).lookingAt();
    }

    /** True when the text has clause punctuation (a signature or heading line has none). */
    public static boolean hasClausePunctuation(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (",，。;；:：、".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the sentence opens with a rectification verb (加强…, 持续…). */
    public static boolean readsAsAction(String sentence) {
        return ACTION_ANSWERS.test(sentence);
    }

    private static boolean readsAsActionUncached(String sentence) {
        String s = HeadingDetector.stripEnd(sentence);
        return ACTION_START.matcher(s).lookingAt() || AIMED_ACTION.matcher(s).lookingAt();
    }

    /** The problem statement without ordinal, wrapper and final punctuation. */
    public static String problemOf(String sentence) {
        String s = HeadingDetector.stripEnd(sentence.trim());
        Matcher m;
        if ((m = QUOTED.matcher(s)).lookingAt() || (m = ASPECT.matcher(s)).lookingAt() || (m = LABELLED.matcher(s)).lookingAt()
                || (m = PLAIN.matcher(s)).lookingAt() || (m = SUFFIX.matcher(s)).lookingAt()
                || (topicLabel(s) && (m = TOPIC.matcher(s)).lookingAt())) {
            String inner = HeadingDetector.stripEnd(m.group(1).trim());
            if (inner.length() > 2 && inner.charAt(0) == '“' && inner.charAt(inner.length() - 1) == '”'
                    && inner.indexOf('“', 1) < 0) {
                inner = inner.substring(1, inner.length() - 1); // 问题：“X” — the quoted statement itself
            }
            if (!inner.isEmpty()) {
                return inner;
            }
        }
        return s;
    }
}
