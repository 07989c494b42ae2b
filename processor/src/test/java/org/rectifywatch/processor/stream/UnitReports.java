package org.rectifywatch.processor.stream;

import java.util.ArrayList;
import java.util.List;

/** Small rectification reports and feedback notices of one unit, written for alert tests. */
final class UnitReports {
    private UnitReports() {
    }

    /** One issue of a report: its problem and what the report says was done. */
    record Item(String problem, String answer) {
        static Item due(String problem, String dueText) {
            return new Item(problem, "已完成阶段性任务,剩余工作正在推进,将于" + dueText + "前全部完成。");
        }

        static Item done(String problem) {
            return new Item(problem, "已制定整改方案并逐项落实,该问题已全部整改到位。");
        }

        static Item ongoing(String problem) {
            return new Item(problem, "开展专项整治,建立长效机制,正在持续推进。");
        }
    }

    static final String PHONE = "欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:0839-1234567。";

    /**
     * A report of {@code unit} (as its title names it: 中共青川县委, 青川县人民政府 …) on the inspection of {@code place}
     * by {@code team} with feedback on {@code feedback} (e.g. 2025年6月10日), signed on {@code signed}.
     */
    static String report(String unit, String place, String team, String feedback, String signed, boolean phone, List<Item> items) {
        List<String> lines = new ArrayList<>();
        lines.add(unit + "关于省委巡视整改情况的通报");
        lines.add("根据省委统一部署," + "2025年3月1日至4月30日," + team + "对" + place + "进行了巡视。" + feedback + ","
                + "省委巡视组向" + unit.replace("中共", "") + "反馈了巡视意见。按照巡视工作有关要求,现将巡视整改情况予以公布。");
        lines.add("一、整改落实情况");
        int n = 1;
        for (Item i : items) {
            lines.add(n++ + ".针对“" + i.problem() + "”问题。");
            lines.add("整改情况:" + i.answer());
        }
        if (phone) {
            lines.add(PHONE);
        }
        lines.add(unit);
        lines.add(signed);
        return String.join("\n", lines) + "\n";
    }

    static String notice(String team, String unit, String feedbackText) {
        return feedbackText + "," + team + "向" + unit + "反馈巡视情况。反馈会上,巡视组组长通报了巡视发现的主要问题,提出了整改意见建议。\n"
                + "会议要求,要坚决扛起巡视整改政治责任,认真对照反馈意见抓好整改落实。\n";
    }
}
