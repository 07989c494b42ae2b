package org.rectifywatch.processor.segment;

import java.util.regex.Pattern;
import org.rectifywatch.processor.parse.FastPatterns;

/**
 * Sections that hold no issues: introductions (工作开展情况, 组织整改落实情况, 提高政治站位…), plans (下步工作打算),
 * and the handling of transferred case leads and petitions (移交问题线索和信访件办理).
 */
public final class SectionKinds {
    private static final FastPatterns.KeywordPattern INTRO = FastPatterns.alternation(
            "工作开展情况|开展情况|整改工作(?:的)?(?:开展|推进|组织|总体|基本|主要)|(?<!党)组织(?:开展|领导|实施|推进|整改)|总体情况|"
                    + "基本情况|推进情况|政治站位|主要做法|工作措施|整改成效|加强领导|强化领导|领导有力|思想认识|统一思想|"
                    + "提高认识|深化认识|责任落实情况|工作机制");
    private static final FastPatterns.KeywordPattern PLAN = FastPatterns.alternation(
            "下一步|下步|下阶段|下一阶段|工作打算|工作计划|工作安排|今后工作|努力方向|工作思路|持续巩固|巩固(?:深化)?整改成果");
    private static final FastPatterns.KeywordPattern CASE_LEADS = FastPatterns.alternation("线索|信访件|信访举报|举报件|移交事项|移交的问题");

    /** Opening words of an unheaded closing paragraph (下一步,XX市委将…). */
    private static final Pattern CLOSING_PARAGRAPH = Pattern.compile(
            "^(?:(?:下一步|下步|下阶段|下一阶段|今后)[,，:：]?[^。]{0,20}?(?:委|党组|党委|将|要)"
                    + "|(?:在|通过)?(?:巡视|巡察)?整改(?:工作)?(?:中|期间|过程中|以来)[,，]?(?:共|累计|全[市县区省]|我)?"
                    + "[^。]{0,16}?(?:处分|处理|诫勉|问责|立案|清退|收缴|追回|挽回|制度)"
                    + "|通过(?:巡视|巡察)?整改(?:工作)?[,，](?:共|累计|全[市县区省]|我)?"
                    + "[^。]{0,16}?(?:处分|处理|诫勉|问责|立案|清退|收缴|追回|挽回|制度)"
                    // 截至目前，巡察反馈的5个问题已整改完成3个 — the report's own tally after the last issue
                    + "|截至[^，,。]{0,14}[，,]\\s*(?:巡视|巡察)?(?:组)?(?:反馈|指出|交办)的?[^。]{0,8}?\\d+个(?:具体)?问题)");

    /** Closing lines of the report: invitation to supervise, contact, 特此通报. */
    private static final Pattern CLOSING_LINE = Pattern.compile(
            "^(?:欢迎|联系方式|联系电话|联系人|电话[:：]|(?:监督|举报|监督举报)(?:电话|邮箱|信箱|方式)|邮政信箱|通信地址|通讯地址|电子邮箱|来信|来电|特此通报|附件[:：]"
                    // the notice period of a posted (公示) report: 公示期间，如有意见建议，请向…反映
                    + "|公示(?:期间|时间|期为|期限)|如(?:对|有)[^。]{0,20}?(?:意见|建议)[^。]{0,20}?(?:反映|联系|来电|来信))");

    /** A title ending in the problem it names (…的问题, …问题的整改情况). */
    private static final Pattern NAMES_PROBLEM = Pattern.compile("问题(?:的)?(?:整改(?:落实)?(?:情况|进展情况|进展)?)?[。:：]?$");

    private SectionKinds() {
    }

    /** True when a heading opens a section that holds no issues. */
    public static boolean holdsNoIssues(String title, boolean topLevel, boolean explicitProblem) {
        // 关于下一步工作打算 / 关于移交问题线索的办理 are section titles in the wrapper's words, not problems
        boolean wrapperOnly = explicitProblem && title.startsWith("关于") && title.indexOf('“') < 0
                && title.indexOf('"') < 0 && !NAMES_PROBLEM.matcher(title).find();
        if (explicitProblem && !(wrapperOnly && (PLAN.foundIn(title) || CASE_LEADS.foundIn(title)))) {
            return false;
        }
        if (PLAN.foundIn(title) || CASE_LEADS.foundIn(title)) {
            return true;
        }
        // an introduction's title names the work (整改成效, 组织领导), never states a shortcoming (…整改成效不明显，…)
        return topLevel && !title.contains("问题") && INTRO.foundIn(title)
                && !(ProblemText.readsAsProblem(title) && !ProblemText.readsAsAction(title));
    }

    public static boolean isClosingParagraph(String line) {
        return CLOSING_PARAGRAPH.matcher(line).lookingAt();
    }

    public static boolean isClosingLine(String line) {
        return CLOSING_LINE.matcher(line).lookingAt();
    }
}
