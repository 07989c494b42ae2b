package org.rectifywatch.processor.bench;

import java.io.PrintStream;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;

/** Measures the parser on a synthetic 50,000-character report after warm-up and prints ms per report. */
public final class ParserBenchmark {
    public static final int REPORT_CHARS = 50_000;

    private ParserBenchmark() {
    }

    public static void run(PrintStream out) {
        String text = syntheticReport(REPORT_CHARS);
        ReportParser parser = new ReportParser();
        ReportInput in = ReportInput.ofText(text);
        int issues = 0;
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        int warm = 0;
        // at least 2 s and 300 runs: the parser's many small patterns reach compiled code only after a few hundred
        // reports, as they do in a processor that runs for hours
        while (System.nanoTime() < warmUntil || warm < 300) {
            issues = parser.parse(in).issueCount();
            warm++;
        }
        int rounds = 200;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ParsedReport r = parser.parse(in);
            issues = r.issueCount();
        }
        double ms = (System.nanoTime() - start) / 1e6 / rounds;
        // CPU time of this thread: what the parser costs, even when other processes share the cores
        String cpu = cpuTime ? String.format(", %.3f ms CPU", (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / rounds) : "";
        out.printf("parser: %.3f ms wall%s per %d-character report (%d issues, %d warm-up runs, %d timed runs)%n",
                ms, cpu, text.length(), issues, warm, rounds);
    }

    /** A report in the genre's most common layout, grown with numbered issues until it has {@code chars} characters. */
    public static String syntheticReport(int chars) {
        StringBuilder b = new StringBuilder(chars + 2000);
        b.append("中共示例县委关于省委巡视整改情况的通报\n");
        b.append("根据省委统一部署,2024年3月4日至5月10日,省委第二巡视组对示例县进行了巡视。6月18日,省委巡视组向示例县委反馈了巡视意见。")
                .append("按照巡视工作有关要求,现将巡视整改情况予以公布。\n");
        b.append("一、整改工作开展情况\n县委把巡视整改作为重大政治任务,成立整改工作领导小组,给予党纪政务处分十二人,挽回经济损失360万元。\n");
        b.append("二、巡视反馈问题整改落实情况\n");
        String[] problems = {"理论学习走过场,学用结合不紧密", "推动产业转型升级力度不够", "工程建设领域廉政风险突出",
                "选人用人把关不严", "基层党组织建设薄弱", "意识形态工作责任落实不到位"};
        int n = 0;
        int group = 0;
        String[] groups = {"(一)贯彻落实党中央决策部署有差距", "(二)全面从严治党落实不到位", "(三)组织路线贯彻有偏差"};
        while (b.length() < chars - 600) {
            if (n % 10 == 0) {
                b.append(groups[group++ % groups.length]).append('\n');
            }
            n++;
            b.append(n).append(".针对“").append(problems[n % problems.length]).append("”问题。\n");
            b.append("整改情况:县委专题研究部署整改工作,制定整改方案,明确责任单位和完成时限。一是强化组织领导,召开专题会议")
                    .append(n).append("次,逐项细化整改措施。二是完善制度机制,修订相关管理办法,建立常态化监督检查机制。")
                    .append("三是开展专项治理,排查问题线索,对相关责任人员严肃追责问责。目前相关项目正在推进,将于2025年6月30日前全部完成。")
                    .append("四是加强督促检查,对整改进展情况实行月调度、季通报,确保整改取得实效。\n");
        }
        b.append("三、下一步工作打算\n县委将持续巩固整改成果,建立健全长效机制。\n");
        b.append("欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:0371-12345678;电子邮箱:example@example.cn。\n");
        b.append("中共示例县委\n2024年9月30日\n");
        return b.toString();
    }
}
