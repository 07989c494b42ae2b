package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Page chrome that surrounds article bodies on government CMS pages: site footer (主办单位, ICP number),
 * share/print/read-aloud widgets, view counters, breadcrumbs, and the Hanweb 信息索引号 metadata block.
 * Only short lines are judged, so a report paragraph that happens to mention one of these words stays.
 */
public final class Boilerplate {
    static final int MAX_CHROME_LINE = 80;

    private static final List<Pattern> CHROME = List.of(
            Pattern.compile("^(主办单位|承办单位|合作单位|协办单位|技术支持|网站标识码|网站地图|版权所有|Copyright|©)"),
            Pattern.compile("ICP备|ICP证|公网安备|政府网站标识码"),
            Pattern.compile("分享到|^分享[:：]|^分享$|扫一扫|微信扫|手机扫|在手机上|用手机"),
            Pattern.compile("朗读|浏览量|浏览次数|阅读次数|访问量|点击数|点击量|阅读量"),
            Pattern.compile("^【?(打印|关闭|打印本页|关闭窗口|返回顶部|收藏|纠错|我要纠错)】?"),
            Pattern.compile("备案号|^朗读$|^分享$"),
            Pattern.compile("字号[:：]?\\s*[【\\[]?(大|小|默认)"),
            Pattern.compile("^(信息索引号|索引号|文件名称|名称|发布机构|成文日期|生成日期|公开方式|公开范围|公开时限|主题分类|组配分类|体裁分类|文号|发文字号|发文机关|有效性)[:：]"),
            Pattern.compile("^(信息索引号|索引号|文件名称|发布机构|成文日期|公开方式|公开范围|主题分类|文号|发文字号|有效性)$"),
            Pattern.compile("^(来源|发布时间|发布日期|日期|时间|作者|编辑|责任编辑|信息来源|文章来源)[:：]"),
            Pattern.compile("^(上一篇|下一篇|相关链接|相关阅读|相关文章|当前位置|您当前的位置|您的位置|首页\\s*[>＞»])"),
            Pattern.compile("^\\[?(大|中|小)\\]?\\s*\\[?(大|中|小)\\]?\\s*\\[?(大|中|小)\\]?$"));

    private Boilerplate() {
    }

    public static boolean isChrome(String line) {
        if (line.length() > MAX_CHROME_LINE) {
            return false;
        }
        for (Pattern p : CHROME) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    public static List<String> strip(List<String> lines) {
        return lines.stream().filter(l -> !isChrome(l)).toList();
    }
}
