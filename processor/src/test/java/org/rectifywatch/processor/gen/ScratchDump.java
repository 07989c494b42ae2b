package org.rectifywatch.processor.gen;

import org.junit.jupiter.api.Test;

class ScratchDump {
    @Test
    void dump() {
        String fam = System.getProperty("fam", "top-level");
        int shown = 0;
        String seeds = System.getProperty("seeds");
        java.util.List<Long> list = new java.util.ArrayList<>();
        if (seeds != null) { for (String x : seeds.split(",")) list.add(Long.parseLong(x)); }
        else { for (long q = 1; q < 400; q++) list.add(q); }
        for (long seed : list) {
            if (shown >= Integer.getInteger("n", 3)) break;
            ReportGenerator.Layout layout = null;
            for (ReportGenerator.Layout l : ReportGenerator.Layout.values()) {
                if (l.family.equals(fam) || l.name().equals(fam)) layout = l;
            }
            GeneratedReport g = seeds != null ? new ReportGenerator().generate(seed) : new ReportGenerator().generate(seed, layout);
            GeneratedChecks.Outcome o = GeneratedChecks.check(g);
            if (o.silentLosses().isEmpty() && o.swallowed().isEmpty() && o.leakedFigures().isEmpty()
                    && (System.getProperty("warned") == null || o.warnedLosses().isEmpty())) continue;
            shown++;
            System.out.println("=================== seed " + seed);
            String[] lines = g.text().split("\n");
            for (int i = 0; i < lines.length; i++) System.out.printf("%3d %s%n", i + 1, lines[i]);
            System.out.println("silent: " + o.silentLosses());
            System.out.println("warned: " + o.warnedLosses());
            System.out.println("swallowed: " + o.swallowed());
            System.out.println("leaked: " + o.leakedFigures());
            o.parsed().issues().forEach(i -> System.out.printf("  P %3d %-5s %s%n", i.line(), i.label(), i.problem()));
            g.issues().forEach(i -> System.out.printf("  G %3d %-5s %s%n", i.line(), i.label(), i.problem()));
            System.out.println("warnings: " + o.parsed().warnings());
            if (System.getProperty("rect") != null) o.parsed().issues().forEach(i -> System.out.println("R " + i.line() + " :: " + i.rectification().replace("\n", " / ")));
        }
    }
}
